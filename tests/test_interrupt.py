"""A build stopped at any moment (Ctrl-C, SIGTERM) leaves the old output or a whole new one, and
a cache the next build can use."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kgbuild import load_dataset

from test_incremental import same_dataset, without_build_record

SRC = Path(__file__).resolve().parents[1] / "src"
POINTS = 20
TEXTS = [
    "Капитан Иван Петров служил в колонии ЕС-164/4 в посёлке Горный.",
    "Майор Анна Сидорова приехала в Томск 5 мая 2001 года.",
    "Полковник Олег Смирнов уволился из МВД.",
    "Сержант Пётр Ильин погиб 5 мая 2001 года в Омске.",
]


def kgbuild(*args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]))
    return subprocess.Popen([sys.executable, "-c", "import sys; from kgbuild.cli import main; sys.exit(main())",
                             *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def run(*args: str) -> tuple[int, float]:
    started = time.monotonic()
    proc = kgbuild(*args)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()
    return proc.returncode, time.monotonic() - started


def leftovers(*folders: Path) -> list[Path]:
    """Temporary files of atomic writes that an interruption failed to clean up."""
    return [p for folder in folders if folder.exists() for p in folder.rglob("*.tmp")]


@pytest.mark.slow
def test_a_build_killed_at_random_points_leaves_old_or_whole_new_output_and_resumes(tmp_path):
    rng = random.Random(1997_08_09)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    docs = [corpus / f"d{i}.txt" for i in range(len(TEXTS))]
    for path, text in zip(docs, TEXTS):
        path.write_text(text, encoding="utf-8")
    out = tmp_path / "out" / "kg.trig"
    cache = tmp_path / "cache"
    args = ("build", str(corpus), "--out", str(out), "--cache", str(cache), "-q")
    run(*args)
    (docs[0]).write_text(TEXTS[0] + " Правка.", encoding="utf-8")
    _, duration = run(*args)  # one source extracted again: the usual length of a rebuild

    outcomes = {"old": 0, "new": 0}
    for point in range(POINTS):
        changed = docs[point % len(docs)]
        marker = f"Правка {point}."
        changed.write_text(TEXTS[point % len(docs)] + " " + marker, encoding="utf-8")
        old = out.read_bytes()
        proc = kgbuild(*args)
        time.sleep(rng.uniform(0.0, duration * 1.1))
        proc.send_signal(rng.choice([signal.SIGINT, signal.SIGTERM]))
        proc.communicate(timeout=120)

        now = out.read_bytes()
        if now == old:
            outcomes["old"] += 1
        else:  # a whole new dataset: it parses, has every source, and the change is in it
            outcomes["new"] += 1
            dataset = load_dataset(out)
            texts = " ".join(str(o) for o in dataset.objects() if "Правка" in str(o))
            assert marker in texts, f"point {point}: a new output without the change"
            assert len({str(g.identifier) for g in dataset.graphs() if "/source/" in str(g.identifier)}) == len(docs)
        assert leftovers(out.parent, cache) == [], f"point {point}: temporary files left behind"
        for entry in cache.rglob("*.json"):  # every cache entry is whole
            json.loads(entry.read_text(encoding="utf-8"))

    # the next build succeeds, and gives what a build from scratch gives
    run(*args)
    run("build", str(corpus), "--out", str(tmp_path / "fresh.trig"), "--cache", str(tmp_path / "fresh-cache"), "-q")
    assert same_dataset(without_build_record(out), without_build_record(tmp_path / "fresh.trig"))
    print(f"interrupted {POINTS} builds within {duration * 1.1:.1f} s of their start: {outcomes}")
