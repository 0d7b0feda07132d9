"""``pcpv wizard``: the terminal app where a SALT and a patient make the deck together."""

from __future__ import annotations

import argparse
from pathlib import Path

ORDER = 5


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "wizard",
        help="make the deck together, question by question (the main way to use pcpv)",
        description="Open a project in the wizard. Without a folder: choose a recent project "
        "or make a new one. Press F1 on any screen for help.",
    )
    p.add_argument(
        "folder", type=Path, nargs="?", help="the project's folder (leave out to choose one)"
    )
    p.set_defaults(handler=cmd_wizard)


def cmd_wizard(args: argparse.Namespace) -> int:
    # Textual is only loaded here, so the other commands start fast and run without a terminal.
    from pcpv.ui.app import run_wizard

    return run_wizard(args.folder)
