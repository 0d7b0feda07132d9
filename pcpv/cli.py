"""The command line: the one place that turns pcpv's errors into messages and exit codes.

Each group of commands lives in a module of ``pcpv.commands`` with a ``register(subparsers)``
function; this module finds them, parses the arguments and runs the chosen handler. Handlers
return an exit code and raise ``PcpvError`` for anything a person must be told; they never call
``sys.exit`` themselves.

Exit codes: 0 done (or clean), 1 problems found in the user's content, 2 something could not be
read or done, 130 stopped with Ctrl+C.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence

from pcpv import __version__, commands
from pcpv.errors import PcpvError

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_FAILED = 2
EXIT_INTERRUPTED = 130


def _command_modules() -> list:
    modules = [
        importlib.import_module(f"{commands.__name__}.{info.name}")
        for info in pkgutil.iter_modules(commands.__path__)
        if not info.name.startswith("_")
    ]
    return sorted(modules, key=lambda m: (getattr(m, "ORDER", 50), m.__name__))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pcpv",
        description="Patients' Points of View: make an easy-read slide deck with a patient "
        "for their care meeting.",
        epilog="Start with: pcpv new FOLDER --name NAME --meeting ctr, then pcpv wizard FOLDER.",
    )
    parser.add_argument("--version", action="version", version=f"pcpv {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in _command_modules():
        module.register(sub)
    return parser


def _print_error(error: PcpvError) -> None:
    print(f"pcpv: {error.message}", file=sys.stderr)
    if error.hint:
        print(error.hint, file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run pcpv with ``argv`` (default: the process's arguments) and return the exit code."""
    if hasattr(sys.stdout, "reconfigure"):
        # Windows consoles may default to a code page that cannot print patients' names.
        sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]
        sys.stderr.reconfigure(errors="replace")  # type: ignore[union-attr]
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_FAILED
    try:
        return int(handler(args) or EXIT_OK)
    except PcpvError as error:
        _print_error(error)
        return error.exit_code
    except BrokenPipeError:
        # The reader went away (e.g. ``pcpv status | head``): not an error worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("\nStopped. Everything saved before this moment is kept.", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
