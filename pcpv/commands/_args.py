"""Argument types shared by the command modules (the leading underscore keeps this module out of
the command discovery in ``pcpv.cli``)."""

from __future__ import annotations

import argparse
import datetime as dt


def date_arg(text: str) -> dt.date:
    """An ISO date from the command line, refused with a sentence that shows the right form."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date; write it like 2027-01-15"
        ) from None
