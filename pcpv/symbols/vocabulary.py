"""pcpv's own easy-read vocabulary (the repository's ``symbols/`` folder): words -> OpenMoji codes.

Each topic file maps a word or phrase to the OpenMoji symbol(s) that show it best, with other words
that mean the same. The files are ours and ship with pcpv; the format is described in
``symbols/README.md``. They are read with libyaml when available, because they are read at every
start-up and the line-numbering loader of ``pcpv.yaml_io`` is ten times slower; a problem is still
reported with its file and entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pcpv.errors import Problem
from pcpv.symbols.words import normalise

_HEXCODE = re.compile(r"^[0-9A-F]{2,6}(-[0-9A-F]{2,6})*$")


@dataclass
class Vocabulary:
    """Every word and phrase of the curated vocabulary and the symbols it points at."""

    terms: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """Word or phrase (normalised) -> [(OpenMoji code, head word)], best symbol first. The head
    word is the entry's own word: the meaning shown as alt text."""
    topics: dict[str, str] = field(default_factory=dict)
    """Head word -> the topic file it comes from (for tests and ``pcpv symbols list``)."""
    problems: list[Problem] = field(default_factory=list)
    """Anything wrong in the files; the good entries still load."""


def _codes(value: object) -> list[str] | None:
    items = value if isinstance(value, list) else [value]
    codes = []
    for item in items:
        if isinstance(item, bool) or item is None:
            return None
        code = str(item).upper()
        if not _HEXCODE.match(code):
            return None
        codes.append(code)
    return codes or None


def load_vocabulary(folder: Path) -> Vocabulary:
    """Read every ``*.yaml`` topic file in ``folder``; collect problems instead of stopping."""
    import yaml  # only when the start-up cache is out of date

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    vocab = Vocabulary()
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            vocab.problems.append(Problem(path, f"The file could not be read: {exc}"))
            continue
        words = data.get("words") if isinstance(data, dict) else None
        if not isinstance(words, dict):
            vocab.problems.append(Problem(path, "The file needs a 'words:' list."))
            continue
        topic = str(data.get("topic", path.stem))
        for raw_word, spec in words.items():
            where = f"words.{raw_word}"
            if not isinstance(raw_word, str):
                vocab.problems.append(
                    Problem(
                        path,
                        f"'{raw_word}' is read as a yes/no or number: put it in quotes.",
                        where=where,
                    )
                )
                continue
            head = normalise(raw_word)
            codes = _codes(spec.get("symbol")) if isinstance(spec, dict) else None
            if codes is None:
                vocab.problems.append(
                    Problem(
                        path,
                        "Each word needs 'symbol:' with one or more OpenMoji codes.",
                        where=where,
                    )
                )
                continue
            also = spec.get("also") or []
            if not isinstance(also, list):
                vocab.problems.append(
                    Problem(path, "'also' should be a list of words.", where=where)
                )
                also = []
            if head in vocab.topics:
                vocab.problems.append(
                    Problem(path, f"'{head}' is already in {vocab.topics[head]}.", where=where)
                )
                continue
            vocab.topics[head] = topic
            for term in [head, *(normalise(str(a)) for a in also)]:
                if term in vocab.terms:
                    first_head = vocab.terms[term][0][1]
                    vocab.problems.append(
                        Problem(path, f"'{term}' is listed under '{first_head}' too.", where=where)
                    )
                    continue
                vocab.terms[term] = [(code, head) for code in codes]
    return vocab
