"""Finding the data folders that ship with pcpv: ``templates/`` and ``symbols/``.

In a checkout (or an editable install) they sit at the repository root, beside the ``pcpv``
package. In an installed wheel hatchling puts them inside the package at ``pcpv/_data/`` (see
``[tool.hatch.build.targets.wheel.force-include]`` in pyproject.toml). ``data_dir`` looks in the
wheel's place first, so an installed pcpv never reads a stray folder next to site-packages.
"""

from __future__ import annotations

from pathlib import Path

from pcpv.errors import PcpvError

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The shipped data folder ``name`` ("templates" or "symbols")."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise PcpvError(
        f"pcpv's own '{name}' folder is missing from this installation.",
        hint="Reinstall pcpv (make demo does it for you).",
    )


def templates_dir() -> Path:
    """Where the question sets and slide texts live."""
    return data_dir("templates")


def symbols_dir() -> Path:
    """Where the curated symbol vocabulary lives."""
    return data_dir("symbols")
