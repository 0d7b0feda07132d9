"""Fixtures for deck tests: a project with every kind of answer and media, built once per module."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from pcpv.deck.symbols import FolderSymbols
from pcpv.model import WordsBy
from pcpv.project import Project

from . import media_factory as mf
from conftest import make_info

SYMBOL_WORDS = ["football", "music", "garden", "safe", "me", "thank you", "college", "home"]


@dataclass
class Sample:
    """A project folder, the files it was made from, and its symbol folder."""

    root: Path
    inputs: Path
    symbols: FolderSymbols


def make_symbols(folder: Path, licence: str = "CC BY-SA 4.0") -> FolderSymbols:
    folder.mkdir(parents=True, exist_ok=True)
    for word in SYMBOL_WORDS:
        mf.symbol(folder / f"{word}.png")
    return FolderSymbols(folder, set_name="Test Symbols", licence=licence)


def make_sample(base: Path) -> Sample:
    """Sam's CTR project: words by Sam and by staff, a choice, symbols, 2 photos (one EXIF-rotated,
    both with GPS), a photo used twice, WAV/MP3/M4A sounds, a video, a long answer."""
    inputs = base / "inputs"
    inputs.mkdir(parents=True)
    mf.photo(inputs / "IMG_0001.jpg", (1200, 900), orientation=6)
    mf.photo(inputs / "IMG_0002.jpg", (900, 1200), colour=(200, 60, 60))
    mf.wav(inputs / "name.wav")
    mf.encoded_sound(inputs / "song.mp3")
    mf.encoded_sound(inputs / "thanks.m4a")
    mf.video(inputs / "football.mp4")
    root = base / "sam"
    Project.create(root, make_info())
    with Project.open_for_writing(root) as p:
        p.set_words("my-name", "Sam. My friends call me Sammy.")
        p.add_media("my-name", inputs / "name.wav", caption="Me saying my name")
        p.set_words("things-i-like", "I like football.\nI like music.\nI like my garden.")
        p.set_symbols("things-i-like", ["football", "music", "garden"])
        p.add_media("things-i-like", inputs / "IMG_0001.jpg", caption="Me at the football match")
        p.add_media("things-i-like", inputs / "IMG_0002.jpg", caption="My guitar")
        p.add_media("things-i-like", inputs / "football.mp4", caption="Me playing football")
        p.add_media("things-i-like", inputs / "song.mp3", caption="My favourite song")
        p.set_words("feel-safe", "I feel safe on the ward most days.", WordsBy.PATIENT)
        p.set_choice("feel-safe", "Sometimes")
        p.set_symbols("feel-safe", ["safe"])
        p.set_words("held-or-apart", "Sam said it was scary when it happened.", WordsBy.STAFF)
        p.set_words("before-i-leave", "I need to show I can keep calm. " * 12)
        p.set_words("good-home", "A house with a garden.")
        p.add_media("good-home", inputs / "IMG_0001.jpg", caption="A garden I like")
        p.set_words("want-next", "I want to go to college.\nI want to see my mam more.")
        p.add_media("my-thank-you", inputs / "thanks.m4a", caption="A thank you song")
    return Sample(root, inputs, make_symbols(base / "symbols"))


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Sample:
    return make_sample(tmp_path_factory.mktemp("deck"))
