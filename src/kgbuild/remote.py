"""Remote SPARQL servers: run queries (SPARQL 1.1 Protocol) and upload graphs (Graph Store Protocol).

Plain urllib, so any standard server works: Oxigraph, Fuseki, GraphDB, Virtuoso, QLever.
"""

from __future__ import annotations

import base64
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from .errors import KgbuildError, QueryError
from .namespaces import bind_prefixes
from .query import Answer, bind_values, parse_results_json, query_form, with_prefixes

USER_AGENT = "kgbuild"


class RemoteError(KgbuildError):
    """A remote SPARQL server refused a request or could not be reached."""


@dataclass
class Auth:
    """Credentials: a bearer token, or a user and password (Basic or Digest, as the server asks)."""

    user: str | None = None
    password: str | None = None
    token: str | None = None


def _opener(url: str, auth: Auth | None) -> urllib.request.OpenerDirector:
    handlers = []
    if auth and auth.user is not None:
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        manager.add_password(None, url, auth.user, auth.password or "")
        # Virtuoso's authenticated endpoints ask for Digest; Fuseki and GraphDB for Basic.
        handlers += [urllib.request.HTTPBasicAuthHandler(manager), urllib.request.HTTPDigestAuthHandler(manager)]
    return urllib.request.build_opener(*handlers)


def _request(url: str, auth: Auth | None, *, method: str = "GET", data: bytes | None = None,
             headers: dict | None = None, timeout: float | None = None) -> tuple[int, bytes, str]:
    headers = {"User-Agent": USER_AGENT, **(headers or {})}
    if auth and auth.token:
        headers["Authorization"] = f"Bearer {auth.token}"
    elif auth and auth.user is not None:
        # Send Basic at once: many servers answer 404/403 rather than 401 to anonymous writes.
        pair = f"{auth.user}:{auth.password or ''}".encode("utf-8")
        headers.setdefault("Authorization", "Basic " + base64.b64encode(pair).decode("ascii"))
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with _opener(url, auth).open(request, timeout=timeout or 300) as response:
            return response.status, response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        if exc.code == 401 and auth and auth.user is not None and "Authorization" in headers \
                and headers["Authorization"].startswith("Basic"):
            # The server wants Digest: retry without our Basic header so the handler answers it.
            del headers["Authorization"]
            request = urllib.request.Request(url, data=data, method=method, headers=headers)
            try:
                with _opener(url, auth).open(request, timeout=timeout or 300) as response:
                    return response.status, response.read(), response.headers.get("Content-Type", "")
            except urllib.error.HTTPError as again:
                exc = again
        body = exc.read()[:300].decode("utf-8", "replace").strip().replace("\n", " ")
        raise RemoteError(f"{_safe(url)}: HTTP {exc.code} {exc.reason}" + (f": {body}" if body else "")) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise RemoteError(f"{_safe(url)}: cannot reach the server: {reason}") from None


def _safe(url: str) -> str:
    """The URL without credentials or query string, for messages."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return urllib.parse.urlunsplit((parts.scheme, host, parts.path, "", ""))


class RemoteEngine:
    """Run queries on a SPARQL 1.1 Protocol endpoint; bindings travel as a VALUES block."""

    name = "remote"

    def __init__(self, endpoint: str, auth: Auth | None = None):
        self.endpoint = endpoint
        self.auth = auth

    def run(self, text: str, bindings=None, limit: int | None = None, timeout: float | None = None) -> Answer:
        full = with_prefixes(bind_values(text, bindings or {}))
        form = query_form(text)
        accept = "text/turtle" if form in ("CONSTRUCT", "DESCRIBE") else "application/sparql-results+json"
        body = urllib.parse.urlencode({"query": full}).encode("utf-8")
        try:
            _, data, ctype = _request(self.endpoint, self.auth, method="POST", data=body, timeout=timeout,
                                      headers={"Accept": accept,
                                               "Content-Type": "application/x-www-form-urlencoded"})
        except RemoteError as exc:
            raise QueryError(str(exc)) from None
        if form in ("CONSTRUCT", "DESCRIBE"):
            graph = bind_prefixes(Graph())
            fmt = "nt" if "n-triples" in ctype else "json-ld" if "json" in ctype else "turtle"
            try:
                graph.parse(data=data.decode("utf-8"), format=fmt)
            except Exception as exc:
                raise QueryError(f"{_safe(self.endpoint)}: unreadable graph in the answer: {exc}") from None
            return Answer(form, graph=graph)
        answer = parse_results_json(data)
        if limit is not None and len(answer.rows) > limit:
            answer.rows, answer.truncated = answer.rows[:limit], True
        return answer


def graph_store_url(endpoint: str, graph: str) -> str:
    """The Graph Store Protocol address of one named graph (indirect identification, ?graph=)."""
    separator = "&" if "?" in endpoint else "?"
    return f"{endpoint}{separator}{urllib.parse.urlencode({'graph': graph})}"


def push(dataset_path: str | Path, endpoint: str, auth: Auth | None = None,
         timeout: float | None = None, progress=None) -> list[tuple[str, int]]:
    """PUT each named graph of the dataset to the Graph Store endpoint (replace: idempotent).

    Returns (graph name, triples) for each graph sent.
    """
    from .store import load_dataset, source_graphs

    dataset = load_dataset(dataset_path)
    sent = []
    for graph in source_graphs(dataset):
        name = str(graph.identifier)
        plain = Graph()
        for triple in graph:
            plain.add(triple)
        data = plain.serialize(format="nt", encoding="utf-8")
        _request(graph_store_url(endpoint, name), auth, method="PUT", data=data, timeout=timeout,
                 headers={"Content-Type": "application/n-triples"})
        sent.append((name, len(plain)))
        if progress:
            progress(name, len(plain))
    return sent
