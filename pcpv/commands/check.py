"""``pcpv check FILE.pptx|FOLDER``: easy-read and accessibility checks for a deck or a project."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

ORDER = 40


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="check a deck (any .pptx) or a project's words for easy read and accessibility",
        description="Check a .pptx deck (anyone's) or a project folder's words. Exit code: 0 "
        "no errors, 1 errors found, 2 the file or folder could not be read.",
    )
    p.add_argument("path", type=Path, nargs="?", help="a .pptx file or a project folder")
    p.add_argument("--json", action="store_true", help="print the findings as JSON for tools")
    p.add_argument("--rules", action="store_true", help="list every rule the checker has")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Imported here so other commands start without lxml and the word lists.
    from pcpv.check import check_deck, check_project
    from pcpv.check.output import format_rules, format_table
    from pcpv.errors import UsageError

    if args.rules:
        print(format_rules())
        return 0
    if args.path is None:
        raise UsageError(
            "Say what to check: a .pptx file or a project folder.",
            hint="For example: pcpv check deck.pptx",
        )
    path: Path = args.path
    if path.name == "project.yaml" and path.is_file():
        path = path.parent  # "pcpv check sam/project.yaml" means the project
    report = check_project(path) if path.is_dir() else check_deck(path)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    elif report.unreadable:
        print(f"pcpv: {path} could not be checked.\n{report.unreadable}", file=sys.stderr)
    else:
        print(format_table(report, width=shutil.get_terminal_size((100, 24)).columns))
    return report.exit_code
