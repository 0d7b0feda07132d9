"""The checker's word lists: jargon, hard words and their plain alternatives.

They live in an editable data file, ``templates/check/plain-words.yaml``, so a service can add its
own jargon without touching code. A project may add a ``plain-words.yaml`` of its own (next to its
question set); its entries are added on top and win for the same word.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from pcpv.errors import ProjectFileError
from pcpv.resources import templates_dir
from pcpv.yaml_io import FieldReader, load_yaml

FILE_NAME = "plain-words.yaml"


@dataclass(frozen=True)
class JargonTerm:
    """One piece of jargon and how to say it plainly."""

    term: str
    """The word or letters as usually written, e.g. ``CPA`` or ``tribunal``."""
    means: str = ""
    """What the letters stand for, if it is an acronym."""
    plain: tuple[str, ...] = ()
    """Everyday words to use instead."""
    forms: tuple[str, ...] = ()
    """Every way it is written (the term first); forms with a capital letter match case exactly."""


@dataclass
class PlainWords:
    """Everything the text rules look words up in."""

    jargon: dict[str, JargonTerm] = field(default_factory=dict)
    """By term."""
    hard_words: dict[str, str] = field(default_factory=dict)
    """Lower-case word or phrase -> everyday alternative."""
    everyday_long_words: frozenset[str] = frozenset()
    """Long words readers know well (lower case); never noted as long."""
    capitals_ok: frozenset[str] = frozenset()
    """Short words in capitals everybody knows (``NHS``, ``TV``); never noted as acronyms."""
    not_passive: frozenset[str] = frozenset()
    """Words ending in -ed that describe a state ("bored"), not a passive verb (lower case)."""

    @functools.cached_property
    def jargon_pattern(self) -> re.Pattern[str] | None:
        """One regular expression finding every jargon form as a whole word."""
        forms = sorted({f for t in self.jargon.values() for f in t.forms}, key=len, reverse=True)
        if not forms:
            return None
        parts = [re.escape(f) if _case_sensitive(f) else f"(?i:{re.escape(f)})" for f in forms]
        return re.compile(r"(?<![\w.])(?:" + "|".join(parts) + r")(?![\w])")

    @functools.cached_property
    def _form_index(self) -> dict[str, JargonTerm]:
        index: dict[str, JargonTerm] = {}
        for term in self.jargon.values():
            for form in term.forms:
                index[form if _case_sensitive(form) else form.lower()] = term
        return index

    def term_for(self, found: str) -> JargonTerm | None:
        """The jargon entry a matched form belongs to."""
        return self._form_index.get(found) or self._form_index.get(found.lower())

    @functools.cached_property
    def hard_pattern(self) -> re.Pattern[str] | None:
        """One regular expression finding every hard word or phrase (any case, simple endings)."""
        words = sorted(self.hard_words, key=len, reverse=True)
        if not words:
            return None
        parts = [re.escape(w).replace(r"\ ", r"\s+") for w in words]
        return re.compile(r"(?i)(?<![\w])(?:" + "|".join(parts) + r")(?:s|d|ed|es)?(?![\w])")

    def plain_for(self, found: str) -> str | None:
        """The everyday alternative for a matched hard word."""
        key = re.sub(r"\s+", " ", found.lower())
        for candidate in (key, key[:-1], key[:-2]):
            if candidate in self.hard_words:
                return self.hard_words[candidate]
        return None


def _case_sensitive(form: str) -> bool:
    return any(c.isupper() for c in form)


def _read(path: Path) -> tuple[PlainWords, list]:
    data, lines = load_yaml(path)
    r = FieldReader(data if data is not None else {}, path, lines)
    words = PlainWords()
    raw_jargon = r.raw("jargon") or {}
    if not isinstance(raw_jargon, dict):
        r.problem("'jargon' should be a list of words, each with 'plain:' alternatives.", "jargon")
        raw_jargon = {}
    for key, value in raw_jargon.items():
        term = str(key)
        if isinstance(value, str):
            words.jargon[term] = JargonTerm(term, plain=(value,), forms=(term,))
            continue
        entry = FieldReader(value, path, lines, ("jargon", term), r.problems)
        plain = entry.text_list("plain")
        if not plain:
            entry.problem(f"'{term}' needs 'plain:' with at least one everyday alternative.")
        words.jargon[term] = JargonTerm(
            term=term,
            means=entry.text("means", ""),
            plain=tuple(plain),
            forms=(term, *entry.text_list("also")),
        )
    hard = r.raw("hard_words") or {}
    if not isinstance(hard, dict):
        r.problem("'hard_words' should be a list of 'word: everyday word' lines.", "hard_words")
        hard = {}
    for word, plain in hard.items():
        if not isinstance(plain, str) or not plain.strip():
            r.problem(
                f"'{word}' should be followed by the everyday word to use instead.", "hard_words"
            )
            continue
        words.hard_words[str(word).lower()] = plain.strip()
    words.everyday_long_words = frozenset(w.lower() for w in r.text_list("everyday_long_words"))
    words.capitals_ok = frozenset(r.text_list("capitals_ok"))
    words.not_passive = frozenset(w.lower() for w in r.text_list("not_passive"))
    return words, r.problems


def _merge(base: PlainWords, extra: PlainWords) -> PlainWords:
    return PlainWords(
        jargon=base.jargon | extra.jargon,
        hard_words=base.hard_words | extra.hard_words,
        everyday_long_words=base.everyday_long_words | extra.everyday_long_words,
        capitals_ok=base.capitals_ok | extra.capitals_ok,
        not_passive=base.not_passive | extra.not_passive,
    )


def default_path() -> Path:
    """Where the shipped (and service-edited) word list is."""
    return templates_dir() / "check" / FILE_NAME


@functools.lru_cache(maxsize=8)
def _load_cached(paths: tuple[Path, ...], stamps: tuple[float, ...]) -> PlainWords:
    words = PlainWords()
    problems: list = []
    for path in paths:
        found, found_problems = _read(path)
        words = _merge(words, found)
        problems += found_problems
    if problems:
        raise ProjectFileError(
            problems, hint="Fix the word list in a text editor; the comments at its top show how."
        )
    return words


def load_plain_words(extra: Path | None = None) -> PlainWords:
    """The shipped word list, plus ``extra`` (a project's own list) when given and present.

    Cached until either file changes, so live hints in the wizard stay fast. Raises
    ``ProjectFileError`` listing every problem when a list is not laid out right.
    """
    paths = [default_path()]
    if extra is not None and extra.is_file():
        paths.append(extra)
    stamps = tuple(p.stat().st_mtime_ns for p in paths)
    return _load_cached(tuple(paths), stamps)
