"""The deck: plan (plain data), theme (every accessibility number) and writer (python-pptx).

``import pcpv.deck.theme`` must stay light (the checker reads it without python-pptx), so the
public functions are loaded on first use:

``build_deck(project, output, *, print_quality=False, skip_bad_media=False, progress=None)``
    the whole build (``build.py``);
``make_plan(project, ...) -> DeckPlan`` and ``write_deck(plan, output, ...)``
    the two halves, for callers that filter the plan in between (the family copy).
"""

from __future__ import annotations

from typing import Any

_PUBLIC = {
    "build_deck": "pcpv.deck.build",
    "BuildResult": "pcpv.deck.build",
    "make_plan": "pcpv.deck.plan",
    "DeckPlan": "pcpv.deck.plan",
    "write_deck": "pcpv.deck.writer",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        import importlib

        return getattr(importlib.import_module(_PUBLIC[name]), name)
    raise AttributeError(name)
