"""Easy-read rules for words: the ones staff and templates write, and notes on the patient's own.

Each rule is a small function over one text; ``check_text`` runs them all. The numbers (sentence
length, long words, big numbers) come from ``pcpv.deck.theme``; the word lists from
``plain-words.yaml``. The patient's own words are never corrected: they get at most one
information line, for the SALT, about words others at the meeting may not know.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from pcpv.check.findings import Finding, Severity
from pcpv.check.plain_words import PlainWords, load_plain_words
from pcpv.deck import theme

_ABBREVIATIONS = frozenset(
    {
        "dr",
        "mr",
        "mrs",
        "ms",
        "st",
        "e.g",
        "i.e",
        "etc",
        "no",
        "approx",
        "s",
        "vs",
        "jan",
        "feb",
        "aug",
        "sept",
        "oct",
        "nov",
        "dec",
    }
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)]*(?=\s)|\n+")
_WORD = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*")
_JOINERS = frozenset(
    {
        "because",
        "but",
        "although",
        "though",
        "whereas",
        "which",
        "unless",
        "while",
        "whilst",
        "however",
    }
)
_JOINER_BEFORE_SUBJECT = frozenset({"and", "or", "so", "then"})
_SUBJECTS = frozenset(
    {
        "i",
        "you",
        "we",
        "they",
        "he",
        "she",
        "it",
        "there",
        "this",
        "that",
        "staff",
        "people",
        "my",
        "your",
        "our",
        "their",
    }
)
_BE = r"(?:am|is|are|was|were|be|been|being|get|gets|got|getting|gotten|['’]m|['’]re)"
_ADVERBS = r"(?:not|n['’]t|never|always|often|also|usually|sometimes|still|just|only|really|already|being|be)"
_IRREGULAR = (
    "given|taken|written|seen|chosen|forgotten|broken|eaten|driven|shown|known|told|"
    "made|done|sent|kept|held|brought|bought|paid|found|left|heard|taught|caught|sold|"
    "built|hurt|spent|lost|meant|met|said|understood|put|let|set|shut|hit|read|won|"
    "beaten|drawn|grown|thrown|stolen|woken|hidden|bitten|shaken|spoken|sworn|torn|worn"
)
_PASSIVE = re.compile(
    rf"(?i)(?<![\w'’]){_BE}(?:\s+{_ADVERBS})*\s+((?:[a-z]+ed)|(?:{_IRREGULAR}))(?![\w'’])"
)
_NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
}
_BIG_WORDS = frozenset({"thousand", "thousands", "million", "millions", "billion", "billions"})
_PERCENT = re.compile(r"(?i)\d+(?:[.,]\d+)?\s*%|(?<![\w])per\s?cent(?:age)?s?(?![\w])")
_NUMBER = re.compile(r"(?<![\w.,])(?:£|\$|€)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w%])")
_CAPS = re.compile(r"(?<![\w])[A-Z][A-Z0-9]*[A-Z](?:s)?(?![\w])")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a text, with where it sits."""

    text: str
    start: int
    end: int

    def words(self) -> list[str]:
        return _WORD.findall(self.text)


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences: at ., ! and ? before a space, and at every new line.

    Short forms such as "Dr." and "e.g." do not end a sentence; neither does "s." in "s. 17".
    """
    found: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.group().startswith(".") and "\n" not in match.group():
            before = _WORD.findall(text[start : match.start()])
            if before and before[-1].lower() in _ABBREVIATIONS:
                continue
        _add_sentence(text, start, match.end(), found)
        start = match.end()
    _add_sentence(text, start, len(text), found)
    return found


def _add_sentence(text: str, start: int, end: int, found: list[Sentence]) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if _WORD.search(stripped):
        lead = len(piece) - len(piece.lstrip())
        found.append(Sentence(stripped, start + lead, start + lead + len(stripped)))


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# -- one function per rule ---------------------------------------------------------------------
def _long_sentences(sents: list[Sentence]) -> Iterator[Finding]:
    for s in sents:
        count = len(s.words())
        if count > theme.MAX_SENTENCE_WORDS:
            yield Finding(
                "sentence-long",
                Severity.WARNING,
                f"This sentence has {count} words; easy read keeps to "
                f"{theme.MAX_SENTENCE_WORDS} or fewer.",
                "Split it into two or more short sentences, one idea each.",
                excerpt=_short(s.text),
                span=(s.start, s.end),
            )


def _joiners(sentence: str) -> int:
    words = [w.lower() for w in _WORD.findall(sentence)]
    count = 0
    for i, word in enumerate(words[1:], start=1):
        if word in _JOINERS or (
            word in _JOINER_BEFORE_SUBJECT and i + 1 < len(words) and words[i + 1] in _SUBJECTS
        ):
            count += 1
    return count


def _many_ideas(sents: list[Sentence]) -> Iterator[Finding]:
    for s in sents:
        if ";" in s.text or _joiners(s.text) > theme.MAX_CLAUSE_JOINERS:
            yield Finding(
                "sentence-ideas",
                Severity.WARNING,
                "This sentence holds more than one idea (it joins several parts together).",
                "Give each idea its own sentence.",
                excerpt=_short(s.text),
                span=(s.start, s.end),
            )


def _passive(sents: list[Sentence], words: PlainWords) -> Iterator[Finding]:
    for s in sents:
        for match in _PASSIVE.finditer(s.text):
            verb = match.group(1).lower()
            if verb in words.not_passive or (verb.endswith("ed") and len(verb) <= 4):
                continue
            yield Finding(
                "passive",
                Severity.WARNING,
                f"'{match.group()}' is passive: it does not say who does it.",
                "Say who does what, like 'The doctor will tell you' instead of 'You will be told'.",
                excerpt=match.group(),
                span=(s.start + match.start(), s.start + match.end()),
            )
            break


def _jargon_hits(text: str, words: PlainWords) -> Iterator[tuple[re.Match[str], str]]:
    pattern = words.jargon_pattern
    if pattern is None:
        return
    for match in pattern.finditer(text):
        term = words.term_for(match.group())
        if term is not None:
            yield match, term.term


def _explained(term_name: str, words: PlainWords, context: str) -> bool:
    term = words.jargon[term_name]
    low = " ".join(context.lower().split())
    # A one-word alternative ("leave" for "s17") next to the jargon does not explain it.
    options = [term.means, *(p for p in term.plain if len(p.split()) > 1)]
    return any(o and o.lower() in low for o in options)


def _jargon(text: str, words: PlainWords, context: str) -> Iterator[Finding]:
    seen: set[str] = set()
    for match, name in _jargon_hits(text, words):
        if name in seen or _explained(name, words, context):
            continue
        seen.add(name)
        term = words.jargon[name]
        means = f" ({term.means})" if term.means else ""
        plain = " or ".join(f"'{p}'" for p in term.plain[:2])
        yield Finding(
            "jargon",
            Severity.WARNING,
            f"'{match.group()}'{means} is jargon that many people do not know.",
            f"Say {plain} instead, or explain it in the next sentence."
            if plain
            else "Explain it in plain words in the next sentence.",
            excerpt=match.group(),
            span=match.span(),
        )


def _hard_words(text: str, words: PlainWords) -> Iterator[Finding]:
    pattern = words.hard_pattern
    if pattern is None:
        return
    seen: set[str] = set()
    for match in pattern.finditer(text):
        plain = words.plain_for(match.group())
        key = match.group().lower()
        if plain is None or key in seen:
            continue
        seen.add(key)
        yield Finding(
            "hard-word",
            Severity.WARNING,
            f"'{match.group()}' is a hard word.",
            f"Use '{plain}' instead.",
            excerpt=match.group(),
            span=match.span(),
        )


def _covered_spans(text: str, words: PlainWords) -> list[tuple[int, int]]:
    spans = [m.span() for m, _ in _jargon_hits(text, words)]
    if words.hard_pattern is not None:
        spans += [m.span() for m in words.hard_pattern.finditer(text)]
    return spans


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


def _long_words(text: str, words: PlainWords, covered: list[tuple[int, int]]) -> Iterator[Finding]:
    seen: set[str] = set()
    for match in _WORD.finditer(text):
        word = match.group()
        letters = sum(c.isalpha() for c in word)
        low = word.lower()
        if (
            letters <= theme.LONG_WORD_LETTERS
            or low in words.everyday_long_words
            or low in seen
            or _inside(match.span(), covered)
            or "-" in word
        ):
            continue
        seen.add(low)
        yield Finding(
            "long-word",
            Severity.INFO,
            f"'{word}' is a long word ({letters} letters).",
            "If there is a shorter everyday word, use it; if not, add a picture.",
            excerpt=word,
            span=match.span(),
        )


def _capitals(text: str, words: PlainWords, covered: list[tuple[int, int]]) -> Iterator[Finding]:
    caps = list(_CAPS.finditer(text))
    i = 0
    while i < len(caps):
        run = [caps[i]]
        # Words in capitals next to each other ("I AM HAPPY") are shouting, even known ones.
        while i + 1 < len(caps) and not text[run[-1].end() : caps[i + 1].start()].strip(" ,"):
            i += 1
            run.append(caps[i])
        i += 1
        unknown = [
            m for m in run if m.group() not in words.capitals_ok and not _inside(m.span(), covered)
        ]
        if not unknown:
            continue
        first, last = (run[0], run[-1]) if len(run) > 1 else (unknown[0], unknown[0])
        phrase = text[first.start() : last.end()]
        if len(run) > 1 or len(first.group().rstrip("s")) > 5:
            yield Finding(
                "capitals",
                Severity.WARNING,
                f"'{_short(phrase, 40)}' is written in capital letters, which are harder to read.",
                "Write it in small letters; use bold if it needs to stand out.",
                excerpt=phrase,
                span=(first.start(), last.end()),
            )
        else:
            yield Finding(
                "acronym",
                Severity.WARNING,
                f"'{phrase}' looks like short letters (an acronym) that not everyone knows.",
                "Write the words in full, or explain them in the next sentence.",
                excerpt=phrase,
                span=(first.start(), last.end()),
            )


def _numbers(text: str) -> Iterator[Finding]:
    for match in _WORD.finditer(text):
        low = match.group().lower()
        parts = low.split("-")
        if low in _BIG_WORDS:
            yield Finding(
                "big-number",
                Severity.WARNING,
                f"'{match.group()}' is a big number, which is hard to picture.",
                "Say 'a lot' or 'many', or compare it with something the reader knows.",
                excerpt=match.group(),
                span=match.span(),
            )
        elif all(p in _NUMBER_WORDS for p in parts):
            digits = sum(_NUMBER_WORDS[p] for p in parts)
            yield Finding(
                "number-words",
                Severity.WARNING,
                f"'{match.group()}' is a number written as a word.",
                f"Write numbers as digits: {digits}.",
                excerpt=match.group(),
                span=match.span(),
            )
    for match in _PERCENT.finditer(text):
        yield Finding(
            "percentage",
            Severity.WARNING,
            f"'{match.group()}' is a percentage; many readers find these hard.",
            "Say 'half', 'most', 'some' or '1 in 4' instead.",
            excerpt=match.group(),
            span=match.span(),
        )
    for match in _NUMBER.finditer(text):
        digits = match.group(1)
        value = int(digits.replace(",", ""))
        after = text[match.end() : match.end() + 2]
        is_year = "," not in digits and 1900 <= value <= 2099
        # Part of a phone number or reference such as "01234 567890".
        before = text[max(0, match.start() - 2) : match.start()]
        if before[-1:] == " " and before[:1].isdigit():
            continue
        if (
            value < theme.BIG_NUMBER
            or is_year
            or digits.startswith("0")
            or after.strip().startswith("%")
        ):
            continue
        yield Finding(
            "big-number",
            Severity.WARNING,
            f"'{match.group()}' is a big number, which is hard to picture.",
            "Round it and compare it with something the reader knows, or say 'a lot'.",
            excerpt=match.group(),
            span=match.span(),
        )


def _patient_note(text: str, words: PlainWords, where: str) -> list[Finding]:
    covered = _covered_spans(text, words)
    hard = sorted({m.group() for m, _ in _jargon_hits(text, words)})
    hard += sorted({f.excerpt for f in _capitals(text, words, covered) if f.rule == "acronym"})
    if not hard:
        return []
    listed = ", ".join(f"'{h}'" for h in hard[:5])
    return [
        Finding(
            "patient-words",
            Severity.INFO,
            f"These are the person's own words and stay as they said them. They use {listed}, "
            "which some people at the meeting may not know.",
            "Nothing to change. If it helps, explain these when the slide is shown or in the "
            "speaker notes.",
            where=where,
            excerpt=_short(text),
        )
    ]


def check_text(
    text: str,
    *,
    patient_words: bool,
    where: str = "",
    words: PlainWords | None = None,
    context: str = "",
) -> list[Finding]:
    """Easy-read findings for ``text``, each carrying ``where`` and the span it is about.

    ``patient_words``: the text is the patient's own; it gets at most one information line and
    never a suggestion to change it. ``words``: the word lists (default: the shipped list).
    ``context``: nearby text (e.g. the rest of the slide) in which jargon may already be explained.
    """
    if not text or not text.strip():
        return []
    words = words or load_plain_words()
    if patient_words:
        return _patient_note(text, words, where)
    sents = sentences(text)
    covered = _covered_spans(text, words)
    found: list[Finding] = [
        *_long_sentences(sents),
        *_many_ideas(sents),
        *_passive(sents, words),
        *_jargon(text, words, f"{text}\n{context}"),
        *_hard_words(text, words),
        *_long_words(text, words, covered),
        *_capitals(text, words, covered),
        *_numbers(text),
    ]
    found.sort(key=lambda f: f.span[0] if f.span else 0)
    return [_with_where(f, where) for f in found]


def _with_where(finding: Finding, where: str) -> Finding:
    if not where:
        return finding
    return replace(finding, where=where)
