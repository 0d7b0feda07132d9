"""Making a ward report: read every project, count, draw, then write HTML and CSV.

Everything is gathered and counted before anything is written, and each file is written
atomically, so a failed report leaves the previous one whole.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from pcpv.errors import PcpvError
from pcpv.feedback import FACE_QUESTIONS, FeedbackForm, load_feedback_form
from pcpv.report import charts
from pcpv.report.charts import Series
from pcpv.report.counts import (
    TOOK_PART_VALUES,
    USEFUL_VALUES,
    WHO_VALUES,
    Period,
    WardCounts,
    count_ward,
)
from pcpv.report.gather import Unreadable, Ward, read_ward
from pcpv.report.pseudonym import Pseudonyms, check_salt, load_or_make_salt
from pcpv.report.tables import (
    FACE_ORDER,
    KIND_WORDS,
    STATE_WORDS,
    Table,
    face_counts_csv,
    face_table,
    kind_table,
    meetings_table,
    roles_table,
    sections_table,
    staff_rows_table,
    staff_table,
    staff_words,
    unreadable_table,
    value_words,
    who_table,
    words_table,
)
from pcpv.resources import templates_dir
from pcpv.safe_io import atomic_write_text, make_private_dir

HTML_FILE = "report.html"
TEMPLATE = "report.html.j2"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class ReportResult:
    """What a report run made."""

    folder: Path
    """The report folder."""
    files: list[Path] = field(default_factory=list)
    """Every file written, the HTML page first."""
    projects: int = 0
    meetings: int = 0
    meetings_with_feedback: int = 0
    unreadable: list[Unreadable] = field(default_factory=list)
    words_included: int = 0
    """Projects whose words are quoted (with --include-words and the project's leave)."""


def _csv_text(table: Table) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.ids)
    for row in table.rows:
        # A cell starting with = + - @ would run as a formula in a spreadsheet: quote it as text.
        writer.writerow(
            ["'" + c if isinstance(c, str) and c.startswith(_FORMULA_START) else c for c in row]
        )
    return buffer.getvalue()


def _face_series(tally_by_category: list[Counter[str]], words: dict[str, str]) -> list[Series]:
    return [
        Series(value, words[value], [tally[value] for tally in tally_by_category])
        for value in FACE_ORDER
    ]


def _percent(part: object, whole: object) -> float:
    return 100 * int(part) / int(whole) if int(whole) else 0.0  # type: ignore[call-overload]


def _charts(counts: WardCounts, form: FeedbackForm) -> dict[str, Any]:
    words = value_words(form)
    questions = {q.id: q.question for q in form.questions}
    made: dict[str, Any] = {"faces": {}}
    if counts.meetings_with_feedback:
        for question in FACE_QUESTIONS:
            per = [counts.faces[question].get(p, Counter()) for p in counts.periods]
            made["faces"][question] = charts.stacked_bars(
                questions[question], counts.periods, _face_series(per, words)
            )
        kinds = [k for k in KIND_WORDS if any(k in counts.faces_by_kind[q] for q in FACE_QUESTIONS)]
        categories, tallies = [], []
        for kind in kinds:
            for question in FACE_QUESTIONS:
                categories.append(f"{kind.value.upper()}: {questions[question]}")
                tallies.append(counts.faces_by_kind[question].get(kind, Counter()))
        made["kinds"] = charts.stacked_bars(
            "Answers by meeting kind", categories, _face_series(tallies, words), horizontal=True
        )
        per = [counts.who.get(p, Counter()) for p in counts.periods]
        made["who"] = charts.stacked_bars(
            questions["who-presented"],
            counts.periods,
            [Series(v, words[v], [t[v] for t in per]) for v in WHO_VALUES],
        )
    if counts.sections:
        table = sections_table(counts)
        titles = [str(row[0]) for row in table.rows]
        made["sections"] = charts.stacked_bars(
            "Share of each section's prompts skipped or put off",
            titles,
            [
                Series("skipped", "Skipped", [_percent(row[1], row[5]) for row in table.rows]),
                Series("not-today", "Not today", [_percent(row[2], row[5]) for row in table.rows]),
            ],
            horizontal=True,
            axis_label="Percent of the section's prompts",
        )
    if counts.staff_responses:
        sw = staff_words(form)
        per_useful = [counts.useful.get(p, Counter()) for p in counts.periods]
        made["useful"] = charts.stacked_bars(
            form.useful.question,
            counts.periods,
            [Series(v, sw[v], [t[v] for t in per_useful]) for v in USEFUL_VALUES],
            axis_label="How many responses",
        )
        per_took = [counts.took_part.get(p, Counter()) for p in counts.periods]
        made["took_part"] = charts.stacked_bars(
            form.took_part.question,
            counts.periods,
            [Series(v, sw["took-part:" + v], [t[v] for t in per_took]) for v in TOOK_PART_VALUES],
            axis_label="How many responses",
        )
    return made


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir() / "feedback")),
        autoescape=True,  # the page quotes words people typed: everything is escaped
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(
    ward: Ward, counts: WardCounts, form: FeedbackForm, *, include_words: bool, today: dt.date
) -> str:
    """The report page as text (one self-contained HTML file)."""
    share = counts.presented_share
    context = {
        "today": today.isoformat(),
        "by": counts.by.value,
        "counts": counts,
        "questions": [q for q in form.questions if q.id in FACE_QUESTIONS],
        "question_words": {q.id: q.question for q in form.questions},
        "face_tables": {q: face_table(counts, q, form) for q in FACE_QUESTIONS},
        "kind_table": kind_table(counts, form, for_people=True),
        "kind_words": {k.value: v for k, v in KIND_WORDS.items()},
        "who_table": who_table(counts, form),
        "presented_percent": round(share * 100) if share is not None else None,
        "sections_table": sections_table(counts),
        "state_words": STATE_WORDS,
        "staff_table": staff_table(counts, form),
        "staff_questions": {"useful": form.useful.question, "took_part": form.took_part.question},
        "roles_table": roles_table(counts, form),
        "words_table": words_table(ward.meetings, form) if include_words else None,
        "words_projects": ward.words_allowed,
        "unreadable_table": unreadable_table(ward.unreadable),
        "charts": _charts(counts, form),
    }
    try:
        return _environment().get_template(TEMPLATE).render(**context)
    except jinja2.TemplateError as exc:
        raise PcpvError(
            f"The report's page template could not be filled in: {exc}.",
            hint="Reinstall pcpv; the file templates/feedback/report.html.j2 may be damaged.",
        ) from None


def make_report(
    folder: Path,
    out: Path,
    *,
    by: Period = Period.QUARTER,
    salt: str | None = None,
    include_words: bool = False,
    today: dt.date | None = None,
) -> ReportResult:
    """Read every project under ``folder`` and write the ward report into ``out``."""
    if not folder.is_dir():
        raise PcpvError(
            f"There is no folder called '{folder}'.",
            hint="Give the folder that holds the patients' project folders.",
        )
    form = load_feedback_form()
    ids = Pseudonyms(check_salt(salt) if salt is not None else load_or_make_salt(out))
    ward = read_ward(folder, ids, include_words=include_words, skip=out)
    if not ward.meetings and not ward.unreadable:
        raise PcpvError(
            f"There are no pcpv projects in '{folder}'.",
            hint="Give the folder that holds the patients' project folders.",
        )
    counts = count_ward(ward.meetings, by, ward.projects)
    html = render_html(
        ward, counts, form, include_words=include_words, today=today or dt.date.today()
    )
    tables = {
        "meetings.csv": meetings_table(ward.meetings),
        "feedback-counts.csv": face_counts_csv(counts),
        "feedback-by-kind.csv": kind_table(counts, form),
        "who-presented.csv": who_table(counts, form),
        "prompts-by-section.csv": sections_table(counts),
        "staff-responses.csv": staff_rows_table(ward.meetings, with_comments=include_words),
        "staff-by-role.csv": roles_table(counts, form),
        "unreadable.csv": unreadable_table(ward.unreadable),
    }
    if include_words:
        tables["words.csv"] = words_table(ward.meetings, form)
    make_private_dir(out)
    result = ReportResult(
        folder=out,
        projects=ward.projects,
        meetings=counts.meetings,
        meetings_with_feedback=counts.meetings_with_feedback,
        unreadable=ward.unreadable,
        words_included=ward.words_allowed,
    )
    atomic_write_text(out / HTML_FILE, html)
    result.files.append(out / HTML_FILE)
    for name, table in tables.items():
        atomic_write_text(out / name, _csv_text(table))
        result.files.append(out / name)
    if not include_words and (out / "words.csv").exists():
        (out / "words.csv").unlink()  # an older report's words must not outlive this one
    return result
