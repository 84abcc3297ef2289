"""Reading sources: plain text, HTML pages and JSON Lines become `Document`s.

The text of a `Document` is the text every offset refers to and is stored as such in the
graph: page chrome (menus, "Комментарии", "Ctrl+Enter" lines, repeated titles) is removed
here, before extraction, so nothing downstream can read facts out of it.

Every problem with a source is an `InputError` whose message names the file (and the line,
for JSON Lines). Callers that prefer to skip bad sources pass `on_error`: each problem is
handed to it and reading goes on with the next file or line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .errors import InputError
from .model import Document
from .readers.chrome import normalise_newlines, strip_chrome
from .readers.encoding import decode, sniff_binary

__all__ = [
    "DEFAULT_MAX_BYTES", "META_SUFFIX", "SOURCE_SUFFIXES", "decode", "find_sources", "read_documents",
    "read_path", "read_sources", "strip_chrome",
]

SOURCE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
META_SUFFIX = ".meta.json"
METADATA_FIELDS = ("title", "published", "publisher", "url")
# A news article is a few kilobytes; a source file (or JSON line) above this is not one, and
# reading it whole would cost memory for nothing. JSON Lines files are read line by line, so
# the limit holds per record, not per file.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_META_BYTES = 1024 * 1024
# How much of a JSON Lines file is looked at to tell its encoding.
_ENCODING_SAMPLE = 1024 * 1024

OnError = Callable[[InputError], None]


def find_sources(inputs: Iterable[str | Path]) -> list[Path]:
    """Files to read, folders searched recursively, in a stable order.

    Sidecar metadata files (`*.meta.json`) are never sources, even when named explicitly
    (as a shell glob such as `articles/*` does).
    """
    found: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if _is_source(p, path)))
        elif path.is_file():
            if not path.name.endswith(META_SUFFIX):
                found.append(path)
        elif path.exists():
            raise InputError(f"{path}: not a regular file or folder")
        else:
            raise InputError(f"{path}: no such file or folder")
    return found


def _is_source(path: Path, folder: Path) -> bool:
    hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)  # .git, .cache
    return path.suffix.lower() in SOURCE_SUFFIXES and not hidden and path.is_file()


def read_sources(inputs: Iterable[str | Path], *, on_error: OnError | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document]:
    """Every document of the inputs; an id used twice is an error.

    Without `on_error` the first bad file or line raises `InputError`; with it, each problem
    is passed to `on_error` and the bad file (or JSON line) is skipped.
    """
    seen: dict[str, str] = {}
    for path in find_sources(inputs):
        documents = read_path(path, on_error=on_error, max_bytes=max_bytes)
        while True:
            try:
                document = next(documents)
            except StopIteration:
                break
            except InputError as error:  # the file as a whole is bad
                _report(error, on_error)
                break
            if document.id in seen:
                _report(InputError(f"{document.path}: document id {document.id!r} already used "
                                   f"by {seen[document.id]}"), on_error)
                continue
            seen[document.id] = document.path or ""
            yield document


def read_documents(inputs: Iterable[str | Path], *, on_error: OnError | None = None,
                   max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document]:
    """All documents of the inputs, read before any work so that bad input stops a build
    early; an error when none could be read."""
    inputs = list(inputs)
    skipped: list[InputError] = []

    def collect(error: InputError) -> None:
        skipped.append(error)
        on_error(error)

    documents = list(read_sources(inputs, on_error=collect if on_error else None, max_bytes=max_bytes))
    if not documents:
        where = ", ".join(str(i) for i in inputs)
        extra = f" ({len(skipped)} bad sources skipped)" if skipped else ""
        raise InputError(f"no source documents found in {where}{extra}")
    return documents


def _report(error: InputError, on_error: OnError | None) -> None:
    if on_error is None:
        raise error
    on_error(error)


def read_path(path: Path, *, on_error: OnError | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document]:
    """The documents of one file: one for text and HTML, one per line for JSON Lines.

    `on_error` only matters for JSON Lines, where a bad line is skipped and reading goes on;
    a bad text or HTML file raises (the caller decides whether to skip it).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        raise InputError(f"{path}: unsupported file type {suffix or '(none)'}; expected one of "
                         + ", ".join(SOURCE_SUFFIXES))
    if reader is _read_jsonl:
        yield from _read_jsonl(path, max_bytes, on_error)
    else:
        yield reader(path, _read_bytes(path, max_bytes))


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{path}: file is too large ({_megabytes(size)}; the limit is "
                             f"{_megabytes(max_bytes)} per source)")
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)  # the size may have changed since stat()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(raw) > max_bytes:
        raise InputError(f"{path}: file is too large (over {_megabytes(max_bytes)} per source)")
    _check_content(path, raw)
    return raw


def _check_content(where: object, raw: bytes) -> None:
    if not raw.strip():
        raise InputError(f"{where}: file is empty")
    what = sniff_binary(raw[:4096])
    if what:
        raise InputError(f"{where}: is {what}, not text; convert it to .txt or .html first")


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def _sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _read_text(path: Path, raw: bytes) -> Document:
    text, encoding = decode(raw, str(path))
    if _looks_like_html(text):  # a saved web page with the wrong extension
        return _html_document(path, raw, text, encoding)
    meta = _sidecar(path)
    return _document(path, raw, text, encoding, meta, str(path))


def _read_html(path: Path, raw: bytes) -> Document:
    text, encoding = decode(raw, str(path), declared=True)
    if not _HTML_TAG.search(text):  # plain text saved as .html
        return _document(path, raw, text, encoding, _sidecar(path), str(path))
    return _html_document(path, raw, text, encoding)


_TERMINAL = re.compile(r"[.!?…]")


def _reads_like_a_sentence(line: str) -> bool:
    return len(line.split()) >= 4 and bool(_TERMINAL.search(line))


_HTML_START = re.compile(r"<(!doctype\s+html|html[\s>])", re.I)
_HTML_TAG = re.compile(r"<(!doctype|html|head|body|p|div|article|br|span|a|h[1-6])[\s>/]", re.I)


def _looks_like_html(text: str) -> bool:
    """Whether a text starts (after comments) like a web page. Comments are skipped by hand:
    a pattern for "comments, then a tag" backtracks exponentially on a run of comments."""
    head = text[:4096].lstrip()
    while head.startswith("<!--"):
        end = head.find("-->", 4)
        if end < 0:
            return False
        head = head[end + 3:].lstrip()
    return bool(_HTML_START.match(head))


def _html_document(path: Path, raw: bytes, html: str, encoding: str) -> Document:
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                                with_metadata=True, favor_precision=True)
    except Exception as exc:  # noqa: BLE001 - lxml and trafilatura raise many types on odd pages
        raise InputError(f"{path}: cannot parse the HTML page ({type(exc).__name__})") from None
    body = getattr(extracted, "text", None) if extracted is not None else None
    # When a page has no article, trafilatura falls back to whatever text there is (a menu,
    # a link); an article has at least one sentence.
    if not body or not any(_reads_like_a_sentence(line) for line in body.splitlines()):
        raise InputError(f"{path}: no article text found in the HTML page")
    meta = {"title": getattr(extracted, "title", None), "published": getattr(extracted, "date", None),
            "publisher": getattr(extracted, "sitename", None), "url": getattr(extracted, "url", None)}
    meta = {k: v for k, v in meta.items() if isinstance(v, str) and v.strip()}
    if meta.get("url") and not _ABSOLUTE_URL.match(meta["url"]):
        del meta["url"]  # a relative canonical link says nothing on its own
    if meta.get("published") and not _ISO_DATE.match(meta["published"]):
        del meta["published"]  # the page's own date is a guess; a bad guess is no date
    meta.update(_sidecar(path))
    return _document(path, raw, body, encoding, meta, str(path))


def _document(path: Path, raw: bytes, text: str, encoding: str, meta: dict, where: str) -> Document:
    text = strip_chrome(clean_text(text, where))
    if not text.strip():
        raise InputError(f"{where}: no article text left after removing page chrome")
    return Document(id=_doc_id(meta.get("id"), where) or path.stem, text=text, path=where,
                    encoding=encoding, sha256=_sha256(raw), **_metadata(meta, where))


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_text(text: str, where: str) -> str:
    """The text with one kind of line break and no control characters (which XML-based RDF
    formats cannot carry); unpaired surrogates (from broken JSON escapes) are an error."""
    bad = _SURROGATE.search(text)
    if bad:
        raise InputError(f"{where}: text contains an unpaired surrogate U+{ord(bad.group()):04X} "
                         "(a broken \\u escape)")
    return _CONTROL.sub("", normalise_newlines(text))


def _sidecar(path: Path) -> dict:
    meta_path = path.with_name(path.name[: -len(path.suffix)] + META_SUFFIX)
    if not meta_path.is_file():
        return {}
    try:
        if meta_path.stat().st_size > MAX_META_BYTES:
            raise InputError(f"{meta_path}: metadata file is too large (over {_megabytes(MAX_META_BYTES)})")
        raw = meta_path.read_bytes()
    except OSError as exc:
        raise InputError(f"{meta_path}: cannot read: {exc.strerror or exc}") from None
    meta = _parse_json(raw.decode("utf-8-sig", errors="replace"), f"{meta_path}", "metadata")
    if not isinstance(meta, dict):
        raise InputError(f"{meta_path}: metadata must be a JSON object")
    return meta


def _parse_json(text: str, where: str, what: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: broken JSON {what}: {exc.msg} (column {exc.colno})") from None
    except (ValueError, RecursionError) as exc:  # huge integers, absurd nesting
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc).split(":")[0]
        raise InputError(f"{where}: broken JSON {what}: {reason}") from None


def _doc_id(value: object, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InputError(f"{where}: field 'id' must be a string or a number")
    return str(value).strip() or None


_ABSOLUTE_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]+$")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _metadata(meta: dict, where: str) -> dict:
    out = {}
    for name in METADATA_FIELDS:
        value = meta.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(f"{where}: field '{name}' must be a string")
        out[name] = clean_text(value, where).strip() or None
    if out.get("published"):
        out["published"] = iso_date(out["published"], where)
    if out.get("url") and not _ABSOLUTE_URL.match(out["url"]):
        raise InputError(f"{where}: 'url' is not an absolute URL: {out['url'][:80]!r}")
    return out


def iso_date(value: str, where: str) -> str:
    """The ISO date (YYYY-MM-DD, YYYY-MM or YYYY) a value starts with, checked to exist."""
    match = _ISO_DATE.match(value)
    if match:
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            dt.date(year, month or 1, day or 1)
        except ValueError:
            match = None
    if not match:
        raise InputError(f"{where}: 'published' is not an ISO date (YYYY-MM-DD): {value[:40]!r}")
    return match.group(0)


def _read_jsonl(path: Path, max_bytes: int, on_error: OnError | None) -> Iterator[Document]:
    try:
        handle = open(path, "rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with handle:
        try:
            sample = handle.read(_ENCODING_SAMPLE)
            handle.seek(0)
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
        _check_content(path, sample)
        if len(sample) == _ENCODING_SAMPLE:  # whole lines only, or no half character at the end
            sample = sample[: sample.rindex(b"\n")] if b"\n" in sample else sample[:-4]
        _, encoding = decode(sample, str(path))
        if encoding == "utf-16":  # lines are split on the byte b"\n", which UTF-16 does not use
            raise InputError(f"{path}: JSON Lines in UTF-16 are not supported; save the file as UTF-8")
        seen: dict[str, int] = {}
        for number, line in _lines(handle, max_bytes, path):
            where = f"{path}:{number}"
            try:
                if line is None:
                    raise InputError(f"{where}: line is too large (over {_megabytes(max_bytes)})")
                if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                    line = line[3:]
                if not line.strip():
                    continue
                document = _jsonl_record(line, encoding, where, seen, number)
            except InputError as error:
                _report(error, on_error)
                continue
            yield document


def _lines(handle, max_bytes: int, path: Path) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines of a binary file, never holding more than `max_bytes` of one; a longer
    line is given as None (and read past)."""
    number = 0
    try:
        while True:
            line = handle.readline(max_bytes + 1)
            if not line:
                return
            number += 1
            if len(line) > max_bytes and not line.endswith(b"\n"):
                while True:
                    rest = handle.readline(1024 * 1024)
                    if not rest or rest.endswith(b"\n"):
                        break
                yield number, None
                continue
            yield number, line.rstrip(b"\r\n")
    except OSError as exc:
        raise InputError(f"{path}:{number + 1}: cannot read: {exc.strerror or exc}") from None


def _jsonl_record(line: bytes, encoding: str, where: str, seen: dict[str, int], number: int) -> Document:
    try:
        text = line.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(f"{where}: line is not {encoding} like the rest of the file") from None
    record = _parse_json(text, where, "line")
    if not isinstance(record, dict):
        raise InputError(f"{where}: a line must be a JSON object, not {type(record).__name__}")
    doc_id = _doc_id(record.get("id"), where)
    if doc_id is None:
        raise InputError(f"{where}: missing field 'id'")
    body = record.get("text")
    if body is None:
        raise InputError(f"{where}: missing field 'text'")
    if not isinstance(body, str):
        raise InputError(f"{where}: field 'text' must be a string")
    if doc_id in seen:
        raise InputError(f"{where}: duplicate id {doc_id!r} (first used on line {seen[doc_id]})")
    body = strip_chrome(clean_text(body, where))
    if not body.strip():
        raise InputError(f"{where}: field 'text' is empty")
    document = Document(id=doc_id, text=body, path=where, encoding=encoding, sha256=_sha256(line),
                        **_metadata(record, where))
    seen[doc_id] = number
    return document


_READERS = {".txt": _read_text, ".html": _read_html, ".htm": _read_html, ".jsonl": _read_jsonl}
