"""Every failure pcpv can report, each a plain sentence with what to do next.

The CLI (``pcpv.cli``) is the one place that turns these into messages and exit codes; the rest of
pcpv raises them and never prints. Messages are written for a speech and language therapist, not a
programmer: say what happened, to which file, and what to do about it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class PcpvError(Exception):
    """Base of every error pcpv reports to a person.

    ``exit_code`` follows the CLI's contract: 1 for a problem found in the user's content,
    2 for something that could not be read or done at all.
    """

    exit_code: int = 2

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message


class ProjectNotFoundError(PcpvError):
    """Raised when a folder given as a project has no ``project.yaml``."""


class ProjectExistsError(PcpvError):
    """Raised by ``pcpv new`` when the folder already holds a project or other files."""


class ProjectLockedError(PcpvError):
    """Raised when another pcpv process holds the project's write lock."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file, located as precisely as we can."""

    file: Path
    """The file the problem is in."""
    message: str
    """A plain sentence saying what is wrong."""
    line: int | None = None
    """1-based line number, when the problem can be tied to a line."""
    where: str = ""
    """The field or entry, e.g. ``sections[2].prompts[0].id``."""

    def __str__(self) -> str:
        place = str(self.file)
        if self.line is not None:
            place += f", line {self.line}"
        if self.where:
            place += f" ({self.where})"
        return f"{place}: {self.message}"


class ProjectFileError(PcpvError):
    """Raised when a project file cannot be read: bad YAML, missing or wrong fields, unknown schema.

    Carries every problem found in the file, not only the first. Nothing is overwritten when this is
    raised: the project stays exactly as the user left it.
    """

    def __init__(self, problems: list[Problem], *, hint: str = "") -> None:
        self.problems = problems
        files = sorted({str(p.file) for p in problems})
        lines = "\n".join(f"  - {p}" for p in problems)
        message = f"pcpv could not read {', '.join(files)}:\n{lines}"
        super().__init__(
            message,
            hint=hint
            or "Nothing has been changed. Fix the file in a text editor (or put back its backup), "
            "then try again.",
        )


class QuestionSetError(PcpvError):
    """Raised when a question set (``templates/<set>/``) has problems; lists all of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(
            f"The question set has {len(problems)} problem(s):\n{lines}",
            hint="Fix these in the question set's files, then try again.",
        )


class TemplateError(PcpvError):
    """Raised when a Jinja2 slide or question template fails: names the template, line and value."""


class UnknownPromptError(PcpvError):
    """Raised when a command names a prompt id that the project's question set does not have."""


class MediaError(PcpvError):
    """Raised when a media file cannot be taken in: missing, unreadable, empty or of a kind we
    cannot use. Always names the file."""

    exit_code = 1


class UsageError(PcpvError):
    """Raised when a command's options do not make sense together."""


class SymbolError(PcpvError):
    """Raised when a symbol set cannot be added or read, a symbol reference names nothing pcpv
    knows, or a symbol's picture cannot be drawn. Names the set or file and says what to do."""


class FamilyCopyError(PcpvError):
    """Raised by ``pcpv export --family`` when the family copy cannot be made or fails its proof:
    nothing has consent, a slide's fixed wording names a private word, or the file written was found
    to hold something it must not (then the file has already been deleted). Lists every finding."""
