"""One writer at a time: the project folder's lock.

The lock is an operating-system file lock (``filelock``: ``fcntl.flock`` on macOS/Linux,
``msvcrt.locking`` on Windows) on ``.pcpv.lock``. The system releases it when the holding process
dies, however it dies, so a lock can never be left stuck by a crash. Beside it, ``.pcpv.lock.who``
says who holds the lock (computer, process, since when) so that a second pcpv can tell the person
where the project is open. If that note is still there when we get the lock, its writer died
without closing: the note is stale, and we say so.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

import filelock

from pcpv.errors import ProjectLockedError
from pcpv.safe_io import FILE_MODE, atomic_write_text

LOCK_FILE = ".pcpv.lock"
WHO_FILE = ".pcpv.lock.who"


@dataclass(frozen=True)
class Holder:
    """Who holds (or held) a project's lock."""

    host: str
    pid: int
    since: str

    def describe(self) -> str:
        when = self.since
        with contextlib.suppress(ValueError):
            when = dt.datetime.fromisoformat(self.since).strftime("%H:%M on %d %B")
        return f"on the computer '{self.host}' (pcpv process {self.pid}, opened at {when})"


def _read_holder(path: Path) -> Holder | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Holder(str(data["host"]), int(data["pid"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class ProjectLock:
    """The write lock of one project folder. Use ``acquire``/``release`` or ``with``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._lock = filelock.FileLock(root / LOCK_FILE, timeout=0, mode=FILE_MODE)
        self._who = root / WHO_FILE
        self.stale_holder: Holder | None = None
        """Set by ``acquire`` when an earlier holder died without releasing the lock."""

    def acquire(self) -> None:
        try:
            self._lock.acquire(timeout=0)
        except filelock.Timeout:
            holder = _read_holder(self._who)
            where = holder.describe() if holder else "in another pcpv window"
            raise ProjectLockedError(
                f"This project is already open {where}.",
                hint="Close it there first, then try again. Two windows changing the same "
                "project at once could mix up the answers.",
            ) from None
        self.stale_holder = _read_holder(self._who) if self._who.exists() else None
        me = Holder(
            socket.gethostname(), os.getpid(), dt.datetime.now().isoformat(timespec="seconds")
        )
        atomic_write_text(self._who, json.dumps(me.__dict__))

    def release(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._who.unlink()
        self._lock.release()

    @property
    def is_locked(self) -> bool:
        return self._lock.is_locked

    def __enter__(self) -> ProjectLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
