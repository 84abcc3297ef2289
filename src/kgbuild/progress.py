"""Progress of long work on stderr: count, rate and time left.

On a terminal the line is redrawn in place a few times a second; when stderr is not a
terminal (a log file, a pipe, a test) nothing is printed unless asked (`enabled=True`),
and then a plain line is written every `interval` seconds, so logs stay readable.

    for facts in track(extract_parallel(documents), total=len(documents), label="extract"):
        ...
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import IO, TypeVar

T = TypeVar("T")


def format_duration(seconds: float) -> str:
    """`42s`, `7m05s`, `2h03m`: short enough for a progress line."""
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


class Progress:
    """A progress line for `total` items (or an open-ended count when total is None)."""

    def __init__(self, total: int | None = None, label: str = "", *, unit: str = "doc",
                 stream: IO[str] | None = None, enabled: bool | None = None,
                 interval: float | None = None, clock=time.monotonic) -> None:
        self.total = total
        self.label = label
        self.unit = unit
        self.stream = stream if stream is not None else sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.enabled = self.tty if enabled is None else enabled
        # redraw often on a terminal; write a line now and then into a log
        self.interval = interval if interval is not None else (0.2 if self.tty else 10.0)
        self.clock = clock
        self.count = 0
        self.started = clock()
        self._last_draw: float | None = None
        self._width = 0

    @property
    def elapsed(self) -> float:
        return self.clock() - self.started

    @property
    def rate(self) -> float:
        """Items per second since the start."""
        elapsed = self.elapsed
        return self.count / elapsed if elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Seconds left at the rate so far; None when unknown."""
        if self.total is None or self.count == 0:
            return None
        rate = self.rate
        return (self.total - self.count) / rate if rate > 0 else None

    def line(self) -> str:
        parts = [self.label] if self.label else []
        if self.total:
            parts.append(f"{self.count}/{self.total} {self.unit}s ({100 * self.count / self.total:.0f}%)")
        else:
            parts.append(f"{self.count} {self.unit}s")
        parts.append(f"{self.rate:.1f} {self.unit}/s")
        eta = self.eta
        if self.total is not None and self.count >= self.total:
            parts.append(f"in {format_duration(self.elapsed)}")
        elif eta is not None:
            parts.append(f"ETA {format_duration(eta)}")
        return "  ".join(parts)

    def update(self, n: int = 1) -> None:
        self.count += n
        if not self.enabled:
            return
        now = self.clock()
        if self._last_draw is None or now - self._last_draw >= self.interval:
            self._draw(now)

    def _draw(self, now: float) -> None:
        self._last_draw = now
        text = self.line()
        if self.tty:
            # pad over the remains of a longer previous line
            self.stream.write("\r" + text.ljust(self._width))
            self._width = len(text)
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def close(self) -> None:
        """Draw the final count (with the total time) and end the line."""
        if not self.enabled:
            return
        self._draw(self.clock())
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def track(items: Iterable[T], total: int | None = None, label: str = "", **options) -> Iterator[T]:
    """Yield the items, counting them on a progress line."""
    if total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    with Progress(total, label, **options) as progress:
        for item in items:
            yield item
            progress.update()
