"""Splitting a sentence into words and finding each word's base form, without any NLP download.

The lemmatiser is a handful of English suffix rules plus a table of irregular forms. It does not
try to be right on its own: ``base_forms`` returns every plausible base form, best guess first,
and the symbol index keeps the first one it actually knows ("walking" -> walk, "nurses" -> nurse,
"worried" -> worry, "went" -> go). That keeps it small, fast and predictable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")

SMALL_WORDS = frozenset(
    """
    a an the this that these those some any each every either neither such
    i me my mine myself you your yours yourself we us our ours ourselves they them their theirs
    he him his himself she her hers herself it its itself one ones
    i'm i've i'd i'll you're you've you'll we're we've they're they've he's she's it's that's
    there's what's let's
    am is are was were be been being have has had having do does did doing
    will would shall should can could may might must
    to of in on at by for with about from into onto over under up down out off
    through than then as so and or but nor if because while when where what which who whom whose
    how why there here also too very just really quite still even only ever again
    oh um er erm
    """.split()  # noqa: SIM905 - a block of words is easier to read and edit than a list
)
"""Words too small to carry a symbol of their own (articles, pronouns, helpers, joining words).

Negations ("not", "don't", "no") are *not* here: in easy read they carry meaning and get a symbol.
"""

_IRREGULAR = {
    "went": "go", "gone": "go", "goes": "go", "going": "go",
    "ate": "eat", "eaten": "eat",
    "drank": "drink", "drunk": "drink",
    "slept": "sleep", "felt": "feel", "kept": "keep", "left": "leave", "meant": "mean",
    "met": "meet", "paid": "pay", "said": "say", "says": "say", "sat": "sit", "saw": "see",
    "seen": "see", "spoke": "speak", "spoken": "speak", "stood": "stand", "took": "take",
    "taken": "take", "told": "tell", "thought": "think", "understood": "understand",
    "wrote": "write", "written": "write", "woke": "wake", "woken": "wake", "won": "win",
    "bought": "buy", "brought": "bring", "came": "come", "did": "do", "done": "do",
    "drew": "draw", "drawn": "draw", "drove": "drive", "driven": "drive", "fell": "fall",
    "found": "find", "forgot": "forget", "forgotten": "forget", "gave": "give", "given": "give",
    "got": "get", "gotten": "get", "grew": "grow", "had": "have", "has": "have", "heard": "hear",
    "held": "hold", "hurt": "hurt", "knew": "know", "known": "know", "lost": "lose",
    "made": "make", "ran": "run", "rang": "ring", "rode": "ride", "sang": "sing", "sung": "sing",
    "sent": "send", "shook": "shake", "showed": "show", "shown": "show", "sold": "sell",
    "spent": "spend", "swam": "swim", "taught": "teach", "threw": "throw", "wore": "wear",
    "worn": "wear", "children": "child", "people": "person", "men": "man", "women": "woman",
    "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose", "lives": "life",
    "knives": "knife", "wives": "wife", "better": "good", "best": "good", "worse": "bad",
    "worst": "bad", "mum's": "mum", "dad's": "dad", "was": "be", "were": "be", "am": "be",
    "is": "be", "are": "be", "been": "be", "leaves": "leave", "clothes": "clothes",
    "glasses": "glasses", "news": "news", "trousers": "trousers",
}  # fmt: skip
"""Forms no suffix rule can undo, and plurals that are words in their own right."""

_VOWELS = set("aeiou")


def tokens(text: str) -> list[Word]:
    """The words of ``text`` in order, with where each starts and ends (numbers count as words)."""
    return [Word(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]


@dataclass(frozen=True)
class Word:
    """One word of a sentence as written."""

    text: str
    """The word exactly as it appears."""
    start: int
    """Index of its first character in the sentence."""
    end: int
    """Index just past its last character."""

    @property
    def key(self) -> str:
        """Lower case, with a curly apostrophe made straight."""
        return normalise(self.text)


def normalise(text: str) -> str:
    """Lower case, straight apostrophes, hyphens and underscores as spaces, single spaces."""
    text = text.lower().replace("’", "'").replace("-", " ").replace("_", " ")
    return " ".join(text.split())


def is_small_word(word: str) -> bool:
    """True for words that get no symbol of their own (see ``SMALL_WORDS``)."""
    return normalise(word) in SMALL_WORDS


def base_forms(word: str) -> list[str]:
    """The word itself, then every plausible base form, best guess first; no duplicates.

    >>> base_forms("walking")[:2]
    ['walking', 'walk']
    """
    w = normalise(word)
    found = [w]

    def add(form: str) -> None:
        if len(form) >= 2 and form not in found:
            found.append(form)

    if w in _IRREGULAR:
        add(_IRREGULAR[w])
    if w.endswith("'s"):
        add(w[:-2])
        return found
    if w.endswith("ies") and len(w) > 4:
        add(w[:-3] + "y")
    if w.endswith("ves") and len(w) > 4:
        add(w[:-1])  # "leaves" -> "leave" before "leaf"
        add(w[:-3] + "f")
        add(w[:-3] + "fe")
    if w.endswith(("ches", "shes", "sses", "xes", "zzes", "oes")):
        add(w[:-2])
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        add(w[:-1])
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)]
            if suffix == "ed" and stem.endswith("i"):
                add(stem[:-1] + "y")  # worried -> worry
            doubled = len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS
            if doubled and stem[-1] not in "lsz":
                add(stem[:-1])  # stopping -> stop
            add(stem)
            add(stem + "e")  # hoping -> hope
            if len(stem) >= 2 and stem[-1] == stem[-2]:
                add(stem[:-1])  # calling -> call first, then cal
    if w.endswith("ier") and len(w) > 4:
        add(w[:-3] + "y")
    if w.endswith("iest") and len(w) > 5:
        add(w[:-4] + "y")
    for suffix in ("er", "est"):
        # Only the doubled-consonant comparatives: "bigger", "hottest". Plain "-er" words
        # (shower, dinner, letter) are usually words in their own right.
        if w.endswith(suffix):
            stem = w[: -len(suffix)]
            if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
                add(stem[:-1])
    if w.endswith("est") and len(w) > 5:
        add(w[:-3])
        add(w[:-2])
    if w.endswith("ily") and len(w) > 5:
        add(w[:-3] + "y")
    elif w.endswith("ly") and len(w) > 4:
        add(w[:-2])
    if w.endswith("ness") and len(w) > 6:
        stem = w[:-4]
        add(stem[:-1] + "y" if stem.endswith("i") else stem)
    return found
