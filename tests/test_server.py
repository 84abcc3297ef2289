"""`kgbuild serve`: standard clients get standard answers; what is not allowed is refused clearly."""

from __future__ import annotations

import json
import os
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kgbuild.query import OxigraphEngine, library, library_query
from kgbuild.server import ServerConfig, running
from kgbuild.store import load_oxigraph

SAMPLE = Path(__file__).parent / "fixtures" / "queries" / "sample.trig"
PERSONS = "SELECT ?name WHERE { ?p a kgb:Person ; rdfs:label ?name } ORDER BY ?name"


def config(**changes) -> ServerConfig:
    return ServerConfig(**{"port": 0, "quiet": True, **changes})


@pytest.fixture(scope="module")
def url():
    with running(SAMPLE, config()) as base:
        yield base


def request(url, *, query=None, data=None, method=None, headers=None):
    if query is not None:
        url = f"{url}?{urllib.parse.urlencode({'query': query})}"
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, response.read().decode("utf-8"), dict(response.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8"), dict(exc.headers)


def form(url, **fields):
    return request(url + "/sparql", data=urllib.parse.urlencode(fields).encode(),
                   headers={"Content-Type": "application/x-www-form-urlencoded"})


def test_sparqlwrapper_gets_json_results(url):
    SPARQLWrapper = pytest.importorskip("SPARQLWrapper")
    client = SPARQLWrapper.SPARQLWrapper(url + "/sparql")
    client.setQuery("PREFIX kgb: <https://w3id.org/kgbuild/ontology#>\n"
                    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" + PERSONS)
    client.setReturnFormat(SPARQLWrapper.JSON)
    names = [b["name"]["value"] for b in client.query().convert()["results"]["bindings"]]
    assert names == ["Айгуль Омарова", "Кайкен Омаров", "Серик Омаров"]


def test_get_urlencoded_post_and_direct_post_give_the_same_answer(url):
    accept = {"Accept": "application/sparql-results+json"}
    by_get = request(url + "/sparql", query=PERSONS, headers=accept)
    by_form = form(url, query=PERSONS)
    by_body = request(url + "/sparql", data=PERSONS.encode(),
                      headers={"Content-Type": "application/sparql-query", **accept})
    assert by_get[0] == by_form[0] == by_body[0] == 200
    assert json.loads(by_get[1]) == json.loads(by_form[1]) == json.loads(by_body[1])


@pytest.mark.parametrize("accept, media, marker", [
    ("application/sparql-results+json", "application/sparql-results+json", '"bindings"'),
    ("application/sparql-results+xml", "application/sparql-results+xml", "<sparql xmlns"),
    ("text/csv", "text/csv", "name\r\nАйгуль Омарова"),
    ("text/tab-separated-values", "text/tab-separated-values", '?name\n"Айгуль Омарова"@ru'),
    ("text/html, application/xml;q=0.9", "application/sparql-results+xml", "<literal xml:lang"),
])
def test_select_results_are_negotiated(url, accept, media, marker):
    status, body, headers = request(url + "/sparql", query=PERSONS, headers={"Accept": accept})
    assert status == 200 and headers["Content-Type"].startswith(media)
    assert marker in body


@pytest.mark.parametrize("accept, media, marker", [
    ("text/turtle", "text/turtle", "kgb:age"),
    ("application/ld+json", "application/ld+json", '"@id"'),
    ("application/n-triples", "application/n-triples", "<https://w3id.org/kgbuild/ontology#age>"),
])
def test_graphs_are_negotiated(url, accept, media, marker):
    status, body, headers = request(url + "/sparql", query="CONSTRUCT WHERE { ?s kgb:age ?a }",
                                    headers={"Accept": accept})
    assert status == 200 and headers["Content-Type"].startswith(media)
    assert marker in body


def test_an_unsupported_format_is_406(url):
    status, body, _ = request(url + "/sparql", query=PERSONS, headers={"Accept": "image/png"})
    assert status == 406 and "available" in body


@pytest.mark.parametrize("fields, status, words", [
    ({"query": "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"}, 403, "SERVICE"),
    ({"query": "select * where { service <http://127.0.0.1:9/> { ?s ?p ?o } }"}, 403, "SERVICE"),
    ({"update": "LOAD <http://example.org/data.ttl>"}, 403, "read-only"),
    ({"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}, 403, "read-only"),
    ({"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}, 403, "read-only"),
    ({"query": "DROP ALL"}, 403, "read-only"),
    ({"query": "SELECT ?x WHERE { ?x "}, 400, "syntax error at line 1"),
    ({}, 400, "missing the 'query' parameter"),
])
def test_what_is_not_allowed_is_refused_with_a_clear_4xx(url, fields, status, words):
    got, body, _ = form(url, **fields)
    assert got == status
    assert words in body
    assert "Traceback" not in body and str(SAMPLE.parent) not in body


@pytest.mark.parametrize("method, data, headers, status", [
    ("PUT", b"<urn:a> <urn:b> <urn:c> .", {"Content-Type": "application/n-triples"}, 405),
    ("DELETE", None, {}, 405),
    ("GET", None, {}, 405),  # with ?update= below: updates never travel by GET
    ("POST", b"query=\xff\xfe", {"Content-Type": "application/x-www-form-urlencoded"}, 400),
    ("POST", b"SELECT * {}", {"Content-Type": "text/plain"}, 415),
    ("POST", b"x", {"Content-Type": "application/sparql-query", "Content-Length": "-5"}, 400),
])
def test_odd_requests_get_a_4xx_and_one_line(url, method, data, headers, status):
    target = url + "/sparql" + ("?update=DROP%20ALL" if method == "GET" else "")
    got, body, _ = request(target, data=data, method=method, headers=headers)
    assert got == status
    assert body.startswith("kgbuild: ") and body.count("\n") == 1


def test_the_data_is_unchanged_after_refused_updates(url):
    form(url, update="INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    status, body, _ = request(url + "/sparql", query="ASK { <urn:a> ?p ?o }",
                              headers={"Accept": "application/sparql-results+json"})
    assert json.loads(body)["boolean"] is False


def test_a_string_that_mentions_service_is_not_refused(url):
    status, _, _ = form(url, query='SELECT * WHERE { ?s kgb:description "SERVICE" }')
    assert status == 200


def test_bodies_over_the_limit_are_413():
    with running(SAMPLE, config(max_body=1000)) as base:
        status, body, _ = form(base, query=PERSONS + " " * 2000)
        assert status == 413 and "larger than 1000 bytes" in body


def test_results_are_cut_at_the_limit_and_flagged():
    with running(SAMPLE, config(max_results=5)) as base:
        status, body, headers = form(base, query="SELECT * WHERE { ?s ?p ?o }")
        assert status == 200 and headers.get("X-Kgbuild-Truncated") == "true"
        assert len(json.loads(body)["results"]["bindings"]) == 5


EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h . ?i ?t ?j }"


def test_queries_over_their_time_are_stopped_and_the_server_stays_free():
    # More expensive queries than workers: each is killed at its timeout, so none piles up.
    with running(SAMPLE, config(timeout=0.5, max_running=2)) as base:
        for _ in range(4):
            started = time.monotonic()
            status, body, _ = form(base, query=EXPENSIVE)
            assert status == 503 and "timed out after 0.5 s" in body
            assert time.monotonic() - started < 5
        status, body, _ = form(base, query=PERSONS)
        assert status == 200 and "Серик Омаров" in body, body


def test_with_updates_allowed_a_query_over_its_time_still_gets_503():
    # Queries run in threads here and cannot be stopped: this one ends by itself within seconds.
    finite = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"
    with running(SAMPLE, config(timeout=0.5, allow_updates=True)) as base:
        status, body, _ = form(base, query=finite)
        assert status == 503 and "timed out after 0.5 s" in body


def test_a_token_is_required_when_set():
    with running(SAMPLE, config(token="s3cret")) as base:
        assert form(base, query=PERSONS)[0] == 401
        wrong = request(base + "/sparql", query=PERSONS, headers={"Authorization": "Bearer guess"})
        assert wrong[0] == 401 and "token" in wrong[1]
        right = request(base + "/sparql", query=PERSONS, headers={"Authorization": "Bearer s3cret"})
        assert right[0] == 200
        assert request(base + "/queries")[0] == 401
        assert request(base + "/")[0] == 200  # the page holds no data; it asks for the token


def test_updates_work_only_when_allowed():
    with running(SAMPLE, config(allow_updates=True)) as base:
        assert form(base, update="INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }")[0] == 204
        status, body, _ = form(base, query="ASK { <urn:a> <urn:b> <urn:c> }")
        assert json.loads(body)["boolean"] is True
        assert form(base, update="LOAD <http://example.org/x.ttl>")[0] == 403


def test_static_files_cannot_reach_outside_the_web_folder(url):
    assert request(url + "/")[0] == 200
    assert request(url + "/static/app.js")[0] == 200
    for path in ("/static/../server.py", "/static/%2e%2e/server.py", "/static//etc/passwd", "/etc/passwd"):
        status, body, _ = request(url + path)
        assert status == 404 and "root:" not in body


def test_the_library_is_served_with_descriptions(url):
    status, body, _ = request(url + "/queries")
    doc = json.loads(body)
    assert [q["name"] for q in doc["queries"]] == sorted(library())
    assert doc["prefixes"]["kgb"] == "https://w3id.org/kgbuild/ontology#"


def test_the_server_binds_loopback_by_default():
    assert ServerConfig().host == "127.0.0.1"


def test_library_results_from_the_server_equal_the_embedded_store(url):
    from kgbuild.query import parse_results_json

    engine = OxigraphEngine(load_oxigraph(SAMPLE))
    for name in library():
        status, body, _ = form(url, query=library_query(name))
        assert status == 200, body
        assert parse_results_json(body).canonical() == engine.run(library_query(name)).canonical(), name


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and its children (Linux /proc), in KiB."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


@pytest.mark.skipif(os.environ.get("KGBUILD_SKIP_LOAD_TEST") == "1", reason="KGBUILD_SKIP_LOAD_TEST=1")
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads memory from Linux /proc")
def test_fifty_clients_mixing_good_bad_and_expensive_queries_get_no_errors(tmp_path):
    """50 clients for 30 s (KGBUILD_LOAD_SECONDS) against `kgbuild serve`: every answer is the
    expected one (200, 400 for a syntax error, 403 for SERVICE, 503 only for timeouts) and the
    server's memory is back near where it started."""
    import subprocess
    import sys

    seconds = float(os.environ.get("KGBUILD_LOAD_SECONDS", "30"))
    port = free_port()
    src = Path(__file__).resolve().parents[1] / "src"
    env = {**os.environ, "PYTHONPATH": f"{src}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    server = subprocess.Popen([sys.executable, "-c", "from kgbuild.cli import main; main()", "serve", str(SAMPLE),
                               "--port", str(port), "--quiet", "--timeout", "2"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    good = [library_query(name) for name in ("timeline", "participants", "fallen", "conflicts")]
    mix = [(q, {200}) for q in good] + [("SELECT ?x WHERE { ?x ", {400}),
                                        ("SELECT * WHERE { SERVICE <http://example.org/> { ?s ?p ?o } }", {403})]
    counts = {"ok": 0, "timeouts": 0, "bad": []}
    lock = threading.Lock()
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if form(base, query=PERSONS)[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline and server.poll() is None, "the server did not start"
            time.sleep(0.3)
        for query, _ in mix * 3:
            form(base, query=query)
        before = tree_rss_kib(server.pid)
        stop = time.monotonic() + seconds

        def client(index):
            i = index
            while time.monotonic() < stop:
                # Three of the fifty users send queries that run past the timeout.
                query, expected = (EXPENSIVE, {503}) if index < 3 and i % 2 else mix[i % len(mix)]
                status, body, _ = form(base, query=query)
                with lock:
                    if status in expected and (status != 503 or "timed out" in body):
                        counts["timeouts" if status == 503 else "ok"] += 1
                    else:
                        counts["bad"].append((status, body[:80]))
                i += 1

        threads = [threading.Thread(target=client, args=(n,)) for n in range(50)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(seconds + 60)
        time.sleep(3)  # workers killed at a timeout are replaced
        after = tree_rss_kib(server.pid)
        assert server.poll() is None, "the server died"
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    print(f"load test: {counts['ok']} answers and {counts['timeouts']} timeouts as expected in {seconds:g} s "
          f"from 50 clients; memory {before // 1024} MiB before, {after // 1024} MiB after")
    assert counts["bad"] == []
    assert counts["ok"] > 50 and counts["timeouts"] > 0
    assert after < before * 1.5 + 50 * 1024
    assert b"Traceback" not in errors
    assert server.returncode == 0  # SIGTERM ends it cleanly, its temporary store removed
