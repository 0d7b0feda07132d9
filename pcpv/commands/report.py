"""The ward report command: what patients said after their meetings, across many projects."""

from __future__ import annotations

import argparse
from pathlib import Path

ORDER = 80
DEFAULT_OUT = "ward-report"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help="a ward report over every project in a folder (HTML page and CSV files)",
        description="Reads every pcpv project under FOLDER and writes a report with charts. "
        "Projects are shown by a code, never by name; words only with --include-words and "
        "only from projects that allow it (pcpv meeting share-words FOLDER yes).",
    )
    p.add_argument("folder", type=Path, help="the folder that holds the patients' projects")
    p.add_argument(
        "--out",
        type=Path,
        help=f"where to write the report (default: {DEFAULT_OUT} inside FOLDER); keep using the "
        "same folder so each project keeps its code",
    )
    p.add_argument(
        "--by",
        choices=["month", "quarter"],
        default="quarter",
        help="group dates by (default: quarter)",
    )
    p.add_argument(
        "--salt",
        help="a secret of 16 characters or more that makes the projects' codes (default: one "
        "kept in the report folder)",
    )
    p.add_argument(
        "--include-words",
        action="store_true",
        help="quote feedback words and staff comments from projects that allow it",
    )
    p.set_defaults(handler=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    # Imported here: the report loads matplotlib, which other commands never need.
    from pcpv.report import Period, make_report
    from pcpv.report.pseudonym import SALT_FILE

    out = args.out or args.folder / DEFAULT_OUT
    result = make_report(
        args.folder,
        out,
        by=Period(args.by),
        salt=args.salt,
        include_words=args.include_words,
    )
    print(
        f"Read {result.projects} projects: {result.meetings} meetings, "
        f"{result.meetings_with_feedback} with the patient's feedback."
    )
    if args.include_words:
        print(f"Words are quoted from {result.words_included} projects that allow it.")
    for item in result.unreadable:
        print(f"Left out {item.folder} (shown as {item.project}): {item.detail}")
    print(f"The report is {result.files[0]} (with {len(result.files) - 1} CSV files beside it).")
    if args.salt is None:
        print(f"Share the page and the CSV files, never {SALT_FILE}: it keeps the codes secret.")
    return 1 if result.unreadable else 0
