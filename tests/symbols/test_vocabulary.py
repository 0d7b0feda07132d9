"""pcpv's own vocabulary in symbols/: big enough, consistent, and every code drawable."""

from __future__ import annotations

from pathlib import Path

from pcpv.resources import symbols_dir
from pcpv.symbols.sets import openmoji_svg_dir
from pcpv.symbols.vocabulary import load_vocabulary

TOPICS = {
    "feelings", "people", "places", "ward life", "food", "health", "activities",
    "family", "leave", "rights", "time", "meeting",
}  # fmt: skip


def test_shipped_vocabulary_is_clean_and_large():
    vocab = load_vocabulary(symbols_dir())
    assert vocab.problems == []
    assert len(vocab.topics) >= 400, "at least 400 head words and phrases"
    assert set(vocab.topics.values()) >= TOPICS
    phrases = [t for t in vocab.topics if " " in t]
    assert len(phrases) >= 60, "multi-word phrases such as 'care plan' are part of it"


def test_every_code_is_an_openmoji_svg():
    vocab = load_vocabulary(symbols_dir())
    folder = openmoji_svg_dir()
    codes = {code for hits in vocab.terms.values() for code, _ in hits}
    missing = sorted(c for c in codes if not (folder / f"{c}.svg").is_file())
    assert missing == []


def test_vocabulary_has_no_copied_keyword_files():
    # Our words are written by us; nothing but our topic files and README lives here.
    names = {p.suffix for p in symbols_dir().iterdir() if not p.name.startswith(".")}
    assert names <= {".yaml", ".md"}


def test_problems_in_a_vocabulary_file_are_reported_and_good_entries_kept(tmp_path: Path):
    (tmp_path / "bad.yaml").write_text(
        "topic: test\n"
        "words:\n"
        "  good: {symbol: 1F600, also: [fine]}\n"
        "  no: {symbol: 274C}\n"  # YAML reads this key as False
        "  nosymbol: {also: [x]}\n"
        "  badcode: {symbol: not-a-code}\n"
        "  again: {symbol: 1F600, also: [good]}\n",
        encoding="utf-8",
    )
    (tmp_path / "broken.yaml").write_text("words: [unclosed\n", encoding="utf-8")
    vocab = load_vocabulary(tmp_path)
    messages = " | ".join(p.message for p in vocab.problems)
    assert "put it in quotes" in messages
    assert "needs 'symbol:'" in messages
    assert "'good' is listed under 'good' too" in messages
    assert "could not be read" in messages
    assert vocab.terms["good"] == [("1F600", "good")]
    assert vocab.terms["fine"] == [("1F600", "good")]
    assert {p.file.name for p in vocab.problems} == {"bad.yaml", "broken.yaml"}
