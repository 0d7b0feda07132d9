"""Credits for the symbols a deck uses, in plain words, for the deck's last slide.

CC BY licences (and most licences of paid symbol sets) ask that the symbols are credited. The deck
builder passes the references it placed; it gets one ``Credit`` per set, and shows a credits slide
when any of them is ``required``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pcpv.symbols.records import Credit, split_ref

_NO_CREDIT = re.compile(r"\bCC0\b|public domain", re.IGNORECASE)
_CC = re.compile(r"\bCC[ -]?BY\b|creativecommons\.org/licenses/by", re.IGNORECASE)


def attribution_required(licence: str, credit: str = "") -> bool:
    """Does this licence ask for a credit? Yes for CC BY licences, copyright notices and any
    licence we do not recognise; no for CC0 or public domain, or when nothing is known."""
    if _NO_CREDIT.search(licence):
        return False
    return bool(licence.strip() or credit.strip())


def credit_text(set_name: str, licence: str, credit: str) -> str:
    """The credit in plain words, e.g. "Pictures from Mulberry Symbols. Copyright 2018-2026
    Steve Lee. Licence: CC BY-SA 4.0 (you may share them if you say where they come from)."""
    parts = [credit.strip() if credit.strip() else f"Pictures from {set_name}."]
    if credit.strip() and set_name.lower() not in credit.lower():
        parts = [f"Pictures from {set_name}.", credit.strip()]
    parts = [p if p.endswith(".") else p + "." for p in parts]
    if licence.strip():
        meaning = ""
        if _CC.search(licence):
            meaning = " (you may share them if you say where they come from)"
        if licence.strip().lower() not in " ".join(parts).lower():
            parts.append(f"Licence: {licence.strip()}{meaning}.")
    return " ".join(parts)


def build_credits(
    refs: Iterable[str], sets: dict[str, tuple[str, str, str]], entry_licence: dict[str, str]
) -> list[Credit]:
    """One credit per set and licence used by ``refs``, in order of first use.

    ``sets`` maps set id -> (name, licence, credit); ``entry_licence`` maps a reference to its own
    licence where it differs from its set's. Unknown sets are skipped (the check reports them).
    """
    order: list[tuple[str, str]] = []
    symbols: dict[tuple[str, str], set[str]] = {}
    for ref in refs:
        if ":" not in ref:
            continue
        set_id, symbol_id = split_ref(ref)
        if set_id not in sets:
            continue
        licence = entry_licence.get(ref) or sets[set_id][1]
        key = (set_id, licence)
        if key not in symbols:
            order.append(key)
            symbols[key] = set()
        symbols[key].add(symbol_id)
    credits = []
    for set_id, licence in order:
        name, _, credit = sets[set_id]
        credits.append(
            Credit(
                set_id=set_id,
                set_name=name,
                licence=licence,
                text=credit_text(name, licence, credit),
                required=attribution_required(licence, credit),
                count=len(symbols[(set_id, licence)]),
            )
        )
    return credits
