"""The HTTP side of the server: SPARQL 1.1 Protocol requests, content negotiation, static files."""

from __future__ import annotations

import hmac
import json
import sys
import traceback
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from ..errors import KgbuildError
from ..namespaces import PREFIXES
from ..query import GRAPH_TYPES, RESULT_TYPES, Answer, describe_query, library, serialize_graph, serialize_results
from .endpoint import Endpoint, HttpError

WEB_DIR = Path(__file__).resolve().parents[1] / "web"
STATIC_TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
                ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8"}
# What the page and API may be framed or scripted by: nothing outside this server.
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
                               "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
                               "base-uri 'none'; form-action 'self'",
}


# --- content negotiation ------------------------------------------------------------------------

def _accepted(accept: str) -> list[str]:
    """Media types of an Accept header, most wanted first (q-values honoured, order kept on ties)."""
    ranked = []
    for index, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        quality = 1.0
        for field_ in fields[1:]:
            if field_.startswith("q="):
                try:
                    quality = float(field_[2:])
                except ValueError:
                    quality = 0.0
        if quality > 0:
            ranked.append((-quality, index, fields[0].lower()))
    return [media for _, _, media in sorted(ranked)]


RESULT_ALIASES = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv",
                  "application/sparql-results+json": "json", "application/json": "json",
                  "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
                  "text/csv": "csv", "text/tab-separated-values": "tsv"}
GRAPH_ALIASES = {"turtle": "turtle", "ttl": "turtle", "json-ld": "json-ld", "jsonld": "json-ld",
                 "nt": "nt", "ntriples": "nt", "n-triples": "nt", "xml": "xml", "rdfxml": "xml",
                 "text/turtle": "turtle", "application/x-turtle": "turtle",
                 "application/ld+json": "json-ld", "application/json": "json-ld",
                 "application/n-triples": "nt", "text/plain": "nt", "application/rdf+xml": "xml",
                 "application/xml": "xml"}


def negotiate(answer: Answer, accept: str, fmt: str | None) -> tuple[str, str]:
    """(format, media type) for an answer, from a ?format= parameter or the Accept header."""
    graph = answer.graph is not None
    aliases, types = (GRAPH_ALIASES, GRAPH_TYPES) if graph else (RESULT_ALIASES, RESULT_TYPES)
    wanted = [fmt.lower()] if fmt else _accepted(accept or "*/*")
    for media in wanted:
        if media in aliases:
            chosen = aliases[media]
            return chosen, types[chosen]
        if media in ("*/*", "application/*", "text/*"):
            chosen = "turtle" if graph else "json"
            return chosen, types[chosen]
    raise HttpError(406, "cannot answer in the requested format; available: " + ", ".join(types.values()))


def _accepts_gzip(accept_encoding: str) -> bool:
    return "gzip" in _accepted(accept_encoding)


# --- the handler --------------------------------------------------------------------------------


class Handler(BaseHTTPRequestHandler):
    server_version = "kgbuild"
    sys_version = ""
    timeout = 60  # seconds a client may take to send its request (slow clients cannot pin threads)
    endpoint: Endpoint  # set on the subclass made by make_server

    def log_message(self, format, *args):  # noqa: A002 (the stdlib's name)
        if not self.endpoint.config.quiet:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")

    def do_GET(self):
        self._handle("GET")

    def do_POST(self):
        self._handle("POST")

    def do_HEAD(self):
        self._handle("HEAD")

    def _not_allowed(self):
        self._error(405, "this endpoint is read-only; it takes GET and POST", {"Allow": "GET, POST, HEAD, OPTIONS"})

    do_PUT = do_DELETE = do_PATCH = _not_allowed

    def do_OPTIONS(self):
        self._send(204, b"", "text/plain", {"Allow": "GET, POST, HEAD, OPTIONS"})

    def _handle(self, method: str):
        try:
            url = urllib.parse.urlsplit(self.path)
            path = url.path
            if method in ("GET", "HEAD") and (path == "/" or path.startswith("/static/")):
                return self._static("index.html" if path == "/" else path[len("/static/"):], method)
            if path not in ("/sparql", "/query", "/update", "/queries"):
                raise HttpError(404, "not found; the SPARQL endpoint is /sparql, the query page is /")
            self._authorize()
            if path == "/queries":
                return self._send_json({"queries": self._library(),
                                        "prefixes": {p: str(ns) for p, ns in PREFIXES.items()}})
            params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
            if method == "POST":
                params = self._post_params(params)
            elif path == "/update" or "update" in params:
                raise HttpError(405, "updates must be sent with POST", {"Allow": "POST"})
            if "update" in params or path == "/update":
                text = self._one(params, "update")
                self.endpoint.update(text)
                return self._send(204, b"", "text/plain")
            text = self._one(params, "query")
            view = self.endpoint.view(text)
            if view is not None:
                return self._send_view(view, params, method)
            answer = self.endpoint.query(text)
            fmt, media = negotiate(answer, self.headers.get("Accept", ""), (params.get("format") or [None])[0])
            body = (serialize_graph(answer.graph, fmt) if answer.graph is not None
                    else serialize_results(answer, fmt)).encode("utf-8")
            headers = {"X-Kgbuild-Truncated": "true"} if answer.truncated else {}
            self._send(200, body, f"{media}; charset=utf-8", headers, head=method == "HEAD")
        except HttpError as exc:
            self._error(exc.status, str(exc), exc.headers)
        except KgbuildError as exc:
            self._error(400, str(exc))
        except (BrokenPipeError, ConnectionResetError):
            pass
        except Exception:
            # The client learns only that it failed; the details stay in the server's log.
            traceback.print_exc(file=sys.stderr)
            self._error(500, "internal error")

    # -- pieces --------------------------------------------------------------------------------

    def _authorize(self):
        token = self.endpoint.config.token
        if not token:
            return
        given = self.headers.get("Authorization", "")
        if not (given.startswith("Bearer ") and hmac.compare_digest(given[7:].strip().encode(), token.encode())):
            raise HttpError(401, "a bearer token is required", {"WWW-Authenticate": 'Bearer realm="kgbuild"'})

    def _post_params(self, params: dict) -> dict:
        length = self.headers.get("Content-Length")
        if length is None:
            raise HttpError(411, "a Content-Length header is required")
        try:
            size = int(length)
        except ValueError:
            raise HttpError(400, "bad Content-Length") from None
        if size < 0:
            raise HttpError(400, "bad Content-Length")
        if size > self.endpoint.config.max_body:
            self.close_connection = True
            raise HttpError(413, f"request body larger than {self.endpoint.config.max_body} bytes")
        raw = self.rfile.read(size)
        ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        try:
            body = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise HttpError(400, "the request body is not UTF-8") from None
        if ctype == "application/x-www-form-urlencoded":
            merged = dict(params)
            for key, values in urllib.parse.parse_qs(body, keep_blank_values=True).items():
                merged.setdefault(key, []).extend(values)
            return merged
        if ctype == "application/sparql-query":
            return {**params, "query": [body]}
        if ctype == "application/sparql-update":
            return {**params, "update": [body]}
        raise HttpError(415, "send application/x-www-form-urlencoded, application/sparql-query "
                             "or application/sparql-update")

    @staticmethod
    def _one(params: dict, name: str) -> str:
        values = params.get(name)
        if not values:
            raise HttpError(400, f"missing the '{name}' parameter")
        if len(values) > 1:
            raise HttpError(400, f"more than one '{name}' parameter")
        return values[0]

    def _library(self) -> list[dict]:
        out = []
        for name, path in library().items():
            text = path.read_text(encoding="utf-8")
            out.append({"name": name, "description": describe_query(text), "query": text})
        return out

    def _static(self, name: str, method: str):
        # Only files that are really in web/ (no "..", no subfolders other than vendor/).
        allowed = {p.relative_to(WEB_DIR).as_posix(): p for p in WEB_DIR.rglob("*") if p.is_file()}
        path = allowed.get(name)
        if path is None or path.suffix not in STATIC_TYPES:
            raise HttpError(404, "not found")
        self._send(200, path.read_bytes(), STATIC_TYPES[path.suffix], {"Cache-Control": "no-cache"},
                   head=method == "HEAD")

    def _send_view(self, view, params: dict, method: str):
        """A library listing's stored answer: its bytes as written with the store (JSON, CSV,
        TSV), cut at the row limit; XML written from its rows."""
        from ..views import SERIALIZED

        fmt, media = negotiate(Answer("SELECT"), self.headers.get("Accept", ""), (params.get("format") or [None])[0])
        limit = self.endpoint.config.max_results
        headers = {"X-Kgbuild-View": view.name, "Vary": "Accept-Encoding"}
        if fmt in SERIALIZED and view.rows <= limit and _accepts_gzip(self.headers.get("Accept-Encoding", "")):
            body, truncated = view.gzipped(fmt), False  # stored gzipped: sent as it is
            headers["Content-Encoding"] = "gzip"
        elif fmt in SERIALIZED:
            body, truncated = view.serialized(fmt, limit)
        else:
            answer = view.answer(limit)
            body, truncated = serialize_results(answer, fmt).encode("utf-8"), answer.truncated
        if truncated:
            headers["X-Kgbuild-Truncated"] = "true"
        self._send(200, body, f"{media}; charset=utf-8", headers, head=method == "HEAD")

    def _send_json(self, data):
        self._send(200, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def _error(self, status: int, message: str, headers: dict | None = None):
        body = (f"kgbuild: {message}\n").encode("utf-8")
        try:
            self._send(status, body, "text/plain; charset=utf-8", headers)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _send(self, status: int, body: bytes, ctype: str, headers: dict | None = None, head: bool = False):
        self.send_response(status, HTTPStatus(status).phrase)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in {**SECURITY_HEADERS, **(headers or {})}.items():
            self.send_header(key, value)
        self.end_headers()
        if not head and body:
            self.wfile.write(body)
