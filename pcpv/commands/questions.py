"""``pcpv questions``: list the shipped question sets, or check a service's own set."""

from __future__ import annotations

import argparse
from pathlib import Path

from pcpv.questions import describe_sets, load_question_set

ORDER = 30


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("questions", help="list question sets, or check your own")
    q_sub = p.add_subparsers(title="questions commands", metavar="ACTION")
    ls = q_sub.add_parser("list", help="the question sets that come with pcpv")
    ls.set_defaults(handler=cmd_list)
    check = q_sub.add_parser("check", help="check a question set folder and list every problem")
    check.add_argument("folder", type=Path)
    check.set_defaults(handler=cmd_check)
    p.set_defaults(handler=cmd_list)


def cmd_list(args: argparse.Namespace) -> int:
    for row in describe_sets():
        print(f"{row['id']}: {row['title']} (version {row['version']}, {row['prompts']} prompts)")
        if row["description"]:
            print(f"    {row['description']}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    qs = load_question_set(args.folder)
    count = sum(1 for _ in qs.prompts())
    print(
        f"The question set '{qs.id}' (version {qs.version}) is fine: "
        f"{len(qs.sections)} sections, {count} prompts."
    )
    return 0
