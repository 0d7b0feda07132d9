"""A start-up cache of the symbol sets as read, so pcpv starts fast with thousands of symbols.

Reading OpenMoji's names (the ``emoji`` package is slow to import), our vocabulary and a 3,000
picture folder takes longer than a person should wait at every command. What was read is kept as
JSON in ``cache_dir()/symbols/index/``, under a name made of everything it was read from (file
sizes and modification times, package versions), so any change reads the sources again. Only
public artwork names go here: sets added to a project are never cached (their names may be about
the patient). A cache file that cannot be read is ignored and rewritten.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pcpv import __version__
from pcpv.errors import Problem
from pcpv.safe_io import atomic_write_text, make_private_dir
from pcpv.symbols.folders import MAX_DEPTH
from pcpv.symbols.records import Entry
from pcpv.symbols.sets import SymbolSet
from pcpv.userdirs import cache_dir

FORMAT = 1
"""Bump when the cached layout changes."""


def stat_key(path: Path) -> list:
    """What changes when a file or folder changes: its path, size and modification time."""
    try:
        stat = path.stat()
    except OSError:
        return [str(path), None]
    return [str(path), stat.st_size, stat.st_mtime_ns]


def folder_key(root: Path, depth: int = MAX_DEPTH) -> list:
    """A folder's key: itself and its sub-folders (a folder's time changes when a file is added,
    removed or renamed in it) plus its CSV and licence files (their contents matter)."""
    keys = [stat_key(root)]
    pending = [(root, 0)]
    while pending:
        folder, level = pending.pop()
        try:
            with os.scandir(folder) as listing:
                for item in listing:
                    if item.name.startswith("."):
                        continue
                    if item.is_dir() and level + 1 < depth:
                        keys.append(stat_key(Path(item.path)))
                        pending.append((Path(item.path), level + 1))
                    elif item.name.lower().endswith((".csv", ".txt", ".md")):
                        keys.append(stat_key(Path(item.path)))
        except OSError:
            keys.append([str(folder), "unreadable"])
    return sorted(keys, key=str)


def _dump_set(symbols: SymbolSet) -> dict[str, Any]:
    return {
        "entries": [
            [e.symbol_id, e.name, e.file, list(e.words), list(e.tags), e.licence]
            for e in symbols.entries.values()
        ],
        "curated": symbols.curated,
        "problems": [[str(p.file), p.message, p.line, p.where] for p in symbols.problems],
        "available": symbols.available,
    }


def _load_set(symbols: SymbolSet, data: dict[str, Any]) -> SymbolSet:
    symbols.entries = {
        row[0]: Entry(row[0], row[1], row[2], tuple(row[3]), tuple(row[4]), row[5])
        for row in data["entries"]
    }
    symbols.curated = {term: [tuple(hit) for hit in hits] for term, hits in data["curated"].items()}
    symbols.problems = [Problem(Path(f), m, line, w) for f, m, line, w in data["problems"]]
    symbols.available = data["available"]
    return symbols


def cached_set(
    kind: str, key: object, empty: Callable[[], SymbolSet], read: Callable[[], SymbolSet]
) -> SymbolSet:
    """The set read by ``read``, or its copy cached under ``key``.

    ``empty`` makes the set's shell (id, name, licence...) that a cached copy is poured into.
    """
    # pcpv's version is part of every key: a new pcpv may read folders differently.
    fingerprint = json.dumps([FORMAT, __version__, key], default=str)
    digest = hashlib.sha256(fingerprint.encode()).hexdigest()[:20]
    folder = cache_dir() / "symbols" / "index"
    path = folder / f"{kind}--{digest}.json"
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError, IndexError):
        return _load_set(empty(), json.loads(path.read_text(encoding="utf-8")))
    symbols = read()
    with contextlib.suppress(OSError):
        make_private_dir(folder)
        for stale in folder.glob(f"{kind}--*.json"):
            stale.unlink()
        atomic_write_text(path, json.dumps(_dump_set(symbols), separators=(",", ":")))
    return symbols
