"""What every benchmark script shares: the machine and versions, peak memory, tables, results.

The scripts import kgbuild from this checkout's `src/` (not from whatever is installed), so a
figure always belongs to the commit it is recorded with.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src"
RESULTS = REPO / "bench" / "results"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

PACKAGES = ("natasha", "slovnet", "rdflib", "pyoxigraph", "pyshacl", "numpy")


def child_env() -> dict[str, str]:
    """The environment for a child process that must import kgbuild from this checkout."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SRC) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "memory_gb": memory_gb,
            "python": platform.python_version(), "platform": platform.platform()}


def versions() -> dict:
    out = {}
    for name in PACKAGES:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = None
    return out


def commit() -> str | None:
    try:
        sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO,
                               capture_output=True, text=True, check=True).stdout.strip()
        return sha + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return None


class PeakMemory:
    """The largest resident memory of this process and its children, sampled in a thread.

    Workers of a pool are summed (they run at the same time), by proportional set size, so
    the figure is what the machine had to hold, shared pages counted once.
    """

    def __init__(self, pid: int | None = None, interval: float = 0.1) -> None:
        import psutil

        self.process = psutil.Process(pid)
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> int:
        import psutil

        total = 0
        try:
            procs = [self.process] + self.process.children(recursive=True)
        except psutil.Error:
            return 0
        for proc in procs:
            try:
                if len(procs) == 1:
                    total += proc.memory_info().rss
                else:
                    # PSS: pages a pool's workers share with the parent (the models) count once.
                    # Reading it walks every mapping: on a 5 GB process it cost a fifth of a core.
                    info = proc.memory_full_info()
                    total += getattr(info, "pss", info.rss)
            except psutil.Error:
                pass
        self.peak = max(self.peak, total)
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def __enter__(self) -> "PeakMemory":
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()

    @property
    def peak_mb(self) -> float:
        return round(self.peak / 1024 / 1024, 1)


def table(rows: list[dict], columns: list[str] | None = None) -> str:
    """A Markdown table of the rows (the same text reads well in a terminal)."""
    if not rows:
        return "(no rows)"
    columns = columns or list(rows[0])
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(columns, widths)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(v.ljust(w) for v, w in zip(r, widths)) + " |" for r in cells]
    return "\n".join(lines)


def _cell(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def record(name: str, rows: list[dict], settings: dict, out: Path | None = None) -> Path:
    """Append one run (its rows, settings, machine, versions, commit, load) to results/<name>.jsonl."""
    out = out or RESULTS / f"{name}.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    entry = {"benchmark": name, "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
             "commit": commit(), "load_average": load_average(), "machine": machine(),
             "versions": versions(), "settings": settings, "rows": rows,
             "command": " ".join([Path(sys.executable).name] + sys.argv)}
    with open(out, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
    return out


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (user + system).

    On a machine others are using, wall time says how long we waited; CPU time says what the
    work cost, and is what to compare between runs taken under different loads.
    """
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


class Timer:
    def __enter__(self) -> "Timer":
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc) -> None:
        self.seconds = time.perf_counter() - self.started
