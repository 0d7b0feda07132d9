"""Where the deck's symbols come from, behind one small interface.

The plan asks a ``SymbolSource`` what a chosen symbol means (its alt text) and the writer asks it
for a PNG. ``pcpv.symbols`` (the project's symbol library: OpenMoji, Mulberry, a service's own
sets) plugs in through ``LibrarySymbols``; ``FolderSymbols`` takes a folder of PNG files named by
their word, which is enough for tests and for a service that keeps its own pictures as files.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol


@dataclass(frozen=True)
class Symbol:
    """A symbol the deck shows."""

    ref: str
    """The reference an answer holds (``openmoji:1F3E5``) or the word it was found for."""
    meaning: str
    """What it means in plain words: its alt text and what it stands beside."""
    set_name: str = ""
    """The symbol set's name for people, e.g. "OpenMoji" (for credits)."""
    licence: str = ""
    """The set's licence, e.g. "CC BY-SA 4.0" (for credits)."""


@dataclass(frozen=True)
class CreditLine:
    """One line of the credits slide."""

    set_name: str
    """The symbol set's name."""
    licence: str
    """Its licence."""
    text: str
    """The credit in plain words, ready for the slide (may be empty: the slide then uses
    ``credits.j2``)."""
    required: bool
    """True when the licence asks for credit (CC BY, CC BY-SA...)."""


class SymbolSource(Protocol):
    """What the deck builder needs from a symbol library."""

    def find(self, word_or_ref: str) -> Symbol | None:
        """The symbol for a reference like ``openmoji:1F3E5`` or a plain word; None if none."""
        ...

    def render_png(self, symbol: Symbol, size_px: int) -> Path:
        """A square PNG of the symbol, ``size_px`` wide, that the caller may read (not delete)."""
        ...

    def credits(self, symbols: Sequence[Symbol]) -> list[CreditLine]:
        """The credits the deck owes for using ``symbols``."""
        ...


def _needs_credit(licence: str) -> bool:
    text = licence.upper().replace("-", " ")
    return "BY" in text.split() or "CC BY" in text or "ATTRIBUTION" in text


class NoSymbols:
    """A source with no symbols at all (decks are then made of words and photos only)."""

    def find(self, word_or_ref: str) -> Symbol | None:
        return None

    def render_png(self, symbol: Symbol, size_px: int) -> Path:
        raise LookupError(symbol.ref)

    def credits(self, symbols: Sequence[Symbol]) -> list[CreditLine]:
        return []


class FolderSymbols:
    """Symbols from a folder of PNG files named by their word (``doctor.png``, ``go out.png``).

    ``set_name`` and ``licence`` describe the whole folder, for the credits slide.
    """

    def __init__(self, folder: Path, *, set_name: str = "", licence: str = "") -> None:
        self.folder = folder
        self.set_name = set_name
        self.licence = licence

    def _file(self, word: str) -> Path | None:
        name = word.split(":", 1)[-1].strip()
        path = self.folder / f"{name}.png"
        return path if name and path.is_file() else None

    def find(self, word_or_ref: str) -> Symbol | None:
        path = self._file(word_or_ref)
        if path is None:
            return None
        return Symbol(
            ref=word_or_ref, meaning=path.stem, set_name=self.set_name, licence=self.licence
        )

    def render_png(self, symbol: Symbol, size_px: int) -> Path:
        path = self._file(symbol.ref)
        if path is None:
            raise LookupError(symbol.ref)
        return path

    def credits(self, symbols: Sequence[Symbol]) -> list[CreditLine]:
        if not symbols or not self.set_name:
            return []
        return [CreditLine(self.set_name, self.licence, "", _needs_credit(self.licence))]


class LibrarySymbols:
    """The project's symbol library (``pcpv.symbols.SymbolLibrary``) as a ``SymbolSource``."""

    def __init__(self, library: Any) -> None:
        self.library = library

    def find(self, word_or_ref: str) -> Symbol | None:
        match = self.library.resolve(word_or_ref)
        if match is None:
            return None
        return Symbol(
            ref=match.ref, meaning=match.name, set_name=match.set_name, licence=match.licence
        )

    def render_png(self, symbol: Symbol, size_px: int) -> Path:
        return Path(self.library.render_png(symbol.ref, size_px))

    def credits(self, symbols: Sequence[Symbol]) -> list[CreditLine]:
        refs = list(dict.fromkeys(s.ref for s in symbols))
        return [
            CreditLine(c.set_name, c.licence, c.text, bool(c.required))
            for c in self.library.credits_for(refs)
        ]


def project_symbols(project_root: Path) -> SymbolSource:
    """The symbol source for a project: its symbol library (OpenMoji, the user's and the
    project's own sets)."""
    from pcpv.symbols import SymbolLibrary

    return LibrarySymbols(SymbolLibrary.load(project_root))
