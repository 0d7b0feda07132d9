"""What the checker reports: findings, the rule table and the report for one deck or project."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    """How much a finding matters. Only errors make ``pcpv check`` exit with 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Rule:
    """One thing the checker looks for."""

    id: str
    """Stable id, printed with every finding and used by tools (e.g. ``alt-missing``)."""
    severity: Severity
    """The usual severity; a few rules report a milder one in some cases (said in ``about``)."""
    scope: str
    """``deck`` for rules on a .pptx, ``text`` for rules on words, ``project`` for project files."""
    about: str
    """What the rule looks for, in one plain sentence."""


@dataclass(frozen=True)
class Finding:
    """One problem (or note) found, with where it is and how to fix it."""

    rule: str
    """The rule's id, one of ``RULES``."""
    severity: Severity
    message: str
    """A plain sentence saying what is wrong."""
    fix: str = ""
    """A plain sentence saying what to do about it (empty for notes that need nothing)."""
    slide: int | None = None
    """1-based slide number, for deck findings tied to a slide."""
    shape: str = ""
    """The shape's name as PowerPoint's Selection pane shows it, e.g. ``Picture 3``."""
    shape_id: int | None = None
    """The shape's id (``p:cNvPr/@id``); not unique in decks made by some tools."""
    where: str = ""
    """For text and project findings: which answer, question or file the words come from."""
    excerpt: str = ""
    """The words the finding is about, e.g. the long word or the sentence."""
    span: tuple[int, int] | None = None
    """Start and end offsets of ``excerpt`` in the checked text (for live highlighting)."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary (``severity`` as its string value)."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "fix": self.fix,
            "slide": self.slide,
            "shape": self.shape,
            "shape_id": self.shape_id,
            "where": self.where,
            "excerpt": self.excerpt,
            "span": list(self.span) if self.span else None,
        }


EXIT_CLEAN = 0
EXIT_ERRORS = 1
EXIT_UNREADABLE = 2


@dataclass
class Report:
    """Everything found in one deck or project."""

    source: str
    """The file or folder that was checked, as given."""
    findings: list[Finding] = field(default_factory=list)
    unreadable: str = ""
    """Why the file could not be checked at all (not a deck, password, damaged...); empty if it was."""
    slides: int = 0
    """How many slides were checked (decks only)."""

    @property
    def exit_code(self) -> int:
        """0 when there are no errors, 1 when there are, 2 when the file could not be read."""
        if self.unreadable:
            return EXIT_UNREADABLE
        if any(f.severity is Severity.ERROR for f in self.findings):
            return EXIT_ERRORS
        return EXIT_CLEAN

    def count(self, severity: Severity) -> int:
        """How many findings have ``severity``."""
        return sum(1 for f in self.findings if f.severity is severity)

    def rules_found(self) -> set[str]:
        """The ids of the rules that found something."""
        return {f.rule for f in self.findings}

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary of the whole report."""
        return {
            "source": self.source,
            "unreadable": self.unreadable or None,
            "slides": self.slides,
            "exit_code": self.exit_code,
            "counts": {s.value: self.count(s) for s in Severity},
            "findings": [f.to_dict() for f in self.findings],
        }


def _rules(*rows: tuple[str, Severity, str, str]) -> dict[str, Rule]:
    return {rid: Rule(rid, sev, scope, about) for rid, sev, scope, about in rows}


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

RULES: dict[str, Rule] = _rules(
    # -- reading the file ------------------------------------------------------------------------
    (
        "part-unreadable",
        _E,
        "deck",
        "A part of the deck (a slide, layout, theme...) could not be read.",
    ),
    # -- pictures, media and other objects -------------------------------------------------------
    (
        "alt-missing",
        _E,
        "deck",
        "A picture, chart, diagram or object has no alt text (a warning for shapes and groups).",
    ),
    ("alt-file-name", _E, "deck", "The alt text is a file name, like 'image1.jpg'."),
    ("alt-generated", _W, "deck", "The alt text was written by a computer and never checked."),
    ("media-no-words", _E, "deck", "A sound or video has no words saying what it is."),
    ("video-captions", _I, "deck", "A video has no captions file with it."),
    ("text-over-picture", _W, "deck", "Words are placed on top of a picture."),
    # -- titles and order ------------------------------------------------------------------------
    ("title-missing", _E, "deck", "A slide has no title."),
    ("title-duplicate", _W, "deck", "A slide has the same title as another slide."),
    ("reading-order", _W, "deck", "A screen reader would not read the title first."),
    # -- text look -------------------------------------------------------------------------------
    (
        "text-too-small",
        _E,
        "deck",
        "Text is smaller than the easy-read minimum (a warning for titles between body and title size).",
    ),
    ("contrast-low", _E, "deck", "Text and its background have a contrast under WCAG AA."),
    ("contrast-below-target", _W, "deck", "Text contrast passes AA but is under pcpv's target."),
    ("italic", _W, "deck", "Text is in italics."),
    ("underline", _W, "deck", "Text is underlined."),
    ("capitals", _W, "deck", "Whole words are in capitals (typed, or set to show so)."),
    ("too-many-ideas", _W, "deck", "A slide has more points or lines than the easy-read limit."),
    # -- behaviour and metadata ------------------------------------------------------------------
    ("auto-advance", _W, "deck", "A slide moves on by itself after a time."),
    ("language-missing", _W, "deck", "Text has no language set, so screen readers may misread it."),
    ("person-in-properties", _W, "deck", "The document properties carry a person's name."),
    ("doc-title-missing", _I, "deck", "The document has no title in its properties."),
    ("table-header", _E, "deck", "A table has no header row."),
    ("table-merged", _W, "deck", "A table has merged or split cells."),
    (
        "link-text",
        _W,
        "deck",
        "A link's words do not say where it goes ('click here', a bare web address).",
    ),
    (
        "section-name",
        _W,
        "deck",
        "A section still has PowerPoint's default name, or repeats another.",
    ),
    # -- words (staff and template text, and deck text) ------------------------------------------
    ("sentence-long", _W, "text", "A sentence has more words than the easy-read limit."),
    ("sentence-ideas", _W, "text", "A sentence holds more than one idea."),
    ("hard-word", _W, "text", "A word has a plainer everyday alternative."),
    ("long-word", _I, "text", "A long word that may be hard to read."),
    (
        "jargon",
        _W,
        "text",
        "Jargon or an acronym (CPA, MDT, s17...) with no plain explanation nearby.",
    ),
    ("acronym", _W, "text", "Letters in capitals that may be an acronym nobody explained."),
    ("passive", _W, "text", "A sentence in the passive voice ('you will be given')."),
    ("number-words", _W, "text", "A number written as a word ('three') instead of digits."),
    ("percentage", _W, "text", "A percentage, which many readers find hard."),
    ("big-number", _W, "text", "A big number, which many readers find hard."),
    (
        "patient-words",
        _I,
        "text",
        "Notes on the patient's own words. They are never corrected, only explained if needed.",
    ),
    # -- projects --------------------------------------------------------------------------------
    (
        "caption-missing",
        _W,
        "project",
        "A photo, sound or video in an answer has no caption (an error for sound and video).",
    ),
    ("project-unreadable", _E, "project", "Part of the project could not be checked."),
)
