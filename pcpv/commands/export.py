"""``pcpv export --family``: a copy of the deck for family, holding only what the patient agreed to.

Passwords: ``--password`` asks for one twice (it needs a terminal); ``--generate-password`` makes
a readable one and shows it once; ``--password-file FILE`` reads it from the first line of a file
(for scripts and tests). pcpv never stores the password anywhere.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from pcpv.errors import UsageError

ORDER = 50


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export",
        help="make a copy for family with only the items the patient agreed to share",
        description="Makes a family copy: only consented items, no speaker notes, nothing hidden. "
        "pcpv checks the file after saving it and deletes it if anything is wrong.",
    )
    p.add_argument("folder", type=Path, help="the project folder")
    p.add_argument(
        "--family", action="store_true", help="make the family copy (the only kind so far)"
    )
    p.add_argument(
        "--for", dest="for_whom", default="", metavar="WHO", help='who it is for, e.g. "Mum"'
    )
    p.add_argument(
        "-o", "--output", type=Path, help="where to save it (default: the project folder)"
    )
    lock = p.add_mutually_exclusive_group()
    lock.add_argument(
        "--password", action="store_true", help="lock it with a password you type (asked twice)"
    )
    lock.add_argument(
        "--generate-password",
        action="store_true",
        help="lock it with a readable password pcpv makes and shows once",
    )
    lock.add_argument(
        "--password-file",
        type=Path,
        metavar="FILE",
        help="lock it with the password on the first line of FILE (for scripts)",
    )
    p.set_defaults(handler=cmd_export)


def _read_password(args: argparse.Namespace) -> tuple[str | None, bool]:
    """The password to use and whether pcpv made it."""
    from pcpv.family import generate_password

    if args.generate_password:
        return generate_password(), True
    if args.password_file is not None:
        try:
            text = args.password_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(
                f"pcpv cannot read the password file '{args.password_file}' ({exc})."
            ) from None
        lines = text.splitlines()
        password = lines[0] if lines else ""
        if not password:
            raise UsageError(f"The password file '{args.password_file}' is empty.")
        return password, False
    if args.password:
        if not sys.stdin.isatty():
            raise UsageError(
                "--password needs someone at the keyboard to type it.",
                hint="In a script, use --password-file FILE or --generate-password.",
            )
        first = getpass.getpass("Password for the family copy: ")
        second = getpass.getpass("Type it again: ")
        if first != second:
            raise UsageError("The two passwords are not the same. Nothing was made.")
        return first, False
    return None, False


def cmd_export(args: argparse.Namespace) -> int:
    if not args.family:
        raise UsageError(
            "Say which copy to make: pcpv export FOLDER --family",
            hint="The deck for the meeting itself is made with: pcpv build FOLDER",
        )
    # Imported here: the deck writer loads python-pptx, which other commands do not need.
    from pcpv.family import check_password, export_family
    from pcpv.project import Project

    password, generated = _read_password(args)
    if password is not None:
        check_password(password)
    with Project.open_for_writing(args.folder) as project:
        print(
            f"Making the family copy for {project.info.name}"
            + (f" to give {args.for_whom}." if args.for_whom else ".")
        )
        result = export_family(
            project, for_whom=args.for_whom, output=args.output, password=password
        )
    shown = [i for i in result.included if i.kind.value != "voice-and-face"]
    left = [i for i in result.left_out if i.kind.value != "voice-and-face"]
    print(f"It holds {len(shown)} item(s); {len(left)} stayed out:")
    for item in left:
        print(f"  out: {item.title}: {' '.join(item.reasons)}")
    print(
        f"Checked after saving: {result.slides} slides, no speaker notes, no hidden data, "
        "nothing without consent, no private words."
    )
    print(
        f"Saved {result.path} (fingerprint {result.sha256[:12]}) in {result.seconds:.1f} seconds."
    )
    if result.encrypted:
        print("It is locked with a password. pcpv does not keep the password.")
    if generated:
        print()
        print(f"The password is:  {password}")
        print("Write it down now: it is shown only this once. Give it to the family separately,")
        print("not in the same email or message as the file.")
    return 0
