"""``pcpv symbols``: find symbols, add the user's own symbol sets, and pin a symbol to a word."""

from __future__ import annotations

import argparse
from pathlib import Path

ORDER = 60


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "symbols",
        help="find symbols and add your own symbol sets",
        description="Find symbols for words, add symbol sets your service holds (Widgit, PCS, "
        "Photosymbols, Mulberry...), choose which set comes first, and pin a symbol to a word.",
    )
    parser.set_defaults(handler=lambda args: (parser.print_help(), 2)[1])
    commands = parser.add_subparsers(title="symbol commands", metavar="COMMAND")

    search = commands.add_parser("search", help="list the symbols for one or more words")
    search.add_argument("words", nargs="+", metavar="WORD", help="a word, or a phrase in quotes")
    search.add_argument("--limit", type=int, default=10, help="most symbols to list per word (10)")
    search.add_argument("--project", type=Path, metavar="DIR", help="include this project's sets")
    preview = search.add_mutually_exclusive_group()
    preview.add_argument(
        "--preview",
        dest="preview",
        action="store_true",
        default=None,
        help="draw each symbol in the terminal",
    )
    preview.add_argument(
        "--no-preview", dest="preview", action="store_false", help="never draw symbols"
    )
    search.set_defaults(handler=run_search)

    add = commands.add_parser(
        "add",
        help="add a folder of symbols (for you, or with --project for one project)",
        description="Add a folder of SVG, PNG or JPEG symbols whose names are the words, with an "
        "optional CSV of file, words and licence (a Mulberry folder works as it is). The new set "
        "is preferred over the others. Nothing is copied: pcpv reads the folder where it is.",
    )
    add.add_argument("path", type=Path, metavar="PATH", help="the folder of symbols")
    add.add_argument("--name", help="a short name for the set (default: the folder's name)")
    add.add_argument(
        "--licence",
        "--license",
        dest="licence",
        metavar="TEXT",
        help='its licence, e.g. "CC BY-SA 4.0" (default: read from its LICENSE file)',
    )
    add.add_argument(
        "--credit",
        metavar="TEXT",
        help='the credit its licence asks for, e.g. "Widgit Symbols © Widgit Software"',
    )
    add.add_argument("--project", type=Path, metavar="DIR", help="add it to this project only")
    add.set_defaults(handler=run_add)

    listing = commands.add_parser("list", help="show the symbol sets, their counts and licences")
    listing.add_argument("--project", type=Path, metavar="DIR", help="include this project's sets")
    listing.set_defaults(handler=run_list)

    remove = commands.add_parser("remove", help="forget an added set (its files are kept)")
    remove.add_argument("set_id", metavar="SET")
    remove.add_argument("--project", type=Path, metavar="DIR", help="remove it from this project")
    remove.set_defaults(handler=run_remove)

    order = commands.add_parser("order", help="choose which sets are preferred, first to last")
    order.add_argument("set_ids", nargs="+", metavar="SET", help="set ids, e.g. mulberry openmoji")
    order.set_defaults(handler=run_order)

    pin = commands.add_parser("pin", help="always use one symbol (or none) for a word in a project")
    pin.add_argument("project", type=Path, metavar="DIR", help="the project folder")
    pin.add_argument("word", metavar="WORD", help="the word or phrase (in quotes)")
    pin.add_argument(
        "ref",
        metavar="SYMBOL",
        help="a symbol such as mulberry:doctor_1a, 'none', or 'auto' to forget the pin",
    )
    pin.set_defaults(handler=run_pin)

    show = commands.add_parser("try", help="show the symbols pcpv picks for a sentence")
    show.add_argument("sentence", metavar="SENTENCE")
    show.add_argument(
        "--project", type=Path, metavar="DIR", help="use this project's sets and pins"
    )
    show.set_defaults(handler=run_try)


def _project(path: Path | None) -> Path | None:
    if path is None:
        return None
    from pcpv.errors import ProjectNotFoundError

    if not (path / "project.yaml").is_file():
        raise ProjectNotFoundError(
            f"{path} is not a pcpv project folder (it has no project.yaml).",
            hint="Give the folder made by 'pcpv new'.",
        )
    return path


def _load(project: Path | None):
    from pcpv.symbols import SymbolLibrary

    return SymbolLibrary.load(_project(project))


def run_search(args: argparse.Namespace) -> int:
    from pcpv.symbols.preview import halfblock, terminal_can_preview

    library = _load(args.project)
    show_pictures = terminal_can_preview() if args.preview is None else args.preview
    missing = 0
    for word in args.words:
        matches = library.search(word, limit=max(1, args.limit))
        if not matches:
            print(f"{word}: no symbol found.")
            missing += 1
            continue
        print(f"{word}:")
        for match in matches:
            licence = match.licence or "licence not given"
            print(f"  {match.ref:<36} {match.name:<28} {match.set_name} ({licence})")
            if show_pictures:
                from pcpv.errors import SymbolError

                try:
                    for line in halfblock(library.render_png(match.ref, 64), width=12):
                        print("    " + line)
                except SymbolError as error:
                    print(f"    (cannot draw it: {error.message})")
    return 1 if missing else 0


def _count(number: int) -> str:
    return f"{number} symbol" if number == 1 else f"{number} symbols"


def _print_problems(problems: list) -> None:
    for problem in problems:
        print(f"  - {problem}")


def run_add(args: argparse.Namespace) -> int:
    from pcpv.symbols.manage import add_set

    result = add_set(
        args.path,
        name=args.name,
        licence=args.licence,
        credit=args.credit,
        project_root=_project(args.project),
    )
    record = result.record
    if result.problems:
        print(f"{len(result.problems)} problem(s) in {record.path}; the other symbols are fine:")
        _print_problems(result.problems)
    verb = "Read again" if result.refreshed else "Added"
    where = f"to the project {args.project}" if args.project else "for you"
    print(f"{verb} '{record.set_id}' {where}: {_count(len(result.symbols.entries))}.")
    if record.licence:
        found = f" (from {result.licence_file.name})" if result.licence_file else ""
        print(f"Licence: {record.licence}{found}.")
    else:
        print("No licence was given or found. Add one with --licence so decks can credit the set.")
    if record.credit:
        print(f"Credit: {record.credit}")
    print("Search it with: pcpv symbols search WORD")
    return 1 if result.problems else 0


def run_list(args: argparse.Namespace) -> int:
    library = _load(args.project)
    print("Symbol sets, preferred first:")
    for number, info in enumerate(library.set_infos(), start=1):
        state = "" if info.available else "  (folder missing)"
        licence = info.licence or "licence not given"
        print(
            f"{number}. {info.set_id}: {info.name}, {_count(info.count)}, {licence}, "
            f"{info.scope}{state}"
        )
        if info.path is not None:
            print(f"   {info.path}")
    if library.problems:
        print(f"\n{len(library.problems)} problem(s):")
        _print_problems(library.problems)
        return 1
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from pcpv.symbols.manage import remove_set

    record = remove_set(args.set_id, project_root=_project(args.project))
    print(f"Removed '{record.set_id}'. Its folder {record.path} was not touched.")
    return 0


def run_order(args: argparse.Namespace) -> int:
    from pcpv.symbols.manage import set_order

    order = set_order(args.set_ids)
    print("Preferred first: " + ", ".join(order) + " (then any others).")
    return 0


def run_pin(args: argparse.Namespace) -> int:
    from pcpv.errors import SymbolError
    from pcpv.symbols import SymbolLibrary, pin, unpin

    project = _project(args.project)
    choice = args.ref.strip()
    if choice.lower() == "auto":
        had = unpin(project, args.word)
        print(f"'{args.word}' now gets pcpv's own choice." if had else f"'{args.word}' had no pin.")
        return 0
    if choice.lower() == "none":
        pin(project, args.word, None)
        print(f"'{args.word}' will have no symbol in this project.")
        return 0
    library = SymbolLibrary.load(project)
    match = library.resolve(choice) if ":" in choice else None
    if match is None:
        raise SymbolError(
            f"There is no symbol '{choice}'.",
            hint=f'Find one with: pcpv symbols search "{args.word}" --project {args.project}',
        )
    pin(project, args.word, match.ref)
    print(f"'{args.word}' will use {match.ref} ({match.name}, {match.set_name}).")
    return 0


def run_try(args: argparse.Namespace) -> int:
    library = _load(args.project)
    for item in library.symbolise(args.sentence):
        chosen = f"{item.match.ref} ({item.match.name})" if item.match else "no symbol"
        pinned = "  [pinned]" if item.pinned else ""
        print(f"{item.text:<24} {item.lemma:<20} {chosen}{pinned}")
        if item.note:
            print(f"  {item.note}")
    return 0
