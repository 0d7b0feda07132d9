"""Measuring words with font metrics and cutting them into slides that fit."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pcpv.deck import fit, layout, theme

WIDTH = 480.0
HEIGHT = 300.0

WELSH = (
    "Dw i'n hoffi mynd am dro i'r parc gyda fy ngweithiwr allweddol bob dydd Mawrth. "
    "Rydw i eisiau byw yn Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch gyda fy mam. "
    "Mae'r ward yn swnllyd yn y nos ac rwy'n methu cysgu'n dda."
)
POLISH = (
    "Lubię grać w piłkę nożną z przyjaciółmi w ogrodzie szpitala. Chciałbym pojechać do "
    "Świętochłowic, żeby zobaczyć moją rodzinę. Najważniejsze jest dla mnie bezpieczeństwo "
    "i spokój, a także możliwość wychodzenia na spacery."
)
URDU = (
    "مجھے فٹ بال کھیلنا بہت پسند ہے اور میں ہر ہفتے اپنے دوستوں کے ساتھ باغ میں کھیلتا ہوں۔ "
    "میں اپنی امی سے زیادہ ملنا چاہتا ہوں۔ رات کو وارڈ میں بہت شور ہوتا ہے اور مجھے نیند نہیں آتی۔"
)


def test_widths_come_from_the_arial_metric_twin():
    regular = fit.metrics()
    # Liberation Sans has Arial's advance widths: "M" is 1706 and a space 569 of 2048 units.
    assert regular.width_pt("M", 2048) == pytest.approx(1706)
    assert regular.width_pt(" ", 2048) == pytest.approx(569)
    assert fit.metrics(bold=True).width_pt("Hello", 32) > regular.width_pt("Hello", 32)
    assert regular.line_em == pytest.approx((1854 + 434 + 67) / 2048)


def test_missing_glyphs_are_counted_wide_and_marks_take_no_room():
    urdu_letter = "ک"
    assert ord(urdu_letter) not in fit.metrics().advances
    assert fit.metrics().width_pt(urdu_letter, 10) == pytest.approx(fit.FALLBACK_EM * 10)
    assert fit.metrics().width_pt("\u064e", 10) == 0  # Arabic fatha, a combining mark


def test_wrap_breaks_at_spaces_and_keeps_every_word():
    text = "I like going to the gym on Tuesdays with my key worker and my friend Jo."
    lines = fit.wrap(text, 300, 32)
    assert len(lines) > 1
    assert " ".join(lines) == text
    for line in lines:
        assert fit.metrics().width_pt(line, 32) <= 300 * fit.SAFETY


def test_a_word_wider_than_the_box_is_cut_between_letters():
    word = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch"
    lines = fit.wrap(word, 200, 32)
    assert len(lines) > 2
    assert "".join(lines) == word
    assert all(fit.metrics().width_pt(line, 32) <= 200 * fit.SAFETY for line in lines)


def test_explicit_line_breaks_start_new_lines():
    assert fit.wrap("one\ntwo", 500, 32) == ["one", "two"]


def test_right_to_left_text_is_recognised():
    assert fit.is_rtl(URDU)
    assert not fit.is_rtl(WELSH)
    assert not fit.is_rtl("Sam: " + URDU[:3])  # mostly Latin letters


def _check_pages(pages: list[fit.Page], box: fit.Box) -> None:
    pitch = fit.line_pitch_pt(box.size_pt)
    gap = fit.paragraph_gap_pt(box.size_pt)
    for page in pages:
        measured = sum(len(fit.wrap(p, box.width_pt, box.size_pt)) for p in page.paragraphs)
        assert measured == page.lines
        assert page.lines <= box.max_lines
        assert len(page.paragraphs) <= box.max_ideas
        height = page.lines * pitch + max(0, len(page.paragraphs) - 1) * gap
        assert height <= box.room_pt + 0.01


@pytest.mark.parametrize("text", [WELSH, POLISH, URDU], ids=["welsh", "polish", "urdu"])
def test_other_languages_are_cut_into_slides_that_fit(text):
    box = fit.Box(WIDTH, HEIGHT, theme.BODY_PT, reserved_lines=1, reserved_ideas=1)
    pages = fit.paginate([text, text], box)
    assert len(pages) >= 2
    _check_pages(pages, box)
    joined = " ".join(p for page in pages for p in page.paragraphs)
    assert joined.split() == (text + " " + text).split()


def test_a_very_long_answer_is_cut_after_sentences():
    sentence = "I want to go to college to learn to cook."
    pages = fit.paginate([" ".join([sentence] * 30)], fit.Box(WIDTH, HEIGHT))
    assert len(pages) > 3
    for page in pages:
        assert page.paragraphs[0].startswith("I want")
        assert page.paragraphs[-1].endswith("cook.")


def test_pages_never_hold_more_ideas_than_easy_read_allows():
    paragraphs = [f"Line {n}." for n in range(1, 8)]
    pages = fit.paginate(paragraphs, fit.Box(WIDTH, HEIGHT, reserved_ideas=1))
    assert [len(p.paragraphs) for p in pages] == [2, 2, 2, 1]
    assert pages[1].sources == ((2, True), (3, True))


def test_nothing_to_say_gives_one_empty_page():
    assert fit.paginate(["  ", ""], fit.Box(WIDTH, HEIGHT)) == [fit.Page((), 0, ())]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.text(
            alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzłżśćźńŵŷبہتنید  .!?")),
            min_size=0,
            max_size=400,
        ),
        min_size=0,
        max_size=6,
    ),
    st.floats(min_value=150, max_value=900),
)
def test_any_words_fit_and_none_are_lost(paragraphs, width):
    box = fit.Box(width, HEIGHT, reserved_lines=1, reserved_ideas=1)
    pages = fit.paginate(paragraphs, box)
    _check_pages(pages, box)
    words_in = " ".join(paragraphs).split()
    words_out = " ".join(p for page in pages for p in page.paragraphs).split()
    # Words are never changed, only a word longer than a whole slide is cut between letters.
    long_words = [w for w in words_in if len(fit.wrap(w, width, box.size_pt)) > box.max_lines]
    if not long_words:
        assert words_out == words_in
    assert "".join(words_out) == "".join(words_in)


def test_titles_shrink_to_the_minimum_and_no_further():
    width = layout.title_text_width_pt()
    size, lines = fit.fit_title("Am I safe?", width, 2)
    assert (size, lines) == (theme.TITLE_PT, ["Am I safe?"])
    long_title = "Do I know which section I am on? A section is the law that keeps me here. " * 3
    size, lines = fit.fit_title(long_title, width, 2)
    assert size == theme.MIN_TITLE_PT
    assert len(lines) > 2


def test_a_long_caption_is_shortened_after_whole_words():
    caption = "Me and my key worker at the seaside on a windy day in the summer holidays " * 4
    short = fit.shorten(caption, 300, 32, 3)
    assert short.endswith("…") and len(fit.wrap(short, 300, 32)) <= 3
    assert caption.startswith(short[:-1])
    assert fit.shorten("A short caption", 300, 32, 3) == "A short caption"


def test_font_metrics_are_read_once_however_they_are_asked_for(monkeypatch):
    loads: list[object] = []
    real_load = fit.FontMetrics.load.__func__

    def counting(cls, path):
        loads.append(path)
        return real_load(cls, path)

    fit._metrics.cache_clear()
    monkeypatch.setattr(fit.FontMetrics, "load", classmethod(counting))
    for _ in range(5):
        assert fit.metrics() is fit.metrics(bold=False)
        fit.metrics(bold=True)
    assert sorted(str(p) for p in loads) == sorted([str(fit.REGULAR_FONT), str(fit.BOLD_FONT)])
    fit._metrics.cache_clear()
