"""The catalogue of bad input, and what `kgbuild build` does with each.

Every bad source gives one line `kgbuild: error: <file>[:<line>]: <problem>`, a non-zero exit
code, no traceback (unless --debug), and no output file (an earlier one is left as it was).
Sources that are only unusual (old encodings, a web page saved as .txt, other files in the
folder) are read.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgbuild.cli import main
from kgbuild.errors import InputError, OutputError
from kgbuild.read import DEFAULT_MAX_BYTES, read_documents

ARTICLE = ("Майор Сергей Котов служил в Омске. В 2001 году он возглавил отдел охраны колонии "
           "в посёлке Заречном.")


def jsonl(*records) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)
                     for r in records).encode("utf-8") + b"\n"


def run_build(tmp_path, *inputs, options=()):
    out = tmp_path / "out" / "kg.trig"
    result = CliRunner().invoke(main, [*options, "build", *map(str, inputs), "--out", str(out),
                                       "--no-validate", "--quiet"])
    return result, out


def assert_one_line_error(result, *needles):
    assert result.exit_code not in (0, None), result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("kgbuild: error:"), result.output
    for needle in needles:
        assert needle in lines[0]


def assert_no_output(out: Path):
    assert not out.exists()
    assert not out.parent.exists() or not any(out.parent.iterdir())  # no temporary file left


@dataclass
class Case:
    """Files to build from (name -> bytes), and the words the one error line must contain."""

    name: str
    files: dict[str, bytes]
    needles: list[str] = field(default_factory=list)


BAD = [
    Case("empty file", {"a.txt": b""}, ["a.txt", "file is empty"]),
    Case("whitespace only", {"a.txt": b" \n\t\r\n  "}, ["a.txt", "file is empty"]),
    Case("empty web page", {"a.html": b"\n"}, ["a.html", "file is empty"]),
    Case("empty JSON Lines", {"a.jsonl": b"\n\n"}, ["a.jsonl", "file is empty"]),
    Case("image saved as text", {"a.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4},
         ["a.txt", "is a PNG image, not text"]),
    Case("PDF saved as text", {"a.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"},
         ["a.txt", "is a PDF document"]),
    Case("Word document named .txt", {"a.txt": b"PK\x03\x04\x14\x00\x06\x00" + b"x" * 100},
         ["a.txt", "ZIP archive (or a .docx/.odt document)"]),
    Case("binary with NUL bytes", {"a.txt": b"abc\x00\x01\x02" * 50}, ["a.txt", "binary file"]),
    Case("unsupported type named explicitly", {"a.docx": b"text"},
         ["a.docx", "unsupported file type .docx", ".txt, .html, .htm, .jsonl"]),
    Case("no extension", {"README": b"text"}, ["README", "unsupported file type (none)"]),
    Case("UTF-8 and cp1251 pasted into one file",
         {"a.txt": ARTICLE.encode("utf-8") + b"\n" + ARTICLE.encode("cp1251")},
         ["a.txt", "mixes UTF-8 with another encoding", "line 2"]),
    Case("bytes in no Cyrillic encoding", {"a.txt": bytes(range(0x80, 0x100)) * 8},
         ["a.txt", "cannot decode", "not UTF-8, cp1251 or koi8-r"]),
    Case("UTF-8 byte-order mark over other bytes", {"a.txt": b"\xef\xbb\xbf" + ARTICLE.encode("cp1251")},
         ["a.txt", "byte-order mark but is not UTF-8"]),
    Case("web page with scripts and no article",
         {"a.html": b"<html><head><script>var news = 'Capt. Ivanov';</script></head><body>"
                    b"<script>document.write('\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd')</script>"
                    b"<nav><a href='/'>Home</a></nav></body></html>"},
         ["a.html", "no article text found"]),
    Case("page of chrome only", {"a.txt": "• Главная\n• Новости\n13:00, Сегодня\nКомментарии\n".encode()},
         ["a.txt", "no article text left after removing page chrome"]),
    Case("JSON Lines: broken line", {"n.jsonl": jsonl({"id": "a", "text": ARTICLE}, "{broken")},
         ["n.jsonl:2", "broken JSON line"]),
    Case("JSON Lines: duplicate id",
         {"n.jsonl": jsonl({"id": "a", "text": ARTICLE}, {"id": "b", "text": ARTICLE},
                           {"id": "a", "text": ARTICLE})},
         ["n.jsonl:3", "duplicate id 'a' (first used on line 1)"]),
    Case("JSON Lines: missing text", {"n.jsonl": jsonl({"id": "a", "title": "Заметка"})},
         ["n.jsonl:1", "missing field 'text'"]),
    Case("JSON Lines: missing id", {"n.jsonl": jsonl({"id": "a", "text": ARTICLE}, {"text": ARTICLE})},
         ["n.jsonl:2", "missing field 'id'"]),
    Case("JSON Lines: not an object", {"n.jsonl": jsonl(["a", ARTICLE])},
         ["n.jsonl:1", "a line must be a JSON object, not list"]),
    Case("JSON Lines: text of the wrong type", {"n.jsonl": jsonl({"id": "a", "text": 5})},
         ["n.jsonl:1", "field 'text' must be a string"]),
    Case("JSON Lines: date that does not exist",
         {"n.jsonl": jsonl({"id": "a", "text": ARTICLE, "published": "2024-02-30"})},
         ["n.jsonl:1", "'published' is not an ISO date", "2024-02-30"]),
    Case("JSON Lines: broken \\u escape", {"n.jsonl": b'{"id": "a", "text": "\\ud800 \\u0410"}\n'},
         ["n.jsonl:1", "unpaired surrogate U+D800"]),
    Case("JSON Lines: absurd nesting", {"n.jsonl": b"[" * 100_000 + b"\n"},
         ["n.jsonl:1", "nested too deeply"]),
    Case("JSON Lines: a line in another encoding",
         {"n.jsonl": jsonl({"id": "a", "text": ARTICLE}) + json.dumps(
             {"id": "b", "text": ARTICLE}, ensure_ascii=False).encode("cp1251") + b"\n"},
         ["n.jsonl", "mixes UTF-8 with another encoding (line 2 is not UTF-8)"]),
    Case("JSON Lines in UTF-16", {"n.jsonl": jsonl({"id": "a", "text": ARTICLE}).decode().encode("utf-16")},
         ["n.jsonl", "JSON Lines in UTF-16 are not supported; save the file as UTF-8"]),
    Case("sidecar: broken JSON", {"a.txt": ARTICLE.encode(), "a.meta.json": b'{"title": "x",}'},
         ["a.meta.json", "broken JSON metadata"]),
    Case("sidecar: not an object", {"a.txt": ARTICLE.encode(), "a.meta.json": b'["x"]'},
         ["a.meta.json", "metadata must be a JSON object"]),
    Case("sidecar: field of the wrong type", {"a.txt": ARTICLE.encode(), "a.meta.json": b'{"title": 3}'},
         ["a.txt", "field 'title' must be a string"]),
    Case("sidecar: relative URL", {"a.txt": ARTICLE.encode(), "a.meta.json": b'{"url": "news/1 2"}'},
         ["a.txt", "'url' is not an absolute URL"]),
    Case("the same id in two files",
         {"a.txt": ARTICLE.encode(), "b.jsonl": jsonl({"id": "a", "text": ARTICLE})},
         ["b.jsonl:1", "document id 'a' already used by"]),
]


@pytest.mark.parametrize("case", BAD, ids=[c.name for c in BAD])
def test_bad_input_gives_one_line_and_no_output(tmp_path, case):
    sources = tmp_path / "sources"
    sources.mkdir()
    for name, data in case.files.items():
        (sources / name).write_bytes(data)
    named = [sources / n for n in case.files if not n.endswith(".meta.json")]
    result, out = run_build(tmp_path, *named)
    assert_one_line_error(result, *case.needles)
    assert_no_output(out)


GOOD = [
    Case("cp1251", {"a.txt": ARTICLE.encode("cp1251")}),
    Case("koi8-r", {"a.txt": ARTICLE.encode("koi8_r")}),
    Case("UTF-8 with BOM", {"a.txt": b"\xef\xbb\xbf" + ARTICLE.encode()}),
    Case("Windows line ends", {"a.txt": ARTICLE.replace(". ", ".\r\n").encode()}),
    Case("web page saved as .txt", {"a.txt": f"<!DOCTYPE html><html><body><article><p>{ARTICLE}</p>"
                                             "</article></body></html>".encode()}),
    Case("plain text saved as .html", {"a.html": ARTICLE.encode()}),
    Case("upper-case extension", {"A.TXT": ARTICLE.encode()}),
    Case("JSON Lines with blank lines and CRLF",
         {"n.jsonl": b"\r\n" + jsonl({"id": "a", "text": ARTICLE}).replace(b"\n", b"\r\n") + b"\r\n"}),
]


@pytest.mark.parametrize("case", GOOD, ids=[c.name for c in GOOD])
def test_unusual_but_readable_input_builds(tmp_path, case):
    for name, data in case.files.items():
        (tmp_path / name).write_bytes(data)
    result, out = run_build(tmp_path, *[tmp_path / n for n in case.files])
    assert result.exit_code == 0, result.output
    assert "Серге" in out.read_text(encoding="utf-8")


def test_folder_with_mixed_encodings_and_other_files(tmp_path):
    sources = tmp_path / "sources"
    (sources / "old").mkdir(parents=True)
    (sources / "a.txt").write_bytes(ARTICLE.encode("utf-8"))
    (sources / "old" / "b.txt").write_bytes(ARTICLE.replace("Омске", "Томске").encode("cp1251"))
    (sources / "old" / "c.txt").write_bytes(ARTICLE.replace("Омске", "Уфе").encode("koi8_r"))
    (sources / "notes.docx").write_bytes(b"PK\x03\x04")  # not a source type: passed over
    (sources / ".hidden.txt").write_bytes(b"\x00\x01")  # hidden files too
    (sources / ".git").mkdir()
    (sources / ".git" / "description.txt").write_bytes(b"")  # and hidden folders
    out = tmp_path / "kg.trig"
    result = CliRunner().invoke(main, ["build", str(sources), "--out", str(out), "--no-validate"])
    assert result.exit_code == 0, result.output
    assert "3 documents" in result.output
    trig = out.read_text(encoding="utf-8")
    for encoding in ("utf-8", "cp1251", "koi8_r"):
        assert f'"{encoding}"' in trig


def test_failed_build_keeps_the_earlier_output(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    result, out = run_build(tmp_path, good)
    assert result.exit_code == 0, result.output
    before = out.read_bytes()
    (tmp_path / "bad.jsonl").write_bytes(b"{not json\n")
    result, _ = run_build(tmp_path, good, tmp_path / "bad.jsonl")
    assert_one_line_error(result, "bad.jsonl:1")
    assert out.read_bytes() == before
    assert [p.name for p in out.parent.iterdir()] == ["kg.trig"]


# --- big files -------------------------------------------------------------------------------

def write_big(path: Path, size: int, line: bytes) -> None:
    with open(path, "wb") as handle:
        block = line * (1024 * 1024 // len(line) + 1)
        while handle.tell() < size:
            handle.write(block)


def test_50_megabyte_text_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "dump.txt"
    write_big(big, 50 * 1024 * 1024, (ARTICLE + "\n").encode())
    tracemalloc.start()
    try:
        result, out = run_build(tmp_path, big)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert_one_line_error(result, "dump.txt", "file is too large (50.0 MB; the limit is 10.0 MB per source)")
    assert_no_output(out)
    assert peak < 5 * 1024 * 1024


def test_50_megabyte_json_line_is_refused_with_its_line_number_and_bounded_memory(tmp_path):
    big = tmp_path / "dump.jsonl"
    with open(big, "wb") as handle:
        handle.write(jsonl({"id": "a", "text": ARTICLE}))
        handle.write(b'{"id": "b", "text": "')
        handle.write(b"x" * (50 * 1024 * 1024))
        handle.write(b'"}\n')
        handle.write(jsonl({"id": "c", "text": ARTICLE}))
    errors = []
    tracemalloc.start()
    try:
        documents = read_documents([big], on_error=errors.append)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [d.id for d in documents] == ["a", "c"]
    assert [str(e) for e in errors] == [f"{big}:2: line is too large (over 10.0 MB)"]
    assert peak < 3 * DEFAULT_MAX_BYTES


def test_the_size_limit_is_a_setting(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(InputError, match=r"a\.txt: file is too large"):
        read_documents([tmp_path / "a.txt"], max_bytes=20)
    assert read_documents([tmp_path / "a.txt"], max_bytes=len(ARTICLE.encode()))


# --- files that cannot be read ---------------------------------------------------------------

@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="permissions do not stop root; see the monkeypatched test below")
def test_unreadable_file_by_permissions(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(ARTICLE, encoding="utf-8")
    secret.chmod(0)
    result, out = run_build(tmp_path, secret)
    assert_one_line_error(result, "secret.txt", "cannot read: Permission denied")
    assert_no_output(out)


def test_unreadable_file(tmp_path, monkeypatch):
    import builtins

    import kgbuild.read

    secret = tmp_path / "secret.txt"
    secret.write_text(ARTICLE, encoding="utf-8")

    def refuse(file, *args, **kwargs):
        if Path(file) == secret:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))
        return builtins.open(file, *args, **kwargs)

    monkeypatch.setattr(kgbuild.read, "open", refuse, raising=False)
    result, out = run_build(tmp_path, secret)
    assert_one_line_error(result, "secret.txt", "cannot read: Permission denied")
    assert_no_output(out)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_is_not_read(tmp_path):
    # Reading a pipe would wait for a writer forever.
    pipe = tmp_path / "feed.txt"
    os.mkfifo(pipe)
    result, out = run_build(tmp_path, pipe)
    assert_one_line_error(result, "feed.txt", "not a regular file or folder")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result, out = run_build(tmp_path, tmp_path)  # in a folder it is passed over
    assert result.exit_code == 0, result.output


def test_missing_input(tmp_path):
    result, out = run_build(tmp_path, tmp_path / "nope.txt")
    assert_one_line_error(result, "nope.txt", "no such file or folder")
    assert_no_output(out)


def test_folder_without_sources(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "notes.md").write_text("# notes", encoding="utf-8")
    result, out = run_build(tmp_path, tmp_path / "sources")
    assert_one_line_error(result, "no source documents found in")
    assert_no_output(out)


# --- outputs that cannot be written ----------------------------------------------------------

@pytest.fixture
def good_source(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def build_to(out, *inputs, options=()):
    return CliRunner().invoke(main, [*options, "build", *map(str, inputs), "--out", str(out),
                                     "--no-validate", "--quiet"])


def test_output_below_a_file(tmp_path, good_source):
    out = good_source / "kg.trig"
    assert_one_line_error(build_to(out, good_source), "good.txt/kg.trig", "cannot write")
    assert good_source.read_text(encoding="utf-8") == ARTICLE


@pytest.fixture
def readonly_folder(tmp_path):
    """A folder this process cannot create files in (root ignores permission bits)."""
    if os.geteuid() != 0:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)
        yield folder
        folder.chmod(0o700)
        return
    folder = Path("/sys")  # sysfs refuses new files, even to root
    try:
        (folder / "kgbuild-probe").write_text("x")
    except OSError:
        yield folder
        return
    pytest.skip("no read-only folder available to root here")


def test_output_in_a_read_only_folder(readonly_folder, good_source):
    result = build_to(readonly_folder / "kg.trig", good_source)
    assert_one_line_error(result, "kg.trig", "cannot write")
    assert not (readonly_folder / "kg.trig").exists()


def test_full_disk_keeps_the_earlier_output(tmp_path, good_source, monkeypatch):
    import kgbuild.atomic

    out = tmp_path / "out" / "kg.trig"
    out.parent.mkdir()
    out.write_text("# the earlier build\n", encoding="utf-8")

    def no_space(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(kgbuild.atomic.os, "fsync", no_space)
    result = build_to(out, good_source)
    assert_one_line_error(result, "kg.trig", "cannot write: No space left on device")
    assert out.read_text(encoding="utf-8") == "# the earlier build\n"
    assert [p.name for p in out.parent.iterdir()] == ["kg.trig"]


def test_disk_filling_up_while_writing(tmp_path, monkeypatch):
    import kgbuild.atomic
    from kgbuild.atomic import atomic_write

    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle):
            self.handle = handle

        def write(self, data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def __getattr__(self, name):
            return getattr(self.handle, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

    monkeypatch.setattr(kgbuild.atomic.os, "fdopen", lambda *a, **k: FullDisk(real_fdopen(*a, **k)))
    with pytest.raises(OutputError, match="out.trig: cannot write: No space left on device"):
        atomic_write(tmp_path / "out.trig", "data")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_output_onto_a_pipe_or_folder_is_refused_not_replaced(tmp_path):
    from kgbuild.atomic import atomic_write

    pipe = tmp_path / "out.trig"
    os.mkfifo(pipe)
    with pytest.raises(OutputError, match="out.trig: cannot write: is not a regular file"):
        atomic_write(pipe, "data")
    assert pipe.is_fifo()
    with pytest.raises(OutputError, match="cannot write: is a folder"):
        atomic_write(tmp_path, "data")


def test_output_through_a_symlink_replaces_its_target(tmp_path):
    from kgbuild.atomic import atomic_write

    target = tmp_path / "real.trig"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "latest.trig"
    link.symlink_to(target)
    atomic_write(link, "new")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_mode & 0o777 == 0o640


# --- --debug, and a real process -------------------------------------------------------------

def test_debug_shows_the_traceback(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    result, _ = run_build(tmp_path, tmp_path / "a.txt", options=["--debug"])
    assert isinstance(result.exception, InputError)
    assert "a.txt: file is empty" in str(result.exception)


def test_real_process_prints_one_line_on_stderr_and_no_traceback(tmp_path):
    (tmp_path / "n.jsonl").write_bytes(jsonl({"id": "a", "text": ARTICLE}, '{"id": "a"'))
    import kgbuild

    env = {**os.environ, "PYTHONPATH": str(Path(kgbuild.__file__).parents[1])}
    process = subprocess.run(
        [sys.executable, "-c", "import sys; from kgbuild.cli import main; sys.exit(main())",
         "build", str(tmp_path / "n.jsonl"), "--out", str(tmp_path / "kg.trig")],
        capture_output=True, text=True, env=env, timeout=300)
    assert process.returncode == 2
    assert process.stdout == ""
    assert process.stderr.splitlines() == [f"kgbuild: error: {tmp_path / 'n.jsonl'}:2: broken JSON line: "
                                            "Expecting ',' delimiter (column 11)"]
    assert not (tmp_path / "kg.trig").exists()


# --- skipping bad sources --------------------------------------------------------------------

def mixed_folder(tmp_path) -> Path:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (sources / "b.txt").write_bytes(b"")
    (sources / "n.jsonl").write_bytes(jsonl({"id": "n1", "text": ARTICLE}, "{broken",
                                            {"id": "n1", "text": ARTICLE}, {"id": "n3"},
                                            {"id": "n4", "text": ARTICLE}))
    return sources


def test_skipping_reads_every_good_document_and_reports_each_bad_one(tmp_path):
    sources = mixed_folder(tmp_path)
    skipped = []
    documents = read_documents([sources], on_error=skipped.append)
    assert [d.id for d in documents] == ["a", "n1", "n4"]
    assert [str(e).replace(str(sources), "") for e in skipped] == [
        "/b.txt: file is empty",
        "/n.jsonl:2: broken JSON line: Expecting property name enclosed in double quotes (column 2)",
        "/n.jsonl:3: duplicate id 'n1' (first used on line 1)",
        "/n.jsonl:4: missing field 'text'",
    ]


def test_without_skipping_the_first_bad_source_stops_reading(tmp_path):
    with pytest.raises(InputError, match=r"b\.txt: file is empty"):
        read_documents([mixed_folder(tmp_path)])


def test_skipping_everything_is_still_an_error(tmp_path):
    (tmp_path / "b.txt").write_bytes(b"")
    with pytest.raises(InputError, match=r"no source documents found in .* \(1 bad sources skipped\)"):
        read_documents([tmp_path], on_error=lambda e: None)


def test_skip_bad_flag_builds_the_good_documents_and_names_the_bad_lines(tmp_path):
    sources = mixed_folder(tmp_path)
    out = tmp_path / "kg.trig"
    result = CliRunner().invoke(main, ["build", str(sources), "--out", str(out), "--no-validate",
                                       "--skip-bad"])
    assert result.exit_code == 0, result.output
    assert out.exists()
    skipped = [line for line in result.stderr.splitlines() if line.startswith("kgbuild: skipped:")]
    assert len(skipped) == 4
    assert any("n.jsonl:2" in line for line in skipped)
    assert "Traceback" not in result.output


def test_default_build_stops_at_the_first_bad_source(tmp_path):
    result, out = run_build(tmp_path, mixed_folder(tmp_path))
    assert_one_line_error(result, "b.txt", "file is empty")
    assert_no_output(out)


def test_max_source_size_option_sets_the_limit(tmp_path):
    big = tmp_path / "long.txt"
    write_big(big, 11 * 1024 * 1024, (ARTICLE + "\n").encode())
    result, out = run_build(tmp_path, big)
    assert_one_line_error(result, "long.txt", "file is too large (11.0 MB; the limit is 10.0 MB")
    result = CliRunner().invoke(main, ["build", str(big), "--out", str(out), "--no-validate", "--quiet",
                                       "--max-source-size", "5"])
    assert_one_line_error(result, "long.txt", "the limit is 5.0 MB")


def test_output_that_is_a_folder_is_a_usage_error(tmp_path, good_source):
    folder = tmp_path / "out"
    folder.mkdir()
    result = build_to(folder, good_source)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert f"'{folder}' is a directory" in result.output
    assert list(folder.iterdir()) == []
