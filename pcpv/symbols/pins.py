"""Pins: the symbol the patient or SALT chose for a word in one project (or "none").

Pins live under ``pins:`` in the project's ``symbols.yaml``; the word is stored in lower case with
single spaces, the value is a symbol reference such as ``mulberry:doctor_1a`` or ``none``. A pin
always wins over pcpv's own choice.
"""

from __future__ import annotations

from pathlib import Path

from pcpv.errors import Problem, ProjectFileError, SymbolError
from pcpv.symbols.records import NONE_PIN, split_ref
from pcpv.symbols.registry import read_project_registry
from pcpv.symbols.words import normalise


def load_pins(project_root: Path) -> dict[str, str | None]:
    """Word -> symbol reference, or None for "no symbol". Empty when the project has no pins.

    Raises ``ProjectFileError`` naming every bad pin of a hand-edited file.
    """
    registry = read_project_registry(project_root)
    raw = registry.data.get("pins") or {}
    file = registry.file
    if not isinstance(raw, dict):
        raise ProjectFileError([Problem(file, "'pins' should be a list of 'word: symbol' lines.")])
    pins: dict[str, str | None] = {}
    problems = []
    for word, value in raw.items():
        key = normalise(str(word))
        if value is None or (isinstance(value, str) and value.strip().lower() == NONE_PIN):
            pins[key] = None
            continue
        if not isinstance(value, str) or ":" not in value:
            problems.append(
                Problem(
                    file,
                    f"The pin for '{word}' should be a symbol like 'openmoji:1F3E5' or 'none'.",
                    where=f"pins.{word}",
                )
            )
            continue
        pins[key] = value.strip()
    if problems:
        raise ProjectFileError(problems)
    return pins


def pin(project_root: Path, word: str, ref: str | None) -> None:
    """Remember ``ref`` (or no symbol, when None) for ``word`` in this project."""
    key = normalise(word)
    if not key:
        raise SymbolError("A pin needs a word.", hint="Say which word the symbol is for.")
    if ref is not None:
        split_ref(ref)  # refuses anything that is not a reference, with a plain message
    registry = read_project_registry(project_root)
    pins = dict(registry.data.get("pins") or {})
    pins[key] = ref if ref is not None else NONE_PIN
    registry.data["pins"] = pins
    registry.save()


def unpin(project_root: Path, word: str) -> bool:
    """Forget the pin for ``word``; True if there was one."""
    key = normalise(word)
    registry = read_project_registry(project_root)
    pins = dict(registry.data.get("pins") or {})
    if key not in pins:
        return False
    del pins[key]
    registry.data["pins"] = pins
    registry.save()
    return True
