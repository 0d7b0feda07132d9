"""Writing patient files safely: atomic replacement and owner-only permissions.

A crash, a kill or a power cut at any moment must leave either the old file or the new one, never a
half-written mix. The recipe: write a temporary file in the *same folder* (so the rename stays on one
file system), flush and fsync it, ``os.replace`` it over the target (atomic on POSIX and Windows),
then fsync the folder so the rename itself survives a power cut (POSIX only; Windows has no folder
handles to sync).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

TEMP_PREFIX = ".pcpv-tmp-"
"""Prefix of every temporary file pcpv writes, so leftovers of a killed process can be found."""

FILE_MODE = 0o600
DIR_MODE = 0o700


def make_private_dir(path: Path) -> None:
    """Create ``path`` (and missing parents inside it) readable by the owner only."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    _chmod(path, DIR_MODE)


def _chmod(path: Path, mode: int) -> None:
    # On Windows chmod can only toggle read-only; files there are protected by the user profile's ACLs.
    if sys.platform != "win32":
        path.chmod(mode)


def _fsync_dir(folder: Path) -> None:
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_writer(target: Path) -> Iterator[BinaryIO]:
    """Open a temporary file beside ``target``; on a clean exit it replaces ``target`` atomically.

    If the block raises, the temporary file is removed and ``target`` is untouched.
    """
    folder = target.parent
    fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=target.suffix, dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _chmod(tmp, FILE_MODE)
        tmp.replace(target)
        _fsync_dir(folder)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def atomic_write_bytes(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` atomically, owner-only."""
    with atomic_writer(target) as handle:
        handle.write(data)


def atomic_write_text(target: Path, text: str) -> None:
    """Replace ``target`` with UTF-8 ``text`` atomically, owner-only. Newlines are written as ``\\n``
    on every platform so the files diff cleanly between Windows and Linux."""
    atomic_write_bytes(target, text.encode("utf-8"))


def atomic_copy(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` atomically, owner-only, streaming (no whole-file read)."""
    with source.open("rb") as src, atomic_writer(target) as dst:
        shutil.copyfileobj(src, dst, length=1024 * 1024)


def remove_stale_temp_files(folder: Path) -> list[Path]:
    """Delete temporary files left in ``folder`` by a process that was killed mid-write.

    Only call this while holding the project's lock: another live writer's temp file looks the same.
    """
    removed = []
    for item in folder.glob(TEMP_PREFIX + "*"):
        if item.is_file() and not item.is_symlink():
            with contextlib.suppress(OSError):
                item.unlink()
                removed.append(item)
    return removed


def is_owner_only(path: Path) -> bool:
    """True when no one but the owner may read ``path`` (always True on Windows, see ``_chmod``)."""
    if sys.platform == "win32":
        return True
    return stat.S_IMODE(path.stat().st_mode) & 0o077 == 0
