"""``pcpv media add``: bring photos, sounds and videos into a project."""

from __future__ import annotations

import argparse
from pathlib import Path

from pcpv.project import Project

ORDER = 20


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("media", help="add photos, sounds or videos to a prompt")
    media_sub = p.add_subparsers(title="media commands", metavar="ACTION")
    add = media_sub.add_parser(
        "add", help="copy files into the project and attach them to a prompt"
    )
    add.add_argument("folder", type=Path, help="the project folder")
    add.add_argument("prompt", help="the prompt's id (see: pcpv status FOLDER)")
    add.add_argument("files", type=Path, nargs="+", help="photos, sounds or videos")
    add.add_argument("--caption", default="", help="what the picture or clip shows, in words")
    add.set_defaults(handler=cmd_media_add)
    p.set_defaults(handler=lambda args: p.print_help() or 2)


def cmd_media_add(args: argparse.Namespace) -> int:
    with Project.open_for_writing(args.folder) as project:
        project.prompt(args.prompt)  # a wrong prompt id fails before any file is copied
        for file in args.files:
            item = project.add_media(args.prompt, file, caption=args.caption)
            print(f"Added {file.name} as a {item.kind.value} ({item.file}).")
    return 0
