"""The checker: easy-read and accessibility rules for any deck and for a project's words.

Public API (the builder, the wizard and ``pcpv check`` all use these, so they never disagree):

* ``check_deck(path) -> Report``: any .pptx (also .potx/.ppsx/.pptm, Strict OOXML), ours or not.
  Never raises for a bad file: an unreadable one gives ``Report.unreadable`` and exit code 2.
* ``check_text(text, *, patient_words, where) -> list[Finding]``: words written by staff or
  templates get the text rules; the patient's own words get at most one information line.
* ``check_answer(answer, *, where) -> list[Finding]``: one answer's words and media captions.
* ``check_project(root) -> Report``: every question (as rendered for this project), section
  title, choice, answer and caption of a project folder.

Every rule has an id, listed with its usual severity in ``RULES`` (``pcpv check --rules``):

Deck rules: part-unreadable, alt-missing, alt-file-name, alt-generated, media-no-words, video-captions,
text-over-picture, title-missing, title-duplicate, reading-order, text-too-small, contrast-low,
contrast-below-target, italic, underline, capitals, too-many-ideas, auto-advance,
language-missing, person-in-properties, doc-title-missing, table-header, table-merged,
link-text, section-name. Text rules (also run on a deck's words): sentence-long, sentence-ideas,
hard-word, long-word, jargon, acronym, capitals, passive, number-words, percentage, big-number,
patient-words. Project rules: caption-missing, project-unreadable.

Every number (sizes, contrast, sentence length, ideas per slide) comes from ``pcpv.deck.theme``;
jargon and plain words from ``templates/check/plain-words.yaml``. No python-pptx here: decks are
read part by part with a hardened XML parser (see ``package.py``).
"""

from pcpv.check.deck_rules import check_deck
from pcpv.check.findings import RULES, Finding, Report, Rule, Severity
from pcpv.check.plain_words import PlainWords, load_plain_words
from pcpv.check.project_rules import check_answer, check_project
from pcpv.check.text_rules import check_text

__all__ = [
    "RULES",
    "Finding",
    "PlainWords",
    "Report",
    "Rule",
    "Severity",
    "check_answer",
    "check_deck",
    "check_project",
    "check_text",
    "load_plain_words",
]
