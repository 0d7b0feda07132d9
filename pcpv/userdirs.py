"""Where pcpv keeps things that are *not* patient data: settings and caches.

Patient data lives only in the project folder. What goes here is the user's list of symbol sets and
recent project folders (paths only) and rasterised symbol pictures, which are public artwork.
``PCPV_CONFIG_DIR`` and ``PCPV_CACHE_DIR`` override the places (tests point them at a temp folder).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from pcpv.safe_io import make_private_dir

APP_NAME = "pcpv"


def config_dir() -> Path:
    """The user's pcpv settings folder, created owner-only on first use."""
    override = os.environ.get("PCPV_CONFIG_DIR")
    path = (
        Path(override)
        if override
        else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    )
    make_private_dir(path)
    return path


def cache_dir() -> Path:
    """The user's pcpv cache folder (symbol pictures), created owner-only on first use."""
    override = os.environ.get("PCPV_CACHE_DIR")
    path = (
        Path(override) if override else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    )
    make_private_dir(path)
    return path
