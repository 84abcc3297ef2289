"""`kgbuild push` and `kgbuild query --endpoint` as a server sees them: what is sent, with which
credentials. (The real servers are in test_remote_servers.py.)"""

from __future__ import annotations

import base64
import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kgbuild.cli import main

SAMPLE = Path(__file__).parent / "fixtures" / "queries" / "sample.trig"


@pytest.fixture
def recorder():
    """A loopback server that records each request and answers like a SPARQL server."""
    seen = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _record(self):
            length = int(self.headers.get("Content-Length") or 0)
            seen.append({"method": self.command, "path": self.path, "headers": dict(self.headers),
                         "body": self.rfile.read(length).decode("utf-8")})

        def do_PUT(self):
            self._record()
            self.send_response(201)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_POST(self):
            self._record()
            body = json.dumps({"head": {"vars": ["n"]}, "results": {"bindings": [
                {"n": {"type": "literal", "value": "7", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]}})
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body.encode())

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", seen
    server.shutdown()
    server.server_close()


def test_push_puts_each_source_graph_as_n_triples_under_its_name(recorder):
    url, seen = recorder
    result = CliRunner().invoke(main, ["push", str(SAMPLE), "--endpoint", url + "/store", "--token", "t0k"])
    assert result.exit_code == 0, result.output
    assert [r["method"] for r in seen] == ["PUT", "PUT"]
    names = [urllib.parse.parse_qs(urllib.parse.urlsplit(r["path"]).query)["graph"][0] for r in seen]
    assert names == ["https://w3id.org/kgbuild/id/source/a", "https://w3id.org/kgbuild/id/source/b"]
    for request in seen:
        assert request["headers"]["Authorization"] == "Bearer t0k"
        assert request["headers"]["Content-Type"] == "application/n-triples"
        assert len(Graph().parse(data=request["body"], format="nt")) > 10


def test_push_with_user_and_password_sends_basic_credentials(recorder):
    url, seen = recorder
    result = CliRunner().invoke(main, ["push", str(SAMPLE), "--endpoint", url + "/store", "--user", "anna",
                                       "--password", "s3cret", "--quiet"])
    assert result.exit_code == 0 and result.output == ""
    expected = "Basic " + base64.b64encode(b"anna:s3cret").decode()
    assert {r["headers"]["Authorization"] for r in seen} == {expected}


def test_query_endpoint_sends_prefixes_and_bindings_inside_the_query(recorder):
    url, seen = recorder
    result = CliRunner().invoke(main, ["query", "--endpoint", url + "/sparql", "--format", "csv",
                                       "--bind", 'name=x" } DROP ALL { "@ru',
                                       "SELECT (COUNT(*) AS ?n) WHERE { ?p rdfs:label ?name }"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["n", "7"]
    sent = urllib.parse.parse_qs(seen[0]["body"])["query"][0]
    assert sent.startswith("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>")
    # The quotes of the value are escaped: it stays one literal, "x\" } DROP ALL { \""@ru.
    assert 'WHERE { VALUES (?name) { ("x\\" } DROP ALL { \\""@ru) }' in sent
