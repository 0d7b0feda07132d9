"""Pseudonymous project ids for ward reports.

A report names each project by a keyed hash (HMAC-SHA256) of its folder's name and the moment the
project was made. The key (the "salt") is kept in the report folder, or given with ``--salt``, so
the same project keeps its id from one report to the next, while the id itself reveals nothing:
without the salt no one can test a guessed name against it. The salt is not patient data, but it
must not be handed out with the report.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path

from pcpv.errors import PcpvError
from pcpv.safe_io import atomic_write_text, make_private_dir

SALT_FILE = ".pcpv-report-salt"
"""Kept in the report folder. Do not share it with the report."""
MIN_SALT_CHARS = 16


def load_or_make_salt(out_dir: Path) -> str:
    """The salt stored in ``out_dir``, made (random, owner-only) on the first report."""
    path = out_dir / SALT_FILE
    if path.is_file():
        salt = path.read_text(encoding="utf-8").strip()
        if len(salt) < MIN_SALT_CHARS:
            raise PcpvError(
                f"The report folder's {SALT_FILE} file is damaged (too short).",
                hint="Put back its copy, or delete it: new ids will then be made for every project.",
            )
        return salt
    make_private_dir(out_dir)
    salt = secrets.token_hex(32)
    atomic_write_text(path, salt + "\n")
    return salt


def check_salt(salt: str) -> str:
    """``salt`` if it is long enough to protect the ids, else a plain error."""
    if len(salt) < MIN_SALT_CHARS:
        raise PcpvError(
            f"The salt is too short ({len(salt)} characters): ids made with it could be guessed.",
            hint=f"Use at least {MIN_SALT_CHARS} characters, or leave out --salt.",
        )
    return salt


@dataclass(frozen=True)
class Pseudonyms:
    """Makes the ids of one report."""

    salt: str

    def project_id(self, folder_name: str, created: dt.datetime | None) -> str:
        """A short stable id like ``P-3F9A0C1D`` for a project folder."""
        made = created.isoformat(timespec="seconds") if created else "unknown"
        message = f"project\n{folder_name}\n{made}".encode()
        digest = hmac.new(self.salt.encode(), message, hashlib.sha256).hexdigest()
        return "P-" + digest[:8].upper()

    def unreadable_id(self, folder_name: str) -> str:
        """An id for a project whose files cannot be read (so its creation time is unknown)."""
        message = f"unreadable\n{folder_name}".encode()
        digest = hmac.new(self.salt.encode(), message, hashlib.sha256).hexdigest()
        return "U-" + digest[:8].upper()
