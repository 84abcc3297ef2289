"""The per-source cache: a document's extracted facts, kept by content hash and extractor version.

Extraction is the slow stage, and its result depends only on the document (text and metadata)
and on the extractor; so a rebuild after one file changed extracts that file only. Entries are
`DocumentFacts` JSON written atomically (temporary file, fsync, rename): an interrupted build
leaves whole entries or none. An entry that cannot be read is treated as missing.

The cache only saves time: an entry that cannot be written (read-only or full disk) turns
caching off for the rest of the build with a warning, and the build goes on.

Layout: `<cache>/facts/<2 hex>/<sha256>.json`; `<cache>/graphs/<2 hex>/<sha256>.json`, each
source's graph as written, keyed by its facts, the IRIs identity gave its nodes and the mapper's
code (so a rebuild neither maps nor validates an unchanged source again); plus small JSON notes
(`<cache>/notes/*.json`) such as the digests of graphs that passed validation.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, fields, is_dataclass
from functools import lru_cache
from pathlib import Path
from typing import get_type_hints

from .atomic import atomic_write
from .errors import OutputError
from .model import Document, DocumentFacts

CACHE_FORMAT = "1"  # bump when the entry layout changes


def default_cache_dir() -> Path:
    """`$KGBUILD_CACHE`, else the user's cache folder (`$XDG_CACHE_HOME/kgbuild`, `~/.cache/kgbuild`).

    Not beside the output: an output folder holds the outputs only. Entries are keyed by
    content, so one cache serves every corpus of the user safely.
    """
    if os.environ.get("KGBUILD_CACHE"):
        return Path(os.environ["KGBUILD_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kgbuild"


def document_key(document: Document, extractor: str) -> str:
    """What the facts of `document` depend on: its content and metadata, and the extractor."""
    payload = json.dumps({"format": CACHE_FORMAT, "extractor": extractor, "document": asdict(document)},
                         ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class Cache:
    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.broken: str | None = None  # why entries are no longer written, after a failed write

    def _facts_path(self, key: str) -> Path:
        return self.root / "facts" / key[:2] / f"{key}.json"

    def get_facts(self, key: str) -> DocumentFacts | None:
        path = self._facts_path(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return _decode(DocumentFacts, data)
        except (OSError, ValueError, TypeError, KeyError):
            return None  # missing or unreadable: extract again

    def put_facts(self, key: str, facts: DocumentFacts) -> None:
        self._put(self._facts_path(key), json.dumps(facts.as_json(), ensure_ascii=False))

    def _put(self, path: Path, text: str) -> None:
        """Write an entry; the cache only saves time, so a failure turns caching off, not the build."""
        if self.broken:
            return
        try:
            atomic_write(path, text)
        except OutputError as exc:
            self.broken = f"cache not written ({exc}); the next build extracts again"

    def _graph_path(self, key: str) -> Path:
        return self.root / "graphs" / key[:2] / f"{key}.json"

    def get_graph(self, key: str) -> dict | None:
        """A source graph as the writer rendered it: {"text", "size", "digest"}, or None."""
        try:
            data = json.loads(self._graph_path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) and {"text", "size", "digest"} <= data.keys() else None

    def put_graph(self, key: str, entry: dict) -> None:
        self._put(self._graph_path(key), json.dumps(entry, ensure_ascii=False))

    def get_note(self, name: str) -> dict:
        try:
            data = json.loads((self.root / "notes" / f"{name}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def put_note(self, name: str, data: dict) -> None:
        self._put(self.root / "notes" / f"{name}.json", json.dumps(data, ensure_ascii=False, sort_keys=True))


# `DocumentFacts.from_json` resolves type hints on every record; a rebuild reads thousands of
# records, so the plan for each class is worked out once here. Same result, a few times faster.
@lru_cache(maxsize=None)
def _plan(cls) -> tuple:
    hints = get_type_hints(cls)
    return tuple((f.name, _shape(hints[f.name])) for f in fields(cls))


def _shape(hint):
    """("list", inner) | ("record", cls) | None (a plain JSON value)."""
    origin, args = getattr(hint, "__origin__", None), getattr(hint, "__args__", ())
    if origin is list:
        return ("list", _shape(args[0]))
    if args and type(None) in args:
        return _shape(next(a for a in args if a is not type(None)))
    if is_dataclass(hint):
        return ("record", hint)
    return None


def _decode(cls, data: dict):
    kwargs = {}
    for name, shape in _plan(cls):
        if name in data:
            kwargs[name] = _value(shape, data[name])
    return cls(**kwargs)


def _value(shape, value):
    if value is None or shape is None:
        return value
    if shape[0] == "list":
        return [_value(shape[1], v) for v in value]
    return _decode(shape[1], value)
