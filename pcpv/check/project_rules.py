"""Checking a project's words before a build: staff and template words get the text rules, the
patient's own words at most a note, and every photo, sound and video needs a caption."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pcpv.check.findings import Finding, Report, Severity
from pcpv.check.plain_words import FILE_NAME, PlainWords, load_plain_words
from pcpv.check.text_rules import check_text
from pcpv.errors import PcpvError
from pcpv.model import Answer, MediaKind, PromptState, WordsBy


def check_answer(answer: Answer, *, where: str, words: PlainWords | None = None) -> list[Finding]:
    """Findings for one answer: its words, and its media captions (the wizard's live hints).

    Words and captions follow ``answer.words_by``: the patient's own get at most a note.
    Skipped answers are not shown on a slide and are not checked.
    """
    if answer.state is PromptState.SKIPPED:
        return []
    patient = answer.words_by is WordsBy.PATIENT
    found = check_text(answer.words, patient_words=patient, where=where, words=words)
    for item in answer.media:
        name = item.original_name or item.file
        if not item.caption.strip():
            is_clip = item.kind in (MediaKind.AUDIO, MediaKind.VIDEO)
            what = {"photo": "photo", "audio": "sound", "video": "video"}[item.kind.value]
            found.append(
                Finding(
                    "caption-missing",
                    Severity.ERROR if is_clip else Severity.WARNING,
                    f"The {what} '{name}' has no caption, so the slide cannot say what it is.",
                    f"Add a few words saying what the {what} "
                    f"{'is and who is speaking' if is_clip else 'shows'}.",
                    where=where,
                    excerpt=name,
                )
            )
        else:
            found += check_text(
                item.caption,
                patient_words=patient,
                where=f"{where}, caption of '{name}'",
                words=words,
            )
    return found


def check_project(root: Path | str) -> Report:
    """Check a project's words: question texts as rendered for this project, section titles and
    intros, choices, answers and captions. A project that cannot be opened gives a report with
    ``unreadable`` set (exit code 2)."""
    from pcpv.project import Project

    root = Path(root)
    report = Report(source=str(root))
    try:
        project = Project.open(root)
        questions = project.questions
        folder = project.info.questions.folder
        words = load_plain_words(root / folder / FILE_NAME if folder else None)
    except PcpvError as error:
        report.unreadable = f"{error.message}\n{error.hint}".strip()
        return report
    info = project.info
    seen: set[str] = set()
    for section in questions.sections:
        report.findings += check_text(
            section.title, patient_words=False, where=f"section '{section.id}': title", words=words
        )
        if section.intro:
            report.findings += _template_text(
                lambda s=section: questions.intro_text(s, info),
                f"section '{section.id}': introduction",
                words,
            )
        for prompt in section.prompts:
            seen.add(prompt.id)
            report.findings += _template_text(
                lambda p=prompt: questions.question_text(p, info), f"question '{prompt.id}'", words
            )
            for choice in prompt.choices:
                report.findings += check_text(
                    choice,
                    patient_words=False,
                    where=f"question '{prompt.id}': choice",
                    words=words,
                )
            answer = project.answers.get(prompt.id)
            if answer is not None:
                report.findings += check_answer(
                    answer, where=f"answer to '{prompt.id}'", words=words
                )
    for prompt_id, answer in project.answers.items():
        if prompt_id not in seen:
            report.findings += check_answer(answer, where=f"answer to '{prompt_id}'", words=words)
    return report


def _template_text(render: Callable[[], str], where: str, words: PlainWords) -> list[Finding]:
    try:
        text = render()
    except PcpvError as error:
        return [
            Finding(
                "project-unreadable",
                Severity.ERROR,
                f"The text of {where} could not be filled in: {error.message}",
                error.hint or "Fix the question set's text.",
                where=where,
            )
        ]
    return check_text(str(text), patient_words=False, where=where, words=words)
