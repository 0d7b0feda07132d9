"""Reading and writing the YAML files people may open in a text editor.

Loading keeps the line of every key, so a problem in a hand-edited file can be reported as
"project.yaml, line 7 (meeting.date): ..." instead of a traceback. ``FieldReader`` walks a loaded
mapping, converts fields to typed values and collects *every* problem instead of stopping at the
first. Dumping writes block style, keeps key order, and writes multi-line text as ``|`` blocks so a
patient's words stay readable on disk.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterator, Mapping
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

import yaml

from pcpv.errors import Problem, ProjectFileError
from pcpv.safe_io import atomic_writer

Key = tuple[str | int, ...]
E = TypeVar("E", bound=Enum)
T = TypeVar("T")

MAX_YAML_BYTES = 20 * 1024 * 1024
"""Project files are small; a bigger one is not ours and is refused before parsing."""


_BaseLoader: Any = getattr(
    yaml, "CSafeLoader", yaml.SafeLoader
)  # libyaml when installed: ~10x faster


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Safe loader that does not turn ``2027-01-15`` into a date by itself: we convert fields
    ourselves, so a date typed in any form gets the same clear message."""


# Remove implicit timestamp resolution: dates stay strings until FieldReader reads them.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _index_lines(node: yaml.Node, key: Key, lines: dict[Key, int]) -> None:
    lines[key] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*key, str(key_node.value))
            _index_lines(value_node, child, lines)
            lines[child] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index_lines(item, (*key, i), lines)


class LineIndex(Mapping[Key, int]):
    """Key path -> 1-based line, worked out from the parsed nodes only when a problem asks for it
    (most files have no problems, so most loads never pay for it)."""

    def __init__(self, node: yaml.Node | None) -> None:
        self._node = node
        self._lines: dict[Key, int] | None = None

    def _index(self) -> dict[Key, int]:
        if self._lines is None:
            self._lines = {}
            if self._node is not None:
                _index_lines(self._node, (), self._lines)
            self._node = None
        return self._lines

    def __getitem__(self, key: Key) -> int:
        return self._index()[key]

    def __iter__(self) -> Iterator[Key]:
        return iter(self._index())

    def __len__(self) -> int:
        return len(self._index())


def load_yaml(path: Path, *, text: str | None = None) -> tuple[Any, Mapping[Key, int]]:
    """Parse ``path`` (or ``text`` said to come from it) and return the data and a key-path -> line map.

    Raises ``ProjectFileError`` with the line of a syntax error. Only plain YAML is accepted (no
    Python objects, no aliases beyond the safe loader's). The file is parsed once; the nodes keep
    their positions for the line map.
    """
    if text is None:
        try:
            size = path.stat().st_size
            if size > MAX_YAML_BYTES:
                raise ProjectFileError(
                    [Problem(path, f"The file is {size // 1_000_000} MB; pcpv files are small.")]
                )
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise ProjectFileError(
                [Problem(path, "The file is not plain text (it is not UTF-8).")]
            ) from None
        except OSError as exc:
            raise ProjectFileError(
                [Problem(path, f"The file could not be read ({exc.strerror}).")]
            ) from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or "the text is not valid YAML"
        raise ProjectFileError(
            [Problem(path, f"The file's layout is broken here: {what}.", line=line)],
            hint="Nothing has been changed. Check the spacing and colons near that line, "
            "or put back the file's backup.",
        ) from None
    except yaml.YAMLError as exc:
        raise ProjectFileError(
            [Problem(path, f"The file could not be read as YAML: {exc}")]
        ) from None
    finally:
        loader.dispose()
    return data, LineIndex(node)


class _Dumper(yaml.SafeDumper):
    """Block style, readable multi-line strings, no aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        # Trailing spaces on a line stop PyYAML using block style; they carry no meaning in answers.
        value = "\n".join(line.rstrip() for line in value.split("\n"))
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str_representer)


def _comment(header: str) -> str:
    return "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())


def _dump(data: Any, stream: Any = None) -> Any:
    return yaml.dump(
        data,
        stream,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )


def dump_yaml(data: Any, *, header: str = "") -> str:
    """Serialise ``data`` as block-style YAML, with an optional ``#`` comment header."""
    return _comment(header) + _dump(data)


def save_yaml(path: Path, data: Any, *, header: str = "") -> None:
    """Write ``data`` to ``path`` as YAML, atomically and owner-only.

    The YAML is streamed into the temporary file rather than built in memory first, so a large
    answers file never exists twice in memory.
    """
    with atomic_writer(path) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
        text.write(_comment(header))
        _dump(data, text)
        text.flush()
        text.detach()  # leave the binary handle open for atomic_writer to fsync and close


class FieldReader:
    """Typed, problem-collecting access to one mapping of a loaded YAML file.

    Every ``get_*`` method returns a usable value even when the field is wrong (the default), and
    records a ``Problem`` with the file, line and field; call ``raise_if_problems`` at the end.
    """

    def __init__(
        self,
        data: Any,
        file: Path,
        lines: Mapping[Key, int],
        key: Key = (),
        problems: list[Problem] | None = None,
    ) -> None:
        self.file = file
        self.lines = lines
        self.key = key
        self.problems: list[Problem] = [] if problems is None else problems
        if isinstance(data, Mapping):
            self.data: Mapping[str, Any] = data
        else:
            self.data = {}
            self.problem("This should be a list of 'name: value' fields.")

    # -- locating ---------------------------------------------------------------------------
    def where(self, name: str | int | None = None) -> str:
        parts = [*self.key] if name is None else [*self.key, name]
        text = ""
        for part in parts:
            text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
        return text

    def line(self, name: str | int | None = None) -> int | None:
        key = self.key if name is None else (*self.key, name)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.lines.get((), None)

    def problem(self, message: str, name: str | int | None = None) -> None:
        self.problems.append(Problem(self.file, message, self.line(name), self.where(name)))

    # -- fields -----------------------------------------------------------------------------
    def has(self, name: str) -> bool:
        return name in self.data and self.data[name] is not None

    def raw(self, name: str, default: Any = None) -> Any:
        return self.data.get(name, default)

    def text(self, name: str, default: str | None = None, *, required: bool = False) -> str:
        value = self.data.get(name)
        if value is None:
            if required:
                self.problem(f"The field '{name}' is missing.", name)
            return default if default is not None else ""
        if isinstance(value, (bool, dict, list)):
            self.problem(f"'{name}' should be a piece of text.", name)
            return default if default is not None else ""
        return str(value)

    def whole(self, name: str, default: int = 0, *, required: bool = False) -> int:
        value = self.data.get(name)
        if value is None:
            if required:
                self.problem(f"The field '{name}' is missing.", name)
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(f"'{name}' should be a whole number, not '{value}'.", name)
            return default
        return value

    def number(self, name: str) -> float | None:
        value = self.data.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(f"'{name}' should be a number, not '{value}'.", name)
            return None
        return float(value)

    def flag(self, name: str, default: bool = False) -> bool:
        value = self.data.get(name)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problem(f"'{name}' should be yes or no (true or false).", name)
            return default
        return value

    def enum(self, name: str, enum: type[E], default: E | None = None) -> E:
        value = self.data.get(name)
        choices = ", ".join(str(member.value) for member in enum)
        if value is None:
            if default is None:
                self.problem(f"The field '{name}' is missing. It can be one of: {choices}.", name)
                return next(iter(enum))
            return default
        try:
            return enum(str(value))
        except ValueError:
            self.problem(
                f"'{name}' is '{value}', which pcpv does not know. Use one of: {choices}.", name
            )
            return default if default is not None else next(iter(enum))

    def date(self, name: str, *, required: bool = False) -> dt.date | None:
        value = self.data.get(name)
        if value is None:
            if required:
                self.problem(f"The field '{name}' is missing. Write a date like 2027-01-15.", name)
            return None
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.problem(
                f"'{name}' is '{value}', which is not a date. Write it like 2027-01-15.", name
            )
            return None

    def timestamp(self, name: str, *, required: bool = False) -> dt.datetime | None:
        value = self.data.get(name)
        if value is None:
            if required:
                self.problem(f"The field '{name}' is missing.", name)
            return None
        try:
            return dt.datetime.fromisoformat(str(value))
        except ValueError:
            self.problem(
                f"'{name}' is '{value}', which is not a date and time. "
                "Write it like 2027-01-15T14:30:00.",
                name,
            )
            return None

    def text_list(self, name: str) -> list[str]:
        value = self.data.get(name)
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        if not isinstance(value, list) or any(isinstance(v, (dict, list)) for v in value):
            self.problem(f"'{name}' should be a list of words.", name)
            return []
        return [str(v) for v in value if v is not None]

    def child(self, name: str) -> FieldReader:
        return FieldReader(
            self.data.get(name) or {}, self.file, self.lines, (*self.key, name), self.problems
        )

    def items(self, name: str) -> Iterator[FieldReader]:
        value = self.data.get(name)
        if value is None:
            return
        if not isinstance(value, list):
            self.problem(f"'{name}' should be a list.", name)
            return
        for i, item in enumerate(value):
            yield FieldReader(item, self.file, self.lines, (*self.key, name, i), self.problems)

    def mapping(self, name: str) -> Iterator[tuple[str, FieldReader]]:
        value = self.data.get(name)
        if value is None:
            return
        if not isinstance(value, Mapping):
            self.problem(f"'{name}' should be a list of 'name: value' fields.", name)
            return
        for key, item in value.items():
            yield (
                str(key),
                FieldReader(
                    item, self.file, self.lines, (*self.key, name, str(key)), self.problems
                ),
            )

    def each(self, name: str, build: Callable[[FieldReader], T]) -> list[T]:
        return [build(item) for item in self.items(name)]

    def raise_if_problems(self, hint: str = "") -> None:
        if self.problems:
            raise ProjectFileError(list(self.problems), hint=hint)
