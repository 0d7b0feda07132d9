"""The generated ward, made once for the report tests (see ward.py)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import pytest

import pcpv.project
import pcpv.questions
from pcpv.report import Period, ReportResult, make_report

from .ward import Ledger, add_broken_projects, make_ward

SALT = "ward-seven-test-salt-0123456789"


@dataclass
class Ward:
    folder: Path
    ledger: Ledger
    broken: list[str]


def generate(folder: Path, projects: int) -> Ledger:
    """Make the projects with the shipped question sets cached: loading a set is what takes the
    time, and it is not what these tests are about."""
    with pytest.MonkeyPatch.context() as mp:
        cached = functools.lru_cache(maxsize=None)(pcpv.questions.load_builtin)
        mp.setattr(pcpv.questions, "load_builtin", cached)
        mp.setattr(pcpv.project, "load_builtin", cached)
        return make_ward(folder, projects)


@pytest.fixture(scope="session")
def ward(tmp_path_factory: pytest.TempPathFactory) -> Ward:
    """50 generated projects plus 2 broken ones."""
    folder = tmp_path_factory.mktemp("ward")
    ledger = generate(folder, 50)
    broken = add_broken_projects(folder)
    return Ward(folder, ledger, broken)


@pytest.fixture
def small_ward(tmp_path: Path) -> Ward:
    """3 generated projects (one of each meeting kind), for tests of behaviour, not counts."""
    folder = tmp_path / "small-ward"
    folder.mkdir()
    return Ward(folder, generate(folder, 3), [])


@pytest.fixture(scope="session")
def ward_report(ward: Ward, tmp_path_factory: pytest.TempPathFactory) -> ReportResult:
    """The report over the generated ward, counts only (no words), by quarter."""
    out = tmp_path_factory.mktemp("report") / "out"
    return make_report(ward.folder, out, salt=SALT)


@pytest.fixture(scope="session")
def ward_words_report(ward: Ward, tmp_path_factory: pytest.TempPathFactory) -> ReportResult:
    """The same ward by month, quoting words from the projects that allow it."""
    out = tmp_path_factory.mktemp("report") / "words"
    return make_report(ward.folder, out, salt=SALT, include_words=True, by=Period.MONTH)
