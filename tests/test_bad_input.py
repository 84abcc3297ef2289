"""Bad input: one line naming the file (and line), exit code ≠ 0, no traceback, no output file."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kgbuild.cli import main


def run_build(tmp_path, *inputs):
    out = tmp_path / "out" / "kg.trig"
    result = CliRunner().invoke(main, ["build", *map(str, inputs), "--out", str(out)])
    return result, out


def assert_one_line_error(result, *needles):
    assert result.exit_code not in (0, None)
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("kgbuild: error:")]
    assert len(errors) == 1, result.output
    for needle in needles:
        assert needle in errors[0]


def test_missing_file(tmp_path):
    result, out = run_build(tmp_path, tmp_path / "nope.txt")
    assert_one_line_error(result, "nope.txt", "no such file")
    assert not out.exists()


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    result, out = run_build(tmp_path, tmp_path / "empty.txt")
    assert_one_line_error(result, "empty.txt", "empty")
    assert not out.exists()


def test_undecodable_bytes(tmp_path):
    import random

    noise = bytes(b or 1 for b in random.Random(7).randbytes(3000))  # no NUL: not "binary"
    (tmp_path / "bad.txt").write_bytes(noise)
    result, out = run_build(tmp_path, tmp_path / "bad.txt")
    assert_one_line_error(result, "bad.txt")
    assert not out.exists()


def test_broken_jsonl_line_names_the_line(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Иван Петров приехал."}, ensure_ascii=False)
                    + "\n{broken\n", encoding="utf-8")
    result, out = run_build(tmp_path, path)
    assert_one_line_error(result, "news.jsonl:2")
    assert not out.exists()


def test_failed_build_leaves_the_earlier_output_intact(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Майор Сергей Котов служил в Омске.", encoding="utf-8")
    result, out = run_build(tmp_path, good)
    assert result.exit_code == 0
    before = out.read_bytes()
    (tmp_path / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    result, _ = run_build(tmp_path, good, tmp_path / "bad.jsonl")
    assert result.exit_code != 0
    assert out.read_bytes() == before
    assert [p.name for p in out.parent.iterdir()] == ["kg.trig"]  # no temporary file left behind


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r", "utf-8-sig"])
def test_old_cyrillic_encodings_are_read(tmp_path, encoding):
    from kgbuild.read import read_sources

    text = "Капитан Сергей Иванов погиб при исполнении служебного долга в Петропавловске."
    (tmp_path / "old.txt").write_bytes(text.encode(encoding))
    document = next(read_sources([tmp_path / "old.txt"]))
    assert document.text.strip() == text
    assert document.encoding == encoding
