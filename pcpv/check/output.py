"""Turning a report into the readable table ``pcpv check`` prints (the CLI does the printing)."""

from __future__ import annotations

import textwrap

from pcpv.check.findings import RULES, Finding, Report, Severity

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(report: Report) -> str:
    """One line: what was checked and how many errors, warnings and notes were found."""
    what = (
        f"{report.source}: {_plural(report.slides, 'slide')}, "
        if report.slides
        else f"{report.source}: "
    )
    counts = (
        f"{_plural(report.count(Severity.ERROR), 'error')}, "
        f"{_plural(report.count(Severity.WARNING), 'warning')}, "
        f"{_plural(report.count(Severity.INFO), 'note')}"
    )
    verdict = "" if report.findings else " Nothing to fix."
    return f"{what}{counts}.{verdict}"


def _place(finding: Finding) -> tuple[str, str]:
    if finding.slide is not None:
        return str(finding.slide), finding.shape
    return "", finding.where


def format_table(report: Report, width: int = 100) -> str:
    """The report as a table: place, level, rule, then the problem and its fix, wrapped."""
    if report.unreadable:
        return f"{report.source}: could not be checked.\n{report.unreadable}"
    lines = [summary(report)]
    if not report.findings:
        return lines[0]
    deck = any(f.slide is not None for f in report.findings) or report.slides > 0
    first = "Slide" if deck else "Where"
    place_w = 5 if deck else min(34, max(len(_place(f)[1]) for f in report.findings) + 1)
    shape_w = min(18, max((len(f.shape) for f in report.findings), default=5)) if deck else 0
    rule_w = max(len(f.rule) for f in report.findings)
    heads = [first.ljust(place_w)] + (["Shape".ljust(shape_w)] if deck else [])
    heads += ["Level".ljust(7), "Rule".ljust(rule_w), "Problem and fix"]
    indent = sum(len(h) + 2 for h in heads[:-1])
    text_w = max(30, width - indent)
    lines += [
        "",
        "  ".join(heads),
        "  ".join("-" * len(h) for h in heads[:-1]) + "  " + "-" * min(text_w, 40),
    ]
    for f in report.findings:
        slide, where = _place(f)
        cells = [(slide if deck else where)[:place_w].ljust(place_w)]
        if deck:
            cells.append(_cut(f.shape, shape_w).ljust(shape_w))
        cells += [_LEVEL[f.severity].ljust(7), f.rule.ljust(rule_w)]
        body = textwrap.wrap(f.message, text_w) or [""]
        if f.excerpt and f.excerpt not in f.message:
            body += textwrap.wrap(f"“{f.excerpt}”", text_w)
        if f.fix:
            body += textwrap.wrap(f"Fix: {f.fix}", text_w)
        lines.append("  ".join(cells) + "  " + body[0])
        lines += [" " * indent + rest for rest in body[1:]]
    return "\n".join(lines)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def format_rules() -> str:
    """Every rule: id, usual level, what it checks (for ``pcpv check --rules``)."""
    id_w = max(len(r) for r in RULES)
    lines = [f"{'Rule'.ljust(id_w)}  {'Level'.ljust(7)}  {'On'.ljust(7)}  What it looks for"]
    for rule in RULES.values():
        lines.append(
            f"{rule.id.ljust(id_w)}  {_LEVEL[rule.severity].ljust(7)}  "
            f"{rule.scope.ljust(7)}  {rule.about}"
        )
    return "\n".join(lines)
