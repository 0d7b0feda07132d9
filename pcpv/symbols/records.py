"""Plain records the symbol package hands to the deck builder, the wizard and the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pcpv.errors import SymbolError

OPENMOJI = "openmoji"
"""Set id of the symbols that ship with pcpv."""
NONE_PIN = "none"
"""What a pin holds when the patient wants no symbol for a word."""


def split_ref(ref: str) -> tuple[str, str]:
    """``"openmoji:1F3E5"`` -> ``("openmoji", "1F3E5")``. Raises ``SymbolError`` if it is not a reference."""
    set_id, sep, symbol_id = ref.partition(":")
    if not sep or not set_id.strip() or not symbol_id.strip():
        raise SymbolError(
            f"'{ref}' is not a symbol reference.",
            hint="A symbol reference looks like 'openmoji:1F3E5' or 'mulberry:doctor_1a'. "
            "Use 'pcpv symbols search WORD' to find one.",
        )
    return set_id.strip(), symbol_id.strip()


@dataclass(slots=True)
class Entry:
    """One picture of a symbol set, as the index holds it (thousands are made at start-up, so it
    keeps its file as a string and makes a ``Path`` only when asked)."""

    symbol_id: str
    """The id inside its set (OpenMoji hexcode, or the file's name without its extension)."""
    name: str
    """What the picture means, in plain words: used for alt text."""
    file: str
    """The picture file (SVG, PNG or JPEG), as an absolute path string."""
    words: tuple[str, ...] = ()
    """Words and phrases this picture stands for (its name comes first)."""
    tags: tuple[str, ...] = ()
    """Looser keywords (categories, tags): found by search, ranked below the words."""
    licence: str = ""
    """This picture's own licence when it differs from its set's (from a CSV); empty otherwise."""

    @property
    def source(self) -> Path:
        """The picture file."""
        return Path(self.file)


@dataclass(frozen=True)
class SymbolMatch:
    """A symbol found for a word: what the deck builder needs to show it and credit it."""

    ref: str
    """``"<set-id>:<symbol-id>"``, what ``Answer.symbols`` and pins hold."""
    set_id: str
    """The set's id, e.g. "openmoji" or "mulberry"."""
    set_name: str
    """The set's name for people, e.g. "OpenMoji"."""
    name: str
    """What the symbol means, in plain words: use it as the picture's alt text."""
    licence: str
    """The licence of this symbol, e.g. "CC BY-SA 4.0" (empty when the user gave none)."""
    source: Path
    """The symbol's original picture file."""
    matched: str = ""
    """The word or phrase of the index that matched the query."""
    rank: int = 0
    """How good the match is: 0 is an exact word, higher is looser (for sorting only)."""


@dataclass(frozen=True)
class SymbolisedWord:
    """A word or phrase of a sentence and the symbol chosen for it."""

    text: str
    """The word or phrase exactly as written in the sentence."""
    start: int
    """Index of its first character in the sentence."""
    end: int
    """Index just past its last character."""
    lemma: str
    """Its base form or phrase ("walking" -> "walk"): the key pins are stored under."""
    match: SymbolMatch | None
    """The chosen symbol, or None (no symbol found, or pinned to none)."""
    pinned: bool = False
    """True when the choice comes from a pin in the project's symbols.yaml."""
    note: str = ""
    """A plain sentence when something needs a person's eye (a pin that names a missing symbol)."""


@dataclass(frozen=True)
class Credit:
    """One line of a deck's credits slide: a symbol set and its licence."""

    set_id: str
    """The set's id."""
    set_name: str
    """The set's name for people."""
    licence: str
    """The licence, e.g. "CC BY-SA 4.0" (empty when unknown)."""
    text: str
    """The credit in plain words, ready for the slide."""
    required: bool
    """True when the licence asks for this credit (CC BY and similar, or a copyright notice)."""
    count: int = 0
    """How many different symbols of this set the deck uses."""


@dataclass
class SetInfo:
    """A symbol set as ``pcpv symbols list`` shows it."""

    set_id: str
    """The id used in references."""
    name: str
    """The name for people."""
    licence: str
    """The licence text."""
    count: int
    """How many symbols it holds."""
    scope: str
    """"built in", "user" or "project"."""
    path: Path | None = None
    """The folder it was added from (None for the built-in set)."""
    available: bool = True
    """False when its folder has gone (moved, or a USB stick not plugged in)."""
    problems: list = field(default_factory=list)
    """Problems found while reading it (``pcpv.errors.Problem``)."""
