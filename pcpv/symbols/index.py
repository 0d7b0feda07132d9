"""The word index over every symbol set, and the ranking that picks the best symbol for a word.

Every word or phrase that can find a symbol is a key of one dictionary, so a look-up costs a few
dictionary reads whatever the number of sets. A hit is ranked by, in order:

1. its tier: 0 our vocabulary or the name of a picture in a set made for easy read (Mulberry, a
   hospital's Widgit folder); 1 a Unicode emoji name; 2 a tag or keyword; 3 the last word of a
   longer name ("stick" in "walking stick": English puts the thing named last); 4 any other word of
   a longer name; 5 the start of a word (search only);
2. the user's order of preference between sets (an exact word in a preferred set beats the same
   kind of match in a later one, even when the word had to be changed to find it);
3. how far the word had to be changed to find it ("nurses" before "nurse");
4. the order of symbols in our vocabulary (best first), then the shortest name.

``lookup`` only accepts tiers 0-3: a word inside someone else's name ("walk" in "walking stick")
is offered by search, never chosen by itself.

Hits are plain tuples laid out so that sorting them sorts by rank (tens of thousands are made at
start-up; tuples are the cheapest thing Python has): see ``Hit``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import NamedTuple

from pcpv.symbols.records import SymbolMatch
from pcpv.symbols.sets import SymbolSet
from pcpv.symbols.words import SMALL_WORDS, base_forms, normalise

TIER_WORD, TIER_NAME, TIER_TAG, TIER_LAST_WORD, TIER_OTHER_WORD, TIER_PREFIX = range(6)
LOOKUP_MAX_TIER = TIER_LAST_WORD
MAX_PHRASE_WORDS = 6


class Hit(NamedTuple):
    """One way a term leads to a symbol. Stored as a plain tuple in this order; sorting tuples
    sorts by rank."""

    tier: int
    """How the term matched (see the module docstring)."""
    set_rank: int
    """Position of the symbol's set in the user's order of preference."""
    order: int
    """Position among a vocabulary word's symbols (0 = best)."""
    length: int
    """Length of the meaning: shorter, more general names first."""
    symbol_id: str
    """The symbol's id in its set."""
    set_index: int
    """Index of the set in ``SymbolIndex.sets``."""
    meaning: str
    """What the symbol means here (the vocabulary's head word, or the picture's name)."""


def with_form(hit: tuple, form_index: int) -> tuple:
    """The sort key of a hit found through the ``form_index``-th form of the query."""
    return (hit[0], hit[1], form_index, *hit[2:5])


class SymbolIndex:
    """Words and phrases of every set -> hits, built once per library."""

    def __init__(self, sets: list[SymbolSet]) -> None:
        self.sets = sets
        """The sets in the user's order of preference."""
        self.terms: dict[str, list[tuple]] = {}
        """Term -> hits (``Hit`` layout), best first."""
        self.phrases: dict[str, list[tuple[str, ...]]] = {}
        """First word -> multi-word terms (as word tuples) that start with it, longest first."""
        for rank, symbols in enumerate(sets):
            self._add_set(rank, symbols)
        for hits in self.terms.values():
            hits.sort()
        self._sorted_terms = sorted(self.terms)
        for term, hits in self.terms.items():
            if " " not in term or hits[0][0] > TIER_NAME:
                continue
            words = tuple(term.split(" "))
            # A phrase that starts with a small word ("the ward") would swallow the start of a
            # longer one ("the ward round"); small words are skipped anyway, so leave it out.
            if len(words) <= MAX_PHRASE_WORDS and words[0] not in SMALL_WORDS:
                self.phrases.setdefault(words[0], []).append(words)
        for starts in self.phrases.values():
            starts.sort(key=len, reverse=True)

    def _add_set(self, rank: int, symbols: SymbolSet) -> None:
        terms = self.terms
        for term, choices in symbols.curated.items():
            bucket = terms.setdefault(term, [])
            for order, (symbol_id, meaning) in enumerate(choices):
                bucket.append((TIER_WORD, rank, order, len(meaning), symbol_id, rank, meaning))
        name_tier = symbols.name_rank
        for entry in symbols.entries.values():
            symbol_id, name = entry.symbol_id, entry.name
            length = len(name)
            seen: set[str] = set()
            for word in entry.words:
                if word not in seen:
                    seen.add(word)
                    terms.setdefault(word, []).append(
                        (name_tier, rank, 0, length, symbol_id, rank, name)
                    )
            for tag in entry.tags:
                if tag not in seen:
                    seen.add(tag)
                    terms.setdefault(tag, []).append(
                        (TIER_TAG, rank, 0, length, symbol_id, rank, name)
                    )
            for word in entry.words:
                if " " not in word:
                    continue
                parts = word.split(" ")
                last = len(parts) - 1
                for position, part in enumerate(parts):
                    if part in seen or part in SMALL_WORDS or part.isdigit():
                        continue
                    seen.add(part)
                    tier = TIER_LAST_WORD if position == last else TIER_OTHER_WORD
                    terms.setdefault(part, []).append(
                        (tier, rank, 0, length, symbol_id, rank, name)
                    )

    # -- reading ----------------------------------------------------------------------------
    def match(self, hit: tuple, matched: str, rank: int | None = None) -> SymbolMatch:
        """The public record for ``hit``."""
        found = Hit._make(hit)
        symbols = self.sets[found.set_index]
        entry = symbols.entries[found.symbol_id]
        return SymbolMatch(
            ref=f"{symbols.set_id}:{entry.symbol_id}",
            set_id=symbols.set_id,
            set_name=symbols.name,
            name=found.meaning or entry.name,
            licence=entry.licence or symbols.licence,
            source=entry.source,
            matched=matched,
            rank=found.tier if rank is None else rank,
        )

    def forms(self, text: str) -> list[str]:
        """Keys to try for ``text``: itself, then with its last word in a base form ("care
        plans"), then with one other word in a base form ("cups of tea")."""
        words = normalise(text).split(" ")
        if not words[0]:
            return []
        found = [" ".join([*words[:-1], form]) for form in base_forms(words[-1])]
        for position in range(len(words) - 1):
            for form in base_forms(words[position])[1:]:
                found.append(" ".join([*words[:position], form, *words[position + 1 :]]))
        return list(dict.fromkeys(found))

    def ranked(self, text: str, max_tier: int = TIER_OTHER_WORD) -> list[tuple[tuple, tuple, str]]:
        """(sort key, hit, form) for ``text`` and its base forms up to ``max_tier``, best first,
        one per symbol."""
        found: dict[tuple[int, str], tuple[tuple, tuple, str]] = {}
        for form_index, form in enumerate(self.forms(text)):
            for hit in self.terms.get(form, ()):
                if hit[0] > max_tier:
                    break  # hits are sorted by tier
                key = with_form(hit, form_index)
                ident = (hit[5], hit[4])
                if ident not in found or key < found[ident][0]:
                    found[ident] = (key, hit, form)
        return sorted(found.values(), key=lambda item: item[0])

    def best(self, text: str) -> tuple[tuple, str] | None:
        """The hit ``lookup`` would choose for ``text`` and the form that found it."""
        best: tuple[tuple, tuple, str] | None = None
        for form_index, form in enumerate(self.forms(text)):
            hits = self.terms.get(form)
            if hits and hits[0][0] <= LOOKUP_MAX_TIER:
                key = with_form(hits[0], form_index)
                if best is None or key < best[0]:
                    best = (key, hits[0], form)
        return (best[1], best[2]) if best else None

    def prefixed(
        self, prefix: str, skip: Iterable[tuple[int, str]], limit: int
    ) -> list[tuple[tuple, str]]:
        """Hits of terms that start with ``prefix`` (for search while typing), shortest term first."""
        taken = set(skip)
        found: list[tuple[int, tuple, str]] = []
        start = bisect.bisect_left(self._sorted_terms, prefix)
        for term in self._sorted_terms[start : start + 400]:
            if not term.startswith(prefix):
                break
            hit = self.terms[term][0]
            ident = (hit[5], hit[4])
            if ident not in taken:
                taken.add(ident)
                found.append((len(term), hit, term))
        found.sort(key=lambda item: (item[0], item[1]))
        return [(hit, term) for _, hit, term in found[:limit]]
