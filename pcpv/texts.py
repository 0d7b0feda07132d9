"""Jinja2 for questions and slide wording: strict, sandboxed, with errors a person can act on.

Question sets may come from a service's own folder, so their templates are untrusted: they run in
Jinja2's ``SandboxedEnvironment`` (no attribute tricks to reach Python internals). ``StrictUndefined``
makes a typo such as ``{{ nmae }}`` fail loudly instead of putting a blank in front of a patient.
Every failure becomes a ``TemplateError`` naming the template, the line and the missing value.
"""

from __future__ import annotations

import traceback
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from pcpv.errors import TemplateError


def make_environment(search_paths: Sequence[Path] = ()) -> SandboxedEnvironment:
    """A sandboxed, strict environment that loads ``*.j2`` files from ``search_paths`` in order."""
    return SandboxedEnvironment(
        loader=jinja2.FileSystemLoader([str(p) for p in search_paths]),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # output goes into slides, not HTML; python-pptx escapes XML itself
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def _line_in_template(exc: BaseException, filename: str) -> int | None:
    # Jinja rewrites tracebacks so frames of template code carry the template's file and line.
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == filename:
            line = frame.lineno
    return line


def _as_template_error(exc: Exception, name: str, filename: str) -> TemplateError:
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where = f"{name}, line {exc.lineno}"
        return TemplateError(
            f"The template {where} has a mistake: {exc.message.rstrip('.')}.",
            hint="Fix the template's text (look for unmatched {{ }} or {% %}).",
        )
    line = _line_in_template(exc, filename)
    where = f"{name}, line {line}" if line else name
    if isinstance(exc, jinja2.UndefinedError):
        return TemplateError(
            f"The template {where} uses a value that does not exist: {exc.message.rstrip('.')}.",
            hint="Check the spelling of the name between {{ and }}.",
        )
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return TemplateError(
            f"The template {where} tried something templates may not do: {str(exc).rstrip('.')}.",
            hint="Templates may only use the values pcpv gives them.",
        )
    return TemplateError(f"The template {where} could not be filled in: {str(exc).rstrip('.')}.")


def render_string(source: str, context: Mapping[str, Any], *, name: str) -> str:
    """Render a short template held in a data file (e.g. a question), naming it ``name`` in errors."""
    filename = "<template>"  # what Jinja puts in tracebacks of templates made from strings
    try:
        return make_environment().from_string(source).render(**context).strip()
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError) as exc:
        raise _as_template_error(exc, name, filename) from None


def check_string(source: str, *, name: str) -> str | None:
    """The syntax problem in ``source`` as a sentence, or None when it parses."""
    try:
        make_environment().parse(source, name=name)
    except jinja2.TemplateSyntaxError as exc:
        return f"line {exc.lineno}: {exc.message}"
    return None


class TextTemplates:
    """The ``*.j2`` slide texts of a question set, with the shared ones as fall-back."""

    def __init__(self, search_paths: Sequence[Path]) -> None:
        self.search_paths = [p for p in search_paths if p.is_dir()]
        self.env = make_environment(self.search_paths)

    def names(self) -> list[str]:
        return sorted(self.env.list_templates(extensions=["j2"]))

    def render(self, name: str, context: Mapping[str, Any]) -> str:
        try:
            template = self.env.get_template(name)
        except jinja2.TemplateNotFound:
            raise TemplateError(
                f"The slide text '{name}' is missing.",
                hint=f"Looked in: {', '.join(str(p) for p in self.search_paths)}.",
            ) from None
        except jinja2.TemplateError as exc:
            raise _as_template_error(exc, name, name) from None
        try:
            return template.render(**context).strip()
        except (jinja2.TemplateError, TypeError, ValueError, AttributeError) as exc:
            raise _as_template_error(exc, name, template.filename or name) from None
