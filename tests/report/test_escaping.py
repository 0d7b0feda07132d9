"""Words people typed are shown safely: escaped in the page, never a formula in a spreadsheet."""

from __future__ import annotations

import csv
from pathlib import Path

from pcpv.feedback import StaffResponse, TookPart, Useful
from pcpv.meetings import MeetingBook
from pcpv.model import WordsBy
from pcpv.project import Project
from pcpv.report import make_report

from .conftest import SALT

SCRIPT = "<script>alert('hi')</script> & more"
FORMULA = '=HYPERLINK("http://example.invalid","click")'


def test_words_are_escaped_in_html_and_defused_in_csv(project_dir: Path, tmp_path: Path) -> None:
    with Project.open_for_writing(project_dir) as project:
        book = MeetingBook.open(project)
        book.set_share_words(True)
        book.set_patient_answer("change-next-time", words=SCRIPT, words_by=WordsBy.PATIENT)
        book.add_staff_response(StaffResponse("nurse", Useful.YES, TookPart.MORE, FORMULA))
    result = make_report(project_dir.parent, tmp_path / "out", salt=SALT, include_words=True)
    html = (result.folder / "report.html").read_text()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;hi&#39;)&lt;/script&gt; &amp; more" in html
    assert 'href="http://example.invalid"' not in html
    with (result.folder / "words.csv").open(newline="") as handle:
        words = {r["words"] for r in csv.DictReader(handle)}
    assert words == {SCRIPT, "'" + FORMULA}
    with (result.folder / "staff-responses.csv").open(newline="") as handle:
        [staff] = list(csv.DictReader(handle))
    assert staff["comment"] == "'" + FORMULA
