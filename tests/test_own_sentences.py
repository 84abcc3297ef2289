"""The rules are tested on sentences of our own: no sentence of a test shares a run of eight
words with the evaluation corpora (NEREL, factRuEval), whose text is for measuring only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

RUN = 8
WORDS = re.compile(r"\w+")
LITERAL = re.compile(r'"([^"\n]{30,})"')


def runs(text: str) -> set[str]:
    words = WORDS.findall(text.lower())
    return {" ".join(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def test_no_test_sentence_is_copied_from_the_corpora(shared_dir):
    data = Path(shared_dir) / "data"
    if not data.is_dir():
        pytest.skip("no evaluation corpora beside the repository")
    corpus: set[str] = set()
    for path in data.rglob("*.txt"):
        corpus |= runs(path.read_text(encoding="utf-8", errors="ignore"))
    copied = []
    for path in sorted(Path(__file__).parent.glob("*.py")):
        for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for literal in LITERAL.findall(line):
                if runs(literal) & corpus:
                    copied.append(f"{path.name}:{line_no}: {literal[:80]}")
    assert not copied, "sentences copied from the corpora:\n" + "\n".join(copied)
