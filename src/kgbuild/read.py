"""Reading sources: plain text, HTML pages and JSON Lines become `Document`s.

The text of a `Document` is the text every offset refers to and is stored as such in the
graph: page chrome (menus, "Комментарии", "Ctrl+Enter" lines, repeated titles) is removed
here, before extraction, so nothing downstream can read facts out of it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError
from .model import Document

SOURCE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
META_SUFFIX = ".meta.json"
METADATA_FIELDS = ("title", "published", "publisher", "url")
# Old Cyrillic encodings tried when the bytes are not UTF-8.
FALLBACK_ENCODINGS = ("cp1251", "koi8_r")


def find_sources(inputs: Iterable[str | Path]) -> list[Path]:
    """Files to read, folders searched recursively, in a stable order."""
    found: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if _is_source(p)))
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return found


def _is_source(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in SOURCE_SUFFIXES and not path.name.startswith(".")


def read_sources(inputs: Iterable[str | Path]) -> Iterator[Document]:
    for path in find_sources(inputs):
        yield from read_path(path)


def read_path(path: Path) -> Iterator[Document]:
    suffix = path.suffix.lower()
    raw = _read_bytes(path)
    if suffix == ".jsonl":
        yield from _read_jsonl(path, raw)
    elif suffix in (".html", ".htm"):
        yield _read_html(path, raw)
    elif suffix == ".txt":
        yield _read_text(path, raw)
    else:
        raise InputError(f"{path}: unsupported file type {suffix or '(none)'}; expected one of "
                         + ", ".join(SOURCE_SUFFIXES))


def _read_bytes(path: Path) -> bytes:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if not raw.strip():
        raise InputError(f"{path}: file is empty")
    if b"\x00" in raw[:4096]:
        raise InputError(f"{path}: looks like a binary file, not text")
    return raw


def decode(raw: bytes, path: Path) -> tuple[str, str]:
    """The text and the encoding it was read with: UTF-8 (with or without BOM), cp1251 or koi8-r."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = _guess_cyrillic(raw)
    if encoding is None:
        raise InputError(f"{path}: cannot decode: not UTF-8, cp1251 or koi8-r text")
    return raw.decode(encoding), encoding


def _guess_cyrillic(raw: bytes) -> str | None:
    """Pick the old Cyrillic encoding under which the bytes read most like Russian."""
    best, best_score = None, 0.0
    for encoding in FALLBACK_ENCODINGS:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _russianness(text)
        if score > best_score:
            best, best_score = encoding, score
    return best if best_score > 0.3 else None


_COMMON_RU = set("оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё")


def _russianness(text: str) -> float:
    """How much the text reads like Russian prose: mostly letters, mostly lowercase Cyrillic
    (koi8-r read as cp1251 gives mostly capitals), and words separated by spaces."""
    visible = [c for c in text if not c.isspace()]
    letters = [c for c in visible if c.isalpha()]
    if not letters or len(letters) < 0.7 * len(visible) or " " not in text:
        return 0.0
    return sum(c in _COMMON_RU for c in letters) / len(letters)


def _sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _sidecar(path: Path) -> dict:
    meta_path = path.with_name(path.name[: -len(path.suffix)] + META_SUFFIX)
    if not meta_path.exists():
        return {}
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{meta_path}: not valid JSON metadata: {exc}") from None
    if not isinstance(meta, dict):
        raise InputError(f"{meta_path}: metadata must be a JSON object")
    return meta


def _metadata(meta: dict, where: str) -> dict:
    out = {}
    for name in METADATA_FIELDS:
        value = meta.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(f"{where}: field '{name}' must be a string")
        out[name] = value.strip() or None
    if out.get("published"):
        out["published"] = _iso_date(out["published"], where)
    return out


_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _iso_date(value: str, where: str) -> str:
    match = _ISO_DATE.match(value)
    if not match:
        raise InputError(f"{where}: 'published' is not an ISO date: {value!r}")
    return match.group(0)


def _read_text(path: Path, raw: bytes) -> Document:
    text, encoding = decode(raw, path)
    text = strip_chrome(text)
    if not text.strip():
        raise InputError(f"{path}: no article text left after removing page chrome")
    meta = _sidecar(path)
    return Document(id=str(meta.get("id") or path.stem), text=text, path=str(path), encoding=encoding,
                    sha256=_sha256(raw), **_metadata(meta, str(path)))


def _read_html(path: Path, raw: bytes) -> Document:
    import trafilatura

    html, encoding = decode(raw, path)
    extracted = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                            with_metadata=True, favor_precision=True)
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body or not body.strip():
        raise InputError(f"{path}: no article text found in the HTML page")
    meta = {"title": getattr(extracted, "title", None), "published": getattr(extracted, "date", None),
            "publisher": getattr(extracted, "sitename", None), "url": getattr(extracted, "url", None)}
    meta = {k: v for k, v in meta.items() if v}
    meta.update(_sidecar(path))
    text = strip_chrome(body)
    if not text.strip():
        raise InputError(f"{path}: no article text left after removing page chrome")
    return Document(id=str(meta.get("id") or path.stem), text=text, path=str(path), encoding=encoding,
                    sha256=_sha256(raw), **_metadata(meta, str(path)))


def _read_jsonl(path: Path, raw: bytes) -> Iterator[Document]:
    text, encoding = decode(raw, path)
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: broken JSON line: {exc.msg}") from None
        if not isinstance(record, dict):
            raise InputError(f"{where}: a line must be a JSON object")
        doc_id, body = record.get("id"), record.get("text")
        if doc_id in (None, "") or not isinstance(doc_id, (str, int)):
            raise InputError(f"{where}: missing field 'id'")
        if not isinstance(body, str) or not body.strip():
            raise InputError(f"{where}: missing field 'text'")
        doc_id = str(doc_id)
        if doc_id in seen:
            raise InputError(f"{where}: duplicate id {doc_id!r}")
        seen.add(doc_id)
        body = strip_chrome(body)
        yield Document(id=doc_id, text=body, path=where, encoding=encoding,
                       sha256=_sha256(line.encode("utf-8")), **_metadata(record, where))


# Lines that are page furniture, not article text.
_CHROME_LINES = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^[•·\-–—*>]\s*\S.{0,150}$",  # breadcrumb and menu bullets
        r"^(главная|комментарии|комментарии \(\d+\)|последние новости|новости|объявления|реклама"
        r"|поделиться|читайте также|подписывайтесь.*|популярное|лента новостей|меню|поиск"
        r"|войти|регистрация|все новости|архив|наверх|вход)\.?$",
        r"ctrl\s*\+\s*enter",
        r"^\d{1,2}:\d{2},?\s*(сегодня|вчера|\d{1,2}\s+\w+(\s+\d{4})?)$",  # "13:00, Сегодня"
        r"^(фото|видео|источник|автор фото)\s*:.*$",
        r"^.{10,300},\s*фото-\d+$",  # photo captions repeating the title
        r"^©.*$",
        r"^(все права защищены|при (полном или частичном )?использовании материалов).*$",
    )
]


def strip_chrome(text: str) -> str:
    """Drop page-chrome lines and repeated headline lines; keep the article's own lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept: list[str] = []
    seen: set[str] = set()
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            kept.append("")
            continue
        if any(p.search(stripped) for p in _CHROME_LINES):
            continue
        # A headline printed again (above the photo, in the body) says nothing new.
        if len(stripped) > 40 and stripped in seen:
            continue
        seen.add(stripped)
        kept.append(stripped)
    cleaned = "\n".join(kept)
    cleaned = re.sub(r"\n{3,}", "\n\n", cleaned)
    return cleaned.strip() + "\n" if cleaned.strip() else ""
