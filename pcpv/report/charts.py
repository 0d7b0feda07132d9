"""The report's charts: matplotlib figures drawn as SVG text, to be put inline in the page.

Inline SVG needs no network and no files beside the page, and its text stays text (screen readers
and search can read it). Colours are the Okabe-Ito palette, which people with colour-blindness can
tell apart; every chart also has its numbers in a table beside it. matplotlib is imported here
only, when a report is made, because it takes a moment to load.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

GREEN, ORANGE, VERMILION, SKY, BLUE, PINK, GREY, YELLOW = (
    "#009E73",
    "#E69F00",
    "#D55E00",
    "#56B4E9",
    "#0072B2",
    "#CC79A7",
    "#8C8C8C",
    "#F0E442",
)
"""Okabe-Ito colours (grey darkened for contrast on white)."""

COLOURS = {
    "happy": GREEN,
    "ok": ORANGE,
    "sad": VERMILION,
    "dont-know": SKY,
    "skip": GREY,
    "me": BLUE,
    "together": GREEN,
    "salt": ORANGE,
    "not-in-room": PINK,
    "not-shown": VERMILION,
    "yes": GREEN,
    "partly": ORANGE,
    "no": VERMILION,
    "more": GREEN,
    "same": ORANGE,
    "less": VERMILION,
    "skipped": GREY,
    "not-today": ORANGE,
}

_STYLE = {
    "svg.fonttype": "none",  # keep text as text: crisp at any zoom and readable by screen readers
    "svg.hashsalt": "pcpv-report",  # stable element ids, so the same data gives the same page
    "font.family": "sans-serif",
    "font.sans-serif": ["Arial", "Liberation Sans", "DejaVu Sans"],
    "font.size": 12,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 13,
    "legend.frameon": False,
}


@dataclass(frozen=True)
class Series:
    """One coloured part of a stacked bar chart."""

    key: str
    """The value counted, e.g. "happy"; picks the colour."""
    label: str
    """The legend's words."""
    values: Sequence[int]
    """One number per category."""


def _svg(figure: object, label: str) -> Markup:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})  # type: ignore[attr-defined]
    text = buffer.getvalue()
    text = text[text.index("<svg") :]  # drop the XML prolog and doctype: not allowed inline
    attributes = f'<svg role="img" aria-label="{escape(label)}" class="chart"'
    return Markup(re.sub(r"^<svg", attributes, text, count=1))


def stacked_bars(
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    horizontal: bool = False,
    axis_label: str = "How many",
) -> Markup:
    """A stacked bar chart (one bar per category) as inline SVG. ``title`` is its accessible name;
    it is not drawn, because the page's heading above the chart says it."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    with matplotlib.rc_context(_STYLE):
        size = (9, max(2.2, 0.55 * len(categories) + 1.4)) if horizontal else (9, 4)
        # Constrained layout makes room for long labels and the legend in one drawing pass.
        figure = Figure(figsize=size, layout="constrained")
        axes = figure.subplots()
        base = [0] * len(categories)
        positions = range(len(categories))
        for part in series:
            colour = COLOURS.get(part.key, GREY)
            if horizontal:
                axes.barh(positions, part.values, left=base, color=colour, label=part.label)
            else:
                axes.bar(positions, part.values, bottom=base, color=colour, label=part.label)
            base = [b + v for b, v in zip(base, part.values, strict=True)]
        if horizontal:
            axes.set_yticks(list(positions), list(categories))
            axes.invert_yaxis()
            axes.set_xlabel(axis_label)
            axes.xaxis.get_major_locator().set_params(integer=True)
        else:
            axes.set_xticks(list(positions), list(categories))
            axes.set_ylabel(axis_label)
            axes.yaxis.get_major_locator().set_params(integer=True)
            if len(categories) > 8:
                axes.tick_params(axis="x", labelrotation=45)
        figure.legend(loc="outside right upper")
        return _svg(figure, title)
