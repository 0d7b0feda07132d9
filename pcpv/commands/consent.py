"""``pcpv consent``: record what may go into the family copy, change it, withdraw it, see it."""

from __future__ import annotations

import argparse
from pathlib import Path

from pcpv.consent import (
    DECISION_WORDS,
    FLAG_QUESTIONS,
    FLAG_WORDS,
    HOW_WORDS,
    ConsentBook,
    ConsentItem,
    Decision,
    GivenBy,
    How,
    PhotoFlag,
    consent_items,
    family_summary,
    find_item,
)
from pcpv.errors import UsageError
from pcpv.project import Project
from pcpv.questions import format_date

ORDER = 45

_DECISIONS = {
    "yes": Decision.FAMILY,
    "no": Decision.MEETING_ONLY,
    "not-sure": Decision.NOT_SURE,
    "withdraw": Decision.MEETING_ONLY,
}
_FLAG_OPTIONS = {
    PhotoFlag.OTHER_PEOPLE: "--other-people",
    PhotoFlag.STAFF: "--staff",
    PhotoFlag.SECURITY: "--security",
    PhotoFlag.PLACE_NAME: "--place-name",
}


def _yes_no(text: str) -> bool:
    if text.lower() in ("yes", "y", "true"):
        return True
    if text.lower() in ("no", "n", "false"):
        return False
    raise argparse.ArgumentTypeError(f"'{text}' should be yes or no")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "consent",
        help="what may go into a copy for family: record, change, withdraw, list",
        description="Sharing a copy with family needs the patient's consent for each item. "
        "Until it is recorded, everything is for the meeting only.",
    )
    p.add_argument("folder", type=Path, help="the project folder")
    actions = p.add_subparsers(title="actions", metavar="ACTION", required=True)

    a = actions.add_parser("list", help="every item, numbered, and whether family will see it")
    a.set_defaults(handler=cmd_list)

    a = actions.add_parser("summary", help="what the family copy would hold now")
    a.set_defaults(handler=cmd_summary)

    a = actions.add_parser("show", help="one item in full, with every decision ever recorded")
    a.add_argument("item", help="the item's number (see: list) or name")
    a.set_defaults(handler=cmd_show)

    for name, text in (
        ("yes", "record yes: family copy too"),
        ("no", "record no: meeting only"),
        ("not-sure", "record not sure (meeting only for now; ask again)"),
        ("withdraw", "withdraw consent given earlier (meeting only from now on)"),
    ):
        a = actions.add_parser(name, help=text)
        a.add_argument("items", nargs="+", metavar="ITEM", help="numbers (see: list) or names")
        a.add_argument(
            "--how",
            required=True,
            choices=[h.value for h in How],
            help="how the answer was given",
        )
        a.add_argument(
            "--recorded-by", required=True, help='who is recording it, e.g. "Jo Smith, SALT"'
        )
        a.add_argument(
            "--best-interest",
            metavar="ROLE",
            help="a best-interest decision, made by this role (e.g. 'consultant psychiatrist')",
        )
        a.add_argument("--note", default="", help="anything else worth keeping with it")
        a.set_defaults(handler=cmd_decide, decision=name)

    a = actions.add_parser(
        "checks", help="record the photo checks for a photo or video, and whether it is the patient"
    )
    a.add_argument("item", help="the item's number (see: list) or name")
    for flag, option in _FLAG_OPTIONS.items():
        a.add_argument(option, action="store_true", help=FLAG_QUESTIONS[flag] + " (yes)")
    a.add_argument("--none", action="store_true", help="none of these are in it")
    a.add_argument(
        "--me", type=_yes_no, metavar="yes|no", help="is it the patient: their face or voice?"
    )
    a.set_defaults(handler=cmd_checks)

    a = actions.add_parser(
        "override", help="let a flagged photo or video into the family copy, with a reason"
    )
    a.add_argument("item", help="the item's number (see: list) or name")
    a.add_argument("--reason", required=True, help="why it is all right to share it")
    a.add_argument("--by", required=True, help='who decided, e.g. "Jo Smith, SALT"')
    a.add_argument("--end", action="store_true", help="end an earlier override")
    a.set_defaults(handler=cmd_override)

    a = actions.add_parser(
        "private-words",
        help="words never to appear in a family copy (names, the ward, the address)",
    )
    a.add_argument("--add", nargs="+", default=[], metavar="WORD", help="add these")
    a.add_argument("--remove", nargs="+", default=[], metavar="WORD", help="take these off")
    a.set_defaults(handler=cmd_private_words)


def _status(item: ConsentItem) -> str:
    if item.in_family_copy:
        return "family copy too"
    if item.decision is None:
        return "meeting only (not asked yet)"
    return "meeting only"


def cmd_list(args: argparse.Namespace) -> int:
    project = Project.open(args.folder)
    items = consent_items(project)
    if not items:
        print("There is nothing to ask about yet: no prompt has an answer.")
        return 0
    width = len(str(len(items)))
    for number, item in enumerate(items, start=1):
        print(f"{number:>{width}}. {item.title}")
        print(f"{'':>{width}}  {item.key}: {_status(item)}")
        if not item.in_family_copy and item.decision == Decision.FAMILY:
            print(f"{'':>{width}}  Consent given, but: {' '.join(item.reasons)}")
        for note in item.notes:
            print(f"{'':>{width}}  {note}")
    print(
        "\nRecord an answer with: pcpv consent FOLDER yes NUMBER --how pointed --recorded-by NAME"
    )
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    project = Project.open(args.folder)
    for line in family_summary(project).lines():
        print(line)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    project = Project.open(args.folder)
    book = ConsentBook.load(project.root)
    item = find_item(consent_items(project, book), args.item)
    print(item.title)
    print(f"Name: {item.key}")
    if item.words:
        whose = "staff's words" if item.words_by.value == "staff" else "own words"
        print(f"Words ({whose}): {item.words}")
    if item.choice:
        print(f"Choice: {item.choice}")
    if item.symbols:
        print(f"Symbols: {', '.join(item.symbols)}")
    if item.path is not None:
        print(f"File: {item.path}")
    if item.needs_checks:
        entry = book.item(item.key)
        if not entry.flags_checked:
            print("Photo checks: not done yet.")
        else:
            found = "; ".join(FLAG_WORDS[f] for f in entry.flags) or "none of the checks apply"
            print(f"Photo checks: {found}.")
        for o in entry.overrides:
            what = "Override" if o.active else "Override ended"
            print(f"  {what} on {format_date(o.when)} by {o.by}: {o.reason}")
    if item.asks_me:
        me = {None: "not asked (counted as yes)", True: "yes", False: "no"}[item.shows_me]
        print(f"Is it {project.info.name} (face or voice): {me}")
    print(f"Family copy: {'yes' if item.in_family_copy else 'no'}")
    for reason in item.reasons:
        print(f"  {reason}")
    history = book.history(item.key)
    print("History:" if history else "History: nothing recorded yet.")
    for record in history:
        who = (
            f"best-interest decision by the {record.decided_by_role}"
            if record.given_by == GivenBy.BEST_INTEREST
            else project.info.name
        )
        line = (
            f"  {format_date(record.when)} {record.when:%H:%M}: {DECISION_WORDS[record.decision]}"
            f" - {who}, {HOW_WORDS[record.how]}; recorded by {record.recorded_by}"
        )
        print(line + (f" ({record.note})" if record.note else ""))
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    decision = _DECISIONS[args.decision]
    note = args.note
    if args.decision == "withdraw":
        note = "withdrawn" + (f": {note}" if note else "")
    with Project.open_for_writing(args.folder) as project:
        book = ConsentBook.load(project.root)
        items = consent_items(project, book)
        chosen = [find_item(items, ref) for ref in args.items]
        if args.decision == "withdraw":
            never = [i.title for i in chosen if i.decision != Decision.FAMILY]
            if never:
                raise UsageError(
                    "There is no consent to withdraw for: " + "; ".join(never) + ".",
                    hint="Use 'no' to record meeting only for items never agreed.",
                )
        for item in chosen:
            book.record(
                item.key,
                decision,
                given_by=GivenBy.BEST_INTEREST if args.best_interest else GivenBy.PATIENT,
                decided_by_role=args.best_interest or "",
                how=How(args.how),
                recorded_by=args.recorded_by,
                note=note,
                content=item.content,
            )
        book.save(project)
        after = {i.key: i for i in consent_items(project, book)}
    for item in chosen:
        now = after[item.key]
        print(f"Saved: {now.title}: {DECISION_WORDS[decision]}.")
        if decision == Decision.FAMILY and not now.in_family_copy:
            print(f"  It still stays out of the family copy: {' '.join(now.reasons)}")
    if args.decision == "withdraw":
        print("If a family copy was already shared, ask the family to delete it; make a new one.")
    return 0


def cmd_checks(args: argparse.Namespace) -> int:
    flags = [
        flag
        for flag, option in _FLAG_OPTIONS.items()
        if getattr(args, option[2:].replace("-", "_"))
    ]
    if flags and args.none:
        raise UsageError("Use --none on its own, or name what is in it, not both.")
    if not flags and not args.none and args.me is None:
        raise UsageError(
            "Say what is in it: "
            + ", ".join(_FLAG_OPTIONS.values())
            + ", or --none; and --me yes|no.",
        )
    with Project.open_for_writing(args.folder) as project:
        book = ConsentBook.load(project.root)
        item = find_item(consent_items(project, book), args.item)
        if (flags or args.none) and not item.needs_checks:
            raise UsageError(
                f"The photo checks are for photos and videos; “{item.title}” is not one."
            )
        if args.me is not None and not item.asks_me:
            raise UsageError(f"--me is for photos, sounds and videos; “{item.title}” is not one.")
        if flags or args.none:
            book.set_checks(item.key, flags, shows_me=args.me)
        else:
            book.set_shows_me(item.key, args.me)
        book.save(project)
        now = next(i for i in consent_items(project, book) if i.key == item.key)
    print(f"Saved the checks for {now.title}.")
    print(
        "It goes into the family copy."
        if now.in_family_copy
        else f"It stays out: {' '.join(now.reasons)}"
    )
    return 0


def cmd_override(args: argparse.Namespace) -> int:
    with Project.open_for_writing(args.folder) as project:
        book = ConsentBook.load(project.root)
        item = find_item(consent_items(project, book), args.item)
        if not item.needs_checks:
            raise UsageError(
                f"Overrides are for flagged photos and videos; “{item.title}” is not one."
            )
        entry = book.item(item.key)
        if args.end and entry.override is None:
            raise UsageError(f"There is no override in force for “{item.title}”.")
        if not args.end and not entry.flags:
            raise UsageError(
                f"“{item.title}” has nothing flagged, so there is nothing to override.",
                hint="Record the photo checks first: pcpv consent FOLDER checks ITEM ...",
            )
        book.override(item.key, reason=args.reason, by=args.by, active=not args.end)
        book.save(project)
        now = next(i for i in consent_items(project, book) if i.key == item.key)
    print(f"{'Ended the override' if args.end else 'Saved the override'} for {now.title}.")
    print(
        "It goes into the family copy."
        if now.in_family_copy
        else f"It stays out: {' '.join(now.reasons)}"
    )
    return 0


def cmd_private_words(args: argparse.Namespace) -> int:
    if args.add or args.remove:
        with Project.open_for_writing(args.folder) as project:
            book = ConsentBook.load(project.root)
            added = book.add_private_words(args.add)
            removed = book.remove_private_words(args.remove)
            book.save(project)
        if added:
            print(f"Added {len(added)} private word(s).")
        if removed:
            print(f"Took off {len(removed)} private word(s).")
        missing = len(args.remove) - len(removed)
        if missing > 0:
            print(f"{missing} of the words to take off were not on the list.")
    else:
        book = ConsentBook.load(Project.open(args.folder).root)
    print(f"Private words ({len(book.private_words)}), never in a family copy:")
    for word in book.private_words:
        print(f"  {word}")
    items = consent_items(Project.open(args.folder), book)
    named = [i for i in items if any("private words" in r for r in i.reasons)]
    if named:
        print(f"{len(named)} item(s) stay out because they name one of them.")
    return 0
