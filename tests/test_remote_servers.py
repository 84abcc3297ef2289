"""Real SPARQL servers started on loopback by the tests: `kgbuild push` uploads, `kgbuild query
--endpoint` asks, and the query library answers exactly as the embedded store does.

Oxigraph server: the `oxigraph` console script of the Python package `oxigraph`.
Virtuoso Open Source 7: Debian package `virtuoso-opensource` (binary virtuoso-t). Each is skipped
when not installed.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgbuild.cli import main
from kgbuild.query import OxigraphEngine, library, library_query, parse_binding
from kgbuild.remote import RemoteEngine
from kgbuild.store import load_oxigraph

pytestmark = pytest.mark.slow

SAMPLE = Path(__file__).parent / "fixtures" / "queries" / "sample.trig"
BINDINGS = {
    "participants": "incident=<https://w3id.org/kgbuild/id/incident/seizure-1997>",
    "person-network": "name=Серик Омаров@ru",
    "source": "source=<https://w3id.org/kgbuild/id/source/b>",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except urllib.error.HTTPError:
            return  # it answers, if only with an error: it is up
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"server at {url} did not start in {seconds:g} s")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)


@pytest.fixture(scope="module")
def embedded():
    return OxigraphEngine(load_oxigraph(SAMPLE))


def push(store_url: str, *extra: str) -> str:
    result = CliRunner().invoke(main, ["push", str(SAMPLE), "--endpoint", store_url, *extra])
    assert result.exit_code == 0, result.output
    return result.output


def assert_library_matches(engine, embedded, normalize=lambda rows: rows):
    for name in library():
        query = library_query(name)
        expected = embedded.run(query).canonical()
        assert expected, name
        assert normalize(engine.run(query).canonical()) == expected, name
        if name in BINDINGS:
            variable, term = parse_binding(BINDINGS[name])
            bound = embedded.run(query, bindings={variable: term}).canonical()
            assert normalize(engine.run(query, bindings={variable: term}).canonical()) == bound, name


# --- Oxigraph server -----------------------------------------------------------------------------


def oxigraph_command() -> str | None:
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.exists() else shutil.which("oxigraph")


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    command = oxigraph_command()
    if command is None:
        pytest.skip("the oxigraph server (Python package `oxigraph`) is not installed")
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    process = subprocess.Popen([command, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                                "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/query?query=ASK%7B%7D", process)
        yield base
    finally:
        stop(process)


def test_push_to_oxigraph_then_the_library_answers_as_the_embedded_store(oxigraph_server, embedded):
    output = push(oxigraph_server + "/store")
    assert "pushed 2 graphs" in output
    assert_library_matches(RemoteEngine(oxigraph_server + "/query"), embedded)


def test_pushing_again_replaces_each_graph_instead_of_adding_to_it(oxigraph_server):
    engine = RemoteEngine(oxigraph_server + "/query")
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    push(oxigraph_server + "/store")
    before = engine.run(count).rows
    push(oxigraph_server + "/store", "--quiet")
    assert engine.run(count).rows == before


def test_query_endpoint_option_runs_a_library_query_remotely(oxigraph_server):
    push(oxigraph_server + "/store", "--quiet")
    result = CliRunner().invoke(main, ["query", "--endpoint", oxigraph_server + "/query", "--name", "fallen",
                                       "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "трёхлетняя дочь" in result.output


def test_an_unreachable_endpoint_is_one_clear_line():
    port = free_port()
    result = CliRunner().invoke(main, ["query", "--endpoint", f"http://127.0.0.1:{port}/sparql", "ASK {}"])
    assert result.exit_code == 2
    assert "cannot reach the server" in result.output and "Traceback" not in result.output


# --- Virtuoso Open Source 7 ----------------------------------------------------------------------

VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {dir}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2
MaxQueryMem = 200M

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
MaxClientConnections = 5
ServerThreads = 5
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    binary = shutil.which("virtuoso-t")
    if binary is None:
        pytest.skip("Virtuoso Open Source 7 is not installed (apt-get install virtuoso-opensource)")
    folder = tmp_path_factory.mktemp("virtuoso")
    http_port, sql_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=folder, sql_port=sql_port, http_port=http_port), encoding="utf-8")
    process = subprocess.Popen([binary, "+foreground", "+configfile", str(ini)], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{http_port}"
    try:
        wait_for(base + "/sparql?query=ASK%7B%7D", process, seconds=120)
        yield base
    finally:
        stop(process)


def virtuoso_normalize(rows):
    """Virtuoso answers COUNT() and integers as xsd:int; the value is the same."""
    return sorted(tuple(cell.replace("<http://www.w3.org/2001/XMLSchema#int>",
                                     "<http://www.w3.org/2001/XMLSchema#integer>") for cell in row)
                  for row in rows)


def test_push_to_virtuoso_then_the_library_answers_as_the_embedded_store(virtuoso, embedded):
    output = push(virtuoso + "/sparql-graph-crud-auth", "--user", "dba", "--password", "dba")
    assert "pushed 2 graphs" in output
    assert_library_matches(RemoteEngine(virtuoso + "/sparql"), embedded, virtuoso_normalize)


def test_virtuoso_refuses_a_push_with_a_wrong_password(virtuoso):
    result = CliRunner().invoke(main, ["push", str(SAMPLE), "--endpoint", virtuoso + "/sparql-graph-crud-auth",
                                       "--user", "dba", "--password", "wrong"])
    assert result.exit_code == 2 and "HTTP 401" in result.output
