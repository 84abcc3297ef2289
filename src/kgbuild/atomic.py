"""Atomic file writes: a reader sees the old file or the new one, never half of one.

The data goes to a temporary file beside the target, is flushed to disk (fsync), and only
then renamed over the target; any failure on the way (a full disk, a read-only folder, an
interrupt) removes the temporary file and leaves the old target as it was.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

from .errors import OutputError


@contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary file beside `path`; on success fsync and rename it over `path`."""
    path = _target(Path(path))
    binary = "b" in mode
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _error(path, exc) from None
    try:
        with os.fdopen(fd, mode, encoding=None if binary else encoding) as handle:
            # mkstemp makes the file private (0600); an output should get the permissions of
            # the file it replaces, or the ones the user's umask gives new files.
            os.fchmod(handle.fileno(), _mode_for(path))
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        _unlink(tmp)
        raise _error(path, exc) from None
    except BaseException:
        _unlink(tmp)
        raise


def atomic_write(path: str | os.PathLike, data: str | bytes | Callable[[IO], object]) -> None:
    """Write `data` (text, bytes, or a function that writes to the open text file) atomically."""
    if callable(data):
        with atomic_open(path, "w") as handle:
            data(handle)
        return
    with atomic_open(path, "wb" if isinstance(data, bytes) else "w") as handle:
        handle.write(data)


def _target(path: Path) -> Path:
    """The file to replace: a symlink's target (renaming over the link would break it), and
    never a device, pipe or folder (renaming over /dev/null is not writing to it)."""
    if path.is_symlink():
        path = path.resolve()
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return path
    except OSError as exc:
        raise _error(path, exc) from None
    if not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
        raise OutputError(f"{path}: cannot write: is {kind}")
    return path


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)  # the only portable way to read it is to set it
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable; not every system can open a folder, which is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _error(path: Path, exc: OSError) -> OutputError:
    return OutputError(f"{path}: cannot write: {exc.strerror or exc}")


def _unlink(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass
