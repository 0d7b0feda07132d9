"""Fixtures for the symbol tests: private user folders, the shipped library, and the real
Mulberry set that lives beside the checkout (never copied into the repository)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pcpv.resources import symbols_dir
from pcpv.symbols.library import SymbolLibrary, set_from_record
from pcpv.symbols.registry import SetRecord
from pcpv.symbols.sets import SymbolSet, load_openmoji
from pcpv.symbols.vocabulary import load_vocabulary

from .helpers import MULBERRY


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings and caches in this test's tmp folder, never the real user's."""
    monkeypatch.setenv("PCPV_CONFIG_DIR", str(tmp_path / "user-config"))
    monkeypatch.setenv("PCPV_CACHE_DIR", str(tmp_path / "user-cache"))
    return tmp_path


@pytest.fixture(scope="session")
def builtin() -> SymbolSet:
    """OpenMoji plus our vocabulary, read once for the session (read-only in tests)."""
    return load_openmoji(load_vocabulary(symbols_dir()))


@pytest.fixture(scope="session")
def library(builtin: SymbolSet) -> SymbolLibrary:
    """The library a user with no sets of their own gets."""
    return SymbolLibrary([builtin])


@pytest.fixture(scope="session")
def mulberry_path() -> Path:
    if not (MULBERRY / "symbol-info.csv").is_file():
        pytest.skip(f"the Mulberry symbol set is not beside the checkout ({MULBERRY})")
    return MULBERRY


@pytest.fixture(scope="session")
def mulberry_set(mulberry_path: Path) -> SymbolSet:
    return set_from_record(
        SetRecord(
            "mulberry",
            "Mulberry",
            mulberry_path,
            licence="CC BY-SA 4.0",
            credit="Copyright 2018-2026 Steve Lee",
        )
    )


@pytest.fixture(scope="session")
def with_mulberry(mulberry_set: SymbolSet, builtin: SymbolSet) -> SymbolLibrary:
    """Mulberry preferred, then OpenMoji."""
    return SymbolLibrary([mulberry_set, builtin])
