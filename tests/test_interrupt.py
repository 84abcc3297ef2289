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


# -- a parallel build -------------------------------------------------------------------------
# KGBUILD_SOAK=30 runs the soak test of the pool's shutdown; the suite runs a few points.
PARALLEL_POINTS = int(os.environ.get("KGBUILD_SOAK", "3"))
PROMPT_S = 60  # generous for a loaded machine; a hung pool never ends at all


def workers_of(pid: int) -> list[int]:
    """The child processes of `pid` (Linux), i.e. the extraction pool's workers once it runs."""
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_a_parallel_build_interrupted_at_random_points_exits_promptly_leaving_no_worker(tmp_path):
    rng = random.Random(2026_11_25)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    docs = [corpus / f"d{i:02d}.txt" for i in range(24)]  # three chunks of 8: the pool starts
    for i, path in enumerate(docs):
        path.write_text(TEXTS[i % len(TEXTS)] + f" Запись {i}.", encoding="utf-8")
    out = tmp_path / "kg.trig"
    args = ("build", str(corpus), "--out", str(out), "--cache", str(tmp_path / "cache"), "--rebuild", "-j", "2", "-q")
    _, duration = run(*args)
    good = load_dataset(out)
    assert len({g.identifier for g in good.graphs() if "/source/" in str(g.identifier)}) == len(docs)

    outcomes = []
    for point in range(PARALLEL_POINTS):
        docs[point % len(docs)].write_text(TEXTS[0] + f" Правка {point}.", encoding="utf-8")
        old = out.read_bytes()
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]))
        proc = subprocess.Popen([sys.executable, "-c", "import sys; from kgbuild.cli import main; sys.exit(main())",
                                 *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True)  # its own group: leftover workers can be found
        if point % 2:  # any moment of the build
            time.sleep(rng.uniform(0.0, duration))
        else:  # while the pool's workers are running
            deadline = time.monotonic() + PROMPT_S
            while not workers_of(proc.pid) and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.02)
            time.sleep(rng.uniform(0.0, 0.5))
        signum = rng.choice([signal.SIGINT, signal.SIGTERM])
        proc.send_signal(signum)
        try:
            _, err = proc.communicate(timeout=PROMPT_S)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            pytest.fail(f"point {point}: the build hung after {signum.name}")
        # (a signal during Python's own start-up may print its KeyboardInterrupt traceback: fine)
        for _ in range(50):  # workers are reaped by their parent on the way out
            if not group_alive(proc.pid):
                break
            time.sleep(0.1)
        assert not group_alive(proc.pid), f"point {point}: worker processes outlived the build"
        now = out.read_bytes()
        assert now == old or f"Правка {point}." in now.decode("utf-8"), f"point {point}: a half-new output"
        assert leftovers(out.parent) == [], f"point {point}: temporary files left behind"
        outcomes.append(f"{signum.name} → {proc.returncode}")
    load_dataset(out)  # whatever happened, the output parses
    print(f"interrupted {PARALLEL_POINTS} parallel builds: {', '.join(outcomes)}")
