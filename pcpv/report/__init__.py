"""The ward report: what patients said after their meetings, across a ward and over time.

``make_report(folder, out, by=Period.QUARTER, salt=None, include_words=False)`` reads every project
under ``folder`` (``gather``), counts (``counts``), draws charts as inline SVG (``charts``) and
writes ``report.html`` with CSV files beside it (``build``, ``tables``). Projects appear only by
pseudonymous ids (``pseudonym``); no names, file paths or words unless asked for and allowed.
"""

from __future__ import annotations

from pcpv.report.build import HTML_FILE, ReportResult, make_report
from pcpv.report.counts import Period

__all__ = ["HTML_FILE", "Period", "ReportResult", "make_report"]
