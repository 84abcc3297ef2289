"""Materialized views: the library's listings answered when a store is written, kept inside it.

A store directory is written once (beside, then swapped in) and opened read-only afterwards, so
the answer of each library query asked without bindings can be computed while it is written and
stored with it. A view is used only while its stamp matches: the same query text (its SHA-256),
the same kgbuild version, the same store (the build id written with it and the names and sizes
of the database's files, which any write changes; a read-only open does not). Anything else is
answered live. Each view holds its rows (distinct terms once, rows as indexes) and the answer
already written as SPARQL JSON, CSV and TSV, with the byte offset of every row, so a `--limit`
or the server's row cap cuts the bytes instead of writing them again.

Layout: `STORE/views/manifest.json` (the stamp and one entry per view), and per view, gzipped
(answers repeat names and IRIs: 10-35 times smaller, and a client that accepts gzip gets the
file as it is): `NAME.rows.json.gz` (columns, distinct terms, rows as indexes into them),
`NAME.json.gz`, `NAME.csv.gz`, `NAME.tsv.gz`, and for each of the last three `NAME.FMT.idx`: the
byte where each row ends in the uncompressed text, as 8-byte little-endian integers.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import time
import sys
import uuid
import zlib
from array import array
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Literal, URIRef

from .errors import OutputError, QueryError

VIEWS_DIR = "views"
MANIFEST = "manifest.json"
LAYOUT = 1  # the layout of a views folder; a reader of another layout answers live
SERIALIZED = {"json": ".json", "csv": ".csv", "tsv": ".tsv"}
# Library queries not materialized, and why (docs/querying.md says the same).
NOT_MATERIALIZED = {
    "source": "unbound it lists every statement of the dataset: a second copy of the store, "
              "as large as it and 30 s or more to write at a million quads; "
              "for the whole graph read the TriG file or use `kgbuild export`",
}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_NOT_FINGERPRINTED = ("LOG", "LOCK")
_GZIP = 31  # zlib's wbits for the gzip container  # RocksDB's info log and lock file: not the data


def query_hash(text: str) -> str:
    """The stamp of a query text: line endings and the blank space around it do not count
    (a browser's form sends CRLF), anything else does."""
    normal = text.replace("\r\n", "\n").strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def new_build_id() -> str:
    return uuid.uuid4().hex


def database_fingerprint(database: Path) -> str:
    """Names and sizes of the RocksDB files: a write adds a log or a table file or grows one,
    opening the store writable starts a new manifest; a read-only open changes none."""
    entries = sorted((p.name, p.stat().st_size) for p in database.iterdir()
                     if p.is_file() and not p.name.startswith(_NOT_FINGERPRINTED))
    return hashlib.sha256(json.dumps(entries).encode("ascii")).hexdigest()


def _version() -> str:
    from . import __version__

    return __version__


# --- writing ------------------------------------------------------------------------------------


def write_views(folder: Path, store, build_id: str, fingerprint: str, quads: int,
                only: list[str] | None = None) -> dict:
    """Answer each library listing on `store` and write the views into `folder` (a new folder
    of a store directory being written). Returns the manifest."""
    from .query import OxigraphEngine, library, query_form

    folder.mkdir(parents=True, exist_ok=False)
    engine = OxigraphEngine(store)
    entries = {}
    for name, path in library().items():
        if name in NOT_MATERIALIZED or (only is not None and name not in only):
            continue
        text = path.read_text(encoding="utf-8")
        if query_form(text) != "SELECT":
            continue
        started, cpu = time.perf_counter(), time.process_time()
        try:
            answer = engine.answer(text)
        except QueryError:
            continue  # answered live, where the user sees the error; the store is still written
        entries[name] = _write_view(folder, name, text, answer.columns, answer.rows)
        entries[name]["seconds"] = round(time.perf_counter() - started, 3)
        entries[name]["cpu seconds"] = round(time.process_time() - cpu, 3)
    manifest = {"layout": LAYOUT, "kgbuild": _version(), "build": build_id, "database": fingerprint,
                "quads": quads, "views": entries}
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def _write_view(folder: Path, name: str, text: str, columns: list[str], rows: list[list]) -> dict:
    from .query import result_parts

    # Terms by object id (rdflib's hash is slow; the engine gives equal terms as one object,
    # and an equal term met twice as two objects is only stored twice).
    index: dict = {id(None): 0}
    terms: list = [None]
    coded = []
    for row in rows:
        line = []
        for term in row:
            at = index.get(id(term))
            if at is None:
                at = index[id(term)] = len(terms)
                terms.append(_encode(term))
            line.append(at)
        coded.append(line)
    for fmt, suffix in SERIALIZED.items():
        head, parts, separator, tail = result_parts(columns, rows, fmt)
        ends = array("q")
        chunks = [head.encode("utf-8")]
        at = len(chunks[0])
        ends.append(at)
        sep = separator.encode("utf-8")
        for number, part in enumerate(parts):
            data = (sep if number else b"") + part.encode("utf-8")
            chunks.append(data)
            at += len(data)
            ends.append(at)
        chunks.append(tail.encode("utf-8"))
        with _gzip_file(folder / f"{name}{suffix}.gz") as handle:
            handle.write(b"".join(chunks))  # one write: gzip's per-call cost is most of it per row
        if sys.byteorder != "little":
            ends.byteswap()
        (folder / f"{name}{suffix}.idx").write_bytes(ends.tobytes())
    body = {"columns": columns, "terms": terms, "rows": coded}
    with _gzip_file(folder / f"{name}.rows.json.gz") as handle:
        handle.write(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    return {"sha256": query_hash(text), "rows": len(rows)}


def _gzip_file(path: Path):
    # mtime 0: the same answer gives the same bytes
    return gzip.GzipFile(path, mode="wb", compresslevel=6, mtime=0)


def _encode(term) -> list:
    if isinstance(term, URIRef):
        return ["u", str(term)]
    if isinstance(term, BNode):
        return ["b", str(term)]
    if term.language:
        return ["l", str(term), term.language]
    if term.datatype is None or str(term.datatype) == _XSD_STRING:
        return ["s", str(term)]
    return ["d", str(term), str(term.datatype)]


def _decode(code: list):
    kind = code[0]
    if kind == "u":
        return URIRef(code[1])
    if kind == "b":
        return BNode(code[1])
    if kind == "l":
        return Literal(code[1], lang=code[2])
    if kind == "s":
        return Literal(code[1])
    return Literal(code[1], datatype=URIRef(code[2]))


def drop_views(store_dir: str | Path) -> None:
    """Remove a store's views (before anything writes to the store). The manifest goes first, in
    one rename, so an interrupted drop leaves no folder that could pass for valid views."""
    folder = Path(store_dir) / VIEWS_DIR
    if not folder.exists():
        return
    gone = folder.with_name(f".{VIEWS_DIR}.dropped-{uuid.uuid4().hex[:8]}")
    try:
        os.replace(folder, gone)
    except OSError as exc:
        raise OutputError(f"{store_dir}: cannot remove its stored views before writing to it: "
                          f"{exc.strerror or exc}") from None
    shutil.rmtree(gone, ignore_errors=True)


def refresh_views(store_dir: str | Path) -> dict:
    """Write the views of an existing store again (a store from an older kgbuild, or after its
    views were dropped), reading it read-only; the new views folder is swapped in whole."""
    import tempfile

    from .store import build_id_of, open_store

    store_dir = Path(store_dir)
    store = open_store(store_dir)
    tmp = Path(tempfile.mkdtemp(prefix=f".{VIEWS_DIR}.", dir=store_dir))
    try:
        manifest = write_views(tmp / VIEWS_DIR, store, build_id_of(store_dir),
                               database_fingerprint(store_dir / "oxigraph"), len(store))
        del store
        drop_views(store_dir)
        os.replace(tmp / VIEWS_DIR, store_dir / VIEWS_DIR)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return manifest


# --- reading ------------------------------------------------------------------------------------


@dataclass
class View:
    """One stored answer."""

    name: str
    folder: Path
    rows: int

    def answer(self, limit: int | None = None):
        """The stored answer as an `Answer` of rdflib terms, cut at `limit` rows (flagged)."""
        from .query import Answer

        body = json.loads(zlib.decompress((self.folder / f"{self.name}.rows.json.gz").read_bytes(), _GZIP))
        coded = body["rows"]
        truncated = limit is not None and len(coded) > limit
        if truncated:
            coded = coded[:limit]
        terms = [None] + [_decode(code) for code in body["terms"][1:]]
        answer = Answer("SELECT", body["columns"], [[terms[i] for i in row] for row in coded])
        answer.truncated = truncated
        answer.view = self.name
        return answer

    def serialized(self, fmt: str, limit: int | None = None) -> tuple[bytes, bool]:
        """The stored answer in SPARQL JSON, CSV or TSV, cut at `limit` rows: (bytes, cut?)."""
        data = self.gzipped(fmt)
        if limit is None or limit >= self.rows:
            return zlib.decompress(data, _GZIP), False
        with open(self.folder / f"{self.name}{SERIALIZED[fmt]}.idx", "rb") as index:
            index.seek(8 * limit)  # where row `limit` ends, in the uncompressed text
            end = int.from_bytes(index.read(8), "little")
        return zlib.decompressobj(_GZIP).decompress(data, end) + (b"]}}" if fmt == "json" else b""), True

    def gzipped(self, fmt: str) -> bytes:
        """The whole stored answer in SPARQL JSON, CSV or TSV, gzip-compressed as stored (for a
        client that accepts gzip)."""
        return (self.folder / f"{self.name}{SERIALIZED[fmt]}.gz").read_bytes()


class Views:
    """The views of a store directory whose stamp matches the store; `find` gives the one stored
    for a query text, or None."""

    def __init__(self, folder: Path, manifest: dict):
        self.folder = folder
        self.manifest = manifest
        self.by_hash = {entry["sha256"]: View(name, folder, entry["rows"])
                        for name, entry in manifest["views"].items()}

    @classmethod
    def open(cls, store_dir: str | Path) -> Views | None:
        """The store's views, or None when there are none or they are stale."""
        from .store import build_id_of

        store_dir = Path(store_dir)
        folder = store_dir / VIEWS_DIR
        try:
            manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        try:
            current = (manifest.get("layout") == LAYOUT and manifest.get("kgbuild") == _version()
                       and manifest.get("build") == build_id_of(store_dir)
                       and manifest.get("database") == database_fingerprint(store_dir / "oxigraph"))
        except OSError:
            return None
        return cls(folder, manifest) if current else None

    def find(self, text: str) -> View | None:
        from .store import build_id_of

        view = self.by_hash.get(query_hash(text))
        # A store written again while open (a server running over it) has new views under the
        # same path: these are not the store this engine reads.
        if view is None or build_id_of(self.folder.parent) != self.manifest["build"]:
            return None
        return view

    def names(self) -> list[str]:
        return sorted(self.manifest["views"])
