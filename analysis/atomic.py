"""Atomic file writes: every output is written to a temporary name in its folder, then renamed.

A run killed part-way leaves the previous output in place, never a half-written file.  The final
file gets the permissions of a normally created one (mkstemp alone would leave it at 0600).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

_UMASK = os.umask(0o022)  # os.umask can only be read by setting it; restore at once
os.umask(_UMASK)


def write_atomically(path: str | os.PathLike[str], write: Callable[[str], None]) -> Path:
    """Call `write(temporary_path)`, then move the result to `path`."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    try:
        write(temporary)
        make_public(temporary)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def make_public(path: str | os.PathLike[str]) -> None:
    """The mode of a normally created file (0666 & ~umask)."""
    os.chmod(path, 0o666 & ~_UMASK)


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes) -> Path:
    return write_atomically(path, lambda temporary: Path(temporary).write_bytes(data))
