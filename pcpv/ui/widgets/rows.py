"""List rows that show text exactly as written.

Answers, captions and file names are the patient's words: a "[" in them must show as a "[",
never be read as Textual markup (which would hide words or fail).
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets.option_list import Option


def plain_option(prompt: str, id: str | None = None, disabled: bool = False) -> Option:
    """An ``OptionList`` row showing ``prompt`` as plain text."""
    return Option(Text(prompt), id=id, disabled=disabled)
