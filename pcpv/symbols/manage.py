"""Adding, removing and ordering the user's own symbol sets (what ``pcpv symbols add`` does)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pcpv.errors import Problem, SymbolError
from pcpv.symbols.folders import check_picture
from pcpv.symbols.library import set_from_record
from pcpv.symbols.records import OPENMOJI
from pcpv.symbols.registry import (
    Registry,
    SetRecord,
    detect_licence,
    new_set_id,
    read_project_registry,
    read_user_registry,
    slug,
)
from pcpv.symbols.sets import SymbolSet


@dataclass
class AddResult:
    """What adding a set found."""

    record: SetRecord
    """The registered set as written to the registry."""
    symbols: SymbolSet
    """The set as read (its good entries)."""
    problems: list[Problem] = field(default_factory=list)
    """Everything wrong, file by file (bad rows, missing or unreadable pictures, duplicates)."""
    refreshed: bool = False
    """True when the same folder was already registered under this id and was read again."""
    licence_file: Path | None = None
    """The file the licence was read from, when the user gave none."""


def _registry(project_root: Path | None) -> Registry:
    return read_project_registry(project_root) if project_root is not None else read_user_registry()


def add_set(
    path: Path,
    *,
    name: str | None = None,
    licence: str | None = None,
    credit: str | None = None,
    project_root: Path | None = None,
    check_pictures: bool = True,
) -> AddResult:
    """Register the folder ``path`` as a symbol set for the user (or one project), preferred first.

    Every picture is opened once (``check_pictures``) so unreadable ones are reported now, file by
    file, and left out later. Raises ``SymbolError`` if the folder is missing or holds no usable
    picture; the registry is then unchanged.
    """
    folder = path.expanduser().resolve()
    if not folder.is_dir():
        raise SymbolError(
            f"There is no folder {path}.",
            hint="Give the folder that holds the symbol pictures (and its CSV file, if it has one).",
        )
    registry = _registry(project_root)
    wanted = slug(name) if name else slug(folder.name)
    existing = registry.find(wanted)
    refreshed = existing is not None and existing.path.resolve() == folder
    if refreshed:
        set_id = wanted
    else:
        others = {r.set_id for r in registry.records}
        if project_root is not None:
            others |= {r.set_id for r in read_user_registry().records}
        set_id = new_set_id(name or folder.name, others)
    found_licence, copyright_line, licence_file = detect_licence(folder)
    record = SetRecord(
        set_id=set_id,
        name=name or (existing.name if refreshed and existing else folder.name),
        path=folder,
        licence=licence if licence is not None else found_licence,
        credit=credit if credit is not None else copyright_line,
        scope=registry.scope,
    )
    symbols = set_from_record(record)
    problems = list(symbols.problems)
    if check_pictures:
        for symbol_id, entry in list(symbols.entries.items()):
            why = check_picture(entry.source)
            if why is not None:
                problems.append(Problem(entry.source, why + " pcpv will not use it."))
                record.skip.append(symbol_id)
                del symbols.entries[symbol_id]
    if not symbols.entries:
        raise SymbolError(
            f"No usable symbol pictures were found in {folder}.",
            hint="pcpv reads SVG, PNG and JPEG files whose names are the words. "
            + (f"First problem: {problems[0]}" if problems else ""),
        )
    if refreshed:
        registry.records = [record if r.set_id == set_id else r for r in registry.records]
    else:
        registry.records.insert(0, record)
        if registry.order:
            registry.order.insert(0, set_id)
    registry.save()
    return AddResult(
        record,
        symbols,
        problems,
        refreshed=refreshed,
        licence_file=licence_file if licence is None else None,
    )


def remove_set(set_id: str, *, project_root: Path | None = None) -> SetRecord:
    """Forget a registered set (its files are not touched). Raises ``SymbolError`` if unknown."""
    registry = _registry(project_root)
    record = registry.find(set_id)
    if record is None:
        known = ", ".join(r.set_id for r in registry.records) or "none"
        raise SymbolError(
            f"There is no added symbol set called '{set_id}'.",
            hint=f"The sets added {'to this project' if project_root else 'for you'} are: {known}.",
        )
    registry.records.remove(record)
    registry.order = [i for i in registry.order if i != set_id]
    registry.save()
    return record


def set_order(set_ids: list[str]) -> list[str]:
    """Make ``set_ids`` the user's preferred order (others follow, OpenMoji last unless named)."""
    registry = read_user_registry()
    known = {r.set_id for r in registry.records} | {OPENMOJI}
    unknown = [i for i in set_ids if i not in known]
    if unknown:
        raise SymbolError(
            f"There is no symbol set called {', '.join(repr(i) for i in unknown)}.",
            hint=f"The sets are: {', '.join(sorted(known))}.",
        )
    registry.order = list(dict.fromkeys(set_ids))
    registry.save()
    return registry.order
