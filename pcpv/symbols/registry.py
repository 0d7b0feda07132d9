"""Which symbol sets the user has added, and in which order they prefer them.

User-level sets live in ``config_dir()/symbol-sets.yaml``; sets for one project live under
``sets:`` in the project's ``symbols.yaml`` (beside the pins). Both are plain YAML a person can
read::

    sets:
      - id: mulberry
        name: Mulberry
        path: /home/sam/Symbols/mulberry
        licence: CC BY-SA 4.0
        credit: Copyright 2018-2026 Steve Lee
    order: [mulberry, openmoji]

Preference: project sets first (in file order), then the user's ``order``, then the user's other
sets, then OpenMoji. A set just added goes first: people add a set because they want to use it.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pcpv.errors import Problem, SymbolError
from pcpv.safe_io import atomic_write_text
from pcpv.symbols.records import OPENMOJI
from pcpv.userdirs import config_dir
from pcpv.yaml_io import FieldReader, dump_yaml, load_yaml

USER_FILE = "symbol-sets.yaml"
PROJECT_FILE = "symbols.yaml"
RESERVED_IDS = frozenset({OPENMOJI, "pcpv", "none"})
USER_HEADER = "pcpv's symbol sets for this user (pcpv symbols add / list / remove)."
PROJECT_HEADER = (
    "Symbols for this project: pins (word -> chosen symbol, or none) and this project's own sets."
)


@dataclass
class SetRecord:
    """One registered set, as written in a registry file."""

    set_id: str
    """The id used in symbol references."""
    name: str
    """The name for people."""
    path: Path
    """The set's folder (absolute)."""
    licence: str = ""
    """The licence text the user gave or pcpv found in the folder."""
    credit: str = ""
    """Attribution the licence asks for, e.g. a copyright line."""
    skip: list[str] = field(default_factory=list)
    """Pictures found unreadable when the set was added; left out until it is added again."""
    scope: str = "user"
    """"user" or "project"."""

    def to_dict(self, base: Path | None) -> dict[str, Any]:
        path = self.path
        if base is not None:
            with contextlib.suppress(ValueError):
                path = self.path.relative_to(base)
        data: dict[str, Any] = {"id": self.set_id, "name": self.name, "path": path.as_posix()}
        if self.licence:
            data["licence"] = self.licence
        if self.credit:
            data["credit"] = self.credit
        if self.skip:
            data["skip"] = list(self.skip)
        return data


@dataclass
class Registry:
    """A registry file's contents (the whole file is kept, so pins survive a rewrite)."""

    file: Path
    """The YAML file."""
    scope: str
    """"user" or "project"."""
    records: list[SetRecord] = field(default_factory=list)
    """Sets in file order."""
    order: list[str] = field(default_factory=list)
    """Preferred order of set ids (user registry only; may name "openmoji")."""
    data: dict[str, Any] = field(default_factory=dict)
    """Everything else in the file (pins, for a project)."""

    @property
    def base(self) -> Path | None:
        """Folder that relative paths are taken from (the project folder), None for the user."""
        return self.file.parent if self.scope == "project" else None

    def find(self, set_id: str) -> SetRecord | None:
        return next((r for r in self.records if r.set_id == set_id), None)

    def save(self) -> None:
        """Write the file atomically, keeping every other key."""
        data = dict(self.data)
        data["sets"] = [r.to_dict(self.base) for r in self.records]
        if self.scope == "user":
            if self.order:
                data["order"] = list(self.order)
            else:
                data.pop("order", None)
        header = USER_HEADER if self.scope == "user" else PROJECT_HEADER
        if self.scope == "project":
            data = {"pins": data.pop("pins", None) or {}, **data}
        atomic_write_text(self.file, dump_yaml(data, header=header))


def user_registry_file() -> Path:
    """Where the user's symbol sets are listed."""
    return config_dir() / USER_FILE


def read_registry(file: Path, scope: str) -> Registry:
    """Read a registry file (missing = empty). Raises ``ProjectFileError`` listing its problems."""
    registry = Registry(file, scope)
    if not file.exists():
        return registry
    data, lines = load_yaml(file)
    if data is None:
        return registry
    reader = FieldReader(data, file, lines)
    registry.data = dict(reader.data)
    for item in reader.items("sets"):
        set_id = item.text("id", required=True)
        raw_path = item.text("path", required=True)
        if not set_id or not raw_path:
            continue
        path = Path(raw_path).expanduser()
        if not path.is_absolute() and registry.base is not None:
            path = registry.base / path
        registry.records.append(
            SetRecord(
                set_id=set_id,
                name=item.text("name", set_id),
                path=path,
                licence=item.text("licence", ""),
                credit=item.text("credit", ""),
                skip=item.text_list("skip"),
                scope=scope,
            )
        )
    registry.order = reader.text_list("order")
    reader.raise_if_problems()
    return registry


def read_user_registry() -> Registry:
    """The user's registry."""
    return read_registry(user_registry_file(), "user")


def read_project_registry(project_root: Path) -> Registry:
    """A project's registry (the ``sets:`` of its ``symbols.yaml``)."""
    return read_registry(project_root / PROJECT_FILE, "project")


def preference(user: Registry, project: Registry | None) -> list[SetRecord | None]:
    """Every registered set in order of preference; ``None`` marks where OpenMoji goes."""
    ordered: list[SetRecord | None] = list(project.records) if project else []
    placed_openmoji = False
    remaining = list(user.records)
    for set_id in user.order:
        if set_id == OPENMOJI and not placed_openmoji:
            ordered.append(None)
            placed_openmoji = True
            continue
        record = next((r for r in remaining if r.set_id == set_id), None)
        if record is not None:
            ordered.append(record)
            remaining.remove(record)
    ordered.extend(remaining)
    if not placed_openmoji:
        ordered.append(None)
    return ordered


def slug(text: str) -> str:
    """A set id from a name: "Widgit Symbols 2024" -> "widgit-symbols-2024"."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def new_set_id(name: str, taken: set[str]) -> str:
    """The id for a new set called ``name``; raises if it is reserved or taken."""
    set_id = slug(name)
    if not set_id:
        raise SymbolError(
            f"'{name}' cannot be used as a set name.",
            hint="Give the set a name with letters or digits, e.g. --name widgit.",
        )
    if set_id in RESERVED_IDS:
        raise SymbolError(
            f"The name '{set_id}' is pcpv's own.",
            hint="Choose another with --name, e.g. --name my-symbols.",
        )
    if set_id in taken:
        raise SymbolError(
            f"There is already a symbol set called '{set_id}'.",
            hint="Give this one another name with --name, or remove the old one first "
            f"with 'pcpv symbols remove {set_id}'.",
        )
    return set_id


# -- licences found in a set's folder --------------------------------------------------------------
_CC_URL = re.compile(r"creativecommons\.org/licenses/([a-z-]+)/(\d\.\d)", re.IGNORECASE)
_CC_WORDS = (
    (re.compile(r"attribution[- ]non[- ]?commercial[- ]share[- ]?alike", re.I), "CC BY-NC-SA"),
    (re.compile(r"attribution[- ]non[- ]?commercial", re.I), "CC BY-NC"),
    (re.compile(r"attribution[- ]share[- ]?alike", re.I), "CC BY-SA"),
    (re.compile(r"\bCC0\b|public domain", re.I), "CC0 (public domain)"),
)
_COPYRIGHT = re.compile(r"^\s*((?:copyright|©|\(c\)).{2,160})$", re.IGNORECASE | re.MULTILINE)


def detect_licence(folder: Path) -> tuple[str, str, Path | None]:
    """(licence, copyright line, file read) from a LICENSE/LICENCE/COPYING/README file, if any."""
    candidates = sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.stem.upper() in {"LICENSE", "LICENCE", "COPYING", "README"}
    )
    # Licence files before READMEs.
    candidates.sort(key=lambda p: p.stem.upper() == "README")
    for path in candidates:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")[:20_000]
        except OSError:
            continue
        licence = ""
        match = _CC_URL.search(text)
        if match:
            licence = f"CC {match.group(1).upper()} {match.group(2)}"
        else:
            for pattern, name in _CC_WORDS:
                if pattern.search(text):
                    licence = name
                    break
        copyright_match = _COPYRIGHT.search(text)
        copyright_line = copyright_match.group(1).strip() if copyright_match else ""
        if licence or copyright_line:
            return licence, copyright_line, path
    return "", "", None


def problem_for_missing(record: SetRecord) -> Problem:
    """The problem reported when a registered set's folder has gone."""
    return Problem(
        record.path,
        f"The symbol set '{record.set_id}' is not in its folder any more. Plug in its drive, "
        f"or remove it with 'pcpv symbols remove {record.set_id}'.",
    )
