"""The wizard's own settings: recent project folders and how the screen looks.

Neither is patient data: ``recent.yaml`` holds folder paths only, ``wizard.yaml`` the display
choices (high contrast, large spacing). Both live in ``pcpv.userdirs.config_dir()``. A damaged file
is treated as empty rather than stopping the wizard: it only saves a little typing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pcpv.errors import PcpvError
from pcpv.userdirs import config_dir
from pcpv.yaml_io import load_yaml, save_yaml

RECENT_FILE = "recent.yaml"
SETTINGS_FILE = "wizard.yaml"
MAX_RECENT = 10
"""How many project folders the start screen remembers."""


def _read(name: str) -> dict:
    path = config_dir() / name
    if not path.is_file():
        return {}
    try:
        data, _ = load_yaml(path)
    except PcpvError:
        return {}
    return data if isinstance(data, dict) else {}


def load_recent() -> list[Path]:
    """Project folders opened lately, newest first (folders that are gone are left out)."""
    paths = _read(RECENT_FILE).get("recent") or []
    found = [Path(p) for p in paths if isinstance(p, str) and p.strip()]
    return [p for p in dict.fromkeys(found) if p.is_dir()]


def remember_recent(folder: Path) -> None:
    """Put ``folder`` first in the recent list (absolute path only; nothing about the patient)."""
    folder = folder.resolve()
    stored = [Path(p) for p in _read(RECENT_FILE).get("recent") or [] if isinstance(p, str)]
    paths = [folder, *(p for p in stored if p != folder)][:MAX_RECENT]
    save_yaml(
        config_dir() / RECENT_FILE,
        {"recent": [str(p) for p in paths]},
        header="Project folders the pcpv wizard opened lately (paths only).",
    )


@dataclass
class DisplaySettings:
    """How the wizard looks on this computer."""

    high_contrast: bool = False
    """White on black with a yellow focus frame, instead of the calm cream theme."""
    large_spacing: bool = False
    """More room around every button and box, for larger text or less precise pointing."""


def load_settings() -> DisplaySettings:
    data = _read(SETTINGS_FILE)
    return DisplaySettings(
        high_contrast=data.get("high_contrast") is True,
        large_spacing=data.get("large_spacing") is True,
    )


def save_settings(settings: DisplaySettings) -> None:
    save_yaml(
        config_dir() / SETTINGS_FILE,
        {"high_contrast": settings.high_contrast, "large_spacing": settings.large_spacing},
        header="How the pcpv wizard looks on this computer.",
    )
