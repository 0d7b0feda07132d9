"""Every deck rule: a deck that breaks it, and one that passes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Inches, Pt

from pcpv.check import RULES, Severity, check_deck
from pcpv.deck import theme

from . import decks
from .decks import A_NS, P_NS


def rules(report) -> dict[str, list]:
    found: dict[str, list] = {}
    for f in report.findings:
        found.setdefault(f.rule, []).append(f)
    return found


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    return decks.clean_deck(tmp_path / "clean.pptx")


def test_clean_deck_has_no_findings_at_all(clean: Path):
    report = check_deck(clean)
    assert report.unreadable == ""
    assert report.slides == 3
    assert report.findings == []
    assert report.exit_code == 0


# -- pictures and objects ------------------------------------------------------------------------
def test_picture_without_alt_text_is_an_error(tmp_path: Path):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "My room", None, layout=decks.TITLE_ONLY)
    pic = decks.add_picture(slide, alt="")
    report = check_deck(decks.save(prs, tmp_path / "d.pptx"))
    [finding] = rules(report)["alt-missing"]
    assert finding.severity is Severity.ERROR
    assert finding.slide == 1
    assert finding.shape == pic.name and finding.shape_id == pic.shape_id
    assert finding.fix
    assert report.exit_code == 1


def test_decorative_picture_needs_no_alt_text(tmp_path: Path):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "My room", None, layout=decks.TITLE_ONLY)
    decks.mark_decorative(decks.add_picture(slide, alt=""))
    assert "alt-missing" not in check_deck(decks.save(prs, tmp_path / "d.pptx")).rules_found()


@pytest.mark.parametrize("alt", ["image.png", "IMG_2041.JPG", "Picture 3", "photo.heic"])
def test_file_name_as_alt_text_is_an_error(tmp_path: Path, alt: str):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "My room", None, layout=decks.TITLE_ONLY)
    decks.add_picture(slide, alt=alt)
    [finding] = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))["alt-file-name"]
    assert finding.excerpt == alt


def test_python_pptx_default_alt_text_is_caught(tmp_path: Path):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "My room", None, layout=decks.TITLE_ONLY)
    decks.add_picture(slide, alt=None)  # python-pptx writes "image.png"
    assert "alt-file-name" in check_deck(decks.save(prs, tmp_path / "d.pptx")).rules_found()


def test_words_that_mention_a_picture_are_not_a_file_name(tmp_path: Path):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "My room", None, layout=decks.TITLE_ONLY)
    decks.add_picture(slide, alt="A picture of my bed with a blue cover")
    assert check_deck(decks.save(prs, tmp_path / "d.pptx")).findings == []


def test_computer_written_alt_text_is_flagged(tmp_path: Path):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "My room", None, layout=decks.TITLE_ONLY)
    decks.add_picture(slide, alt="A bus on a road\n\nDescription automatically generated")
    [finding] = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))["alt-generated"]
    assert finding.severity is Severity.WARNING


def test_chart_needs_alt_text(tmp_path: Path):
    prs = decks.new_presentation()
    decks.chart_slide(prs, alt=None)
    decks.chart_slide(prs, alt="My points went up from 3 to 5")
    found = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))
    assert [f.slide for f in found["alt-missing"]] == [1]
    assert "chart" in found["alt-missing"][0].message


def test_group_of_pictures_without_alt_text_is_a_warning(tmp_path: Path):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "My things", None, layout=decks.TITLE_ONLY)
    group = slide.shapes.add_group_shape()
    decks.add_picture(group, alt="A cup")
    decks.add_picture(group, alt="A plate", left=Inches(4))
    [finding] = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))["alt-missing"]
    assert finding.severity is Severity.WARNING and finding.shape == group.name


def test_picture_inside_a_group_is_checked(tmp_path: Path):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "My things", None, layout=decks.TITLE_ONLY)
    group = slide.shapes.add_group_shape()
    inner = decks.add_picture(group, alt="")
    decks.add_words(group, "My cup")
    found = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))
    assert [f.shape for f in found["alt-missing"]] == [inner.name]


def test_filled_shape_without_words_is_a_warning_but_a_line_is_not(tmp_path: Path):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "Shapes", None, layout=decks.TITLE_ONLY)
    star = slide.shapes.add_shape(
        MSO_SHAPE.STAR_5_POINT, Inches(1), Inches(2), Inches(1), Inches(1)
    )
    slide.shapes.add_connector(1, Inches(1), Inches(4), Inches(5), Inches(4))
    [finding] = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))["alt-missing"]
    assert finding.shape == star.name and finding.severity is Severity.WARNING


def test_media_without_words_is_an_error(tmp_path: Path):
    prs = decks.new_presentation()
    for alt in ("", "Sam singing a song about the ward"):
        slide = decks.add_slide(prs, f"My song {len(alt)}", None, layout=decks.TITLE_ONLY)
        movie = slide.shapes.add_movie(
            io.BytesIO(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64),
            Inches(1),
            Inches(2),
            Inches(4),
            Inches(3),
            poster_frame_image=io.BytesIO(decks.png_bytes()),
            mime_type="video/mp4",
        )
        decks.set_alt(movie, alt)
    found = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))
    assert [f.slide for f in found["media-no-words"]] == [1]
    assert "alt-missing" not in found


# -- titles and reading order --------------------------------------------------------------------
def test_slide_without_title_is_an_error(tmp_path: Path):
    prs = decks.new_presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[decks.BLANK])
    decks.add_words(slide, "I like it here.")
    decks.add_slide(prs, "This one has a title", None, layout=decks.TITLE_ONLY)
    found = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))
    assert [f.slide for f in found["title-missing"]] == [1]


def test_empty_title_placeholder_counts_as_no_title(tmp_path: Path):
    prs = decks.new_presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[decks.TITLE_ONLY])
    decks.add_words(slide, "Words")
    assert "title-missing" in check_deck(decks.save(prs, tmp_path / "d.pptx")).rules_found()


def test_duplicate_titles_are_flagged_on_the_later_slide(tmp_path: Path):
    prs = decks.new_presentation()
    for title in ("My day", "My week", "my  day"):
        decks.add_slide(prs, title, None, layout=decks.TITLE_ONLY)
    found = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))
    assert [f.slide for f in found["title-duplicate"]] == [3]
    assert "slide 1" in found["title-duplicate"][0].message


def test_reading_order_must_start_with_the_title(tmp_path: Path):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "My room", None, layout=decks.TITLE_ONLY)
    words = decks.add_words(slide, "I have a bed.")
    tree = slide.shapes._spTree
    title = slide.shapes.title._element
    tree.remove(title)
    tree.append(title)
    [finding] = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))["reading-order"]
    assert finding.shape == words.name


def test_decorative_background_before_title_is_fine(tmp_path: Path):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "My room", None, layout=decks.TITLE_ONLY)
    pic = decks.add_picture(slide, alt="", left=Inches(7), top=Inches(6), width=Inches(1))
    decks.mark_decorative(pic)
    tree = slide.shapes._spTree
    tree.remove(pic._element)
    tree.insert(2, pic._element)
    assert check_deck(decks.save(prs, tmp_path / "d.pptx")).findings == []


# -- text size, style, contrast ------------------------------------------------------------------
def test_small_body_text_is_an_error_and_big_text_passes(tmp_path: Path):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "Sizes", None, layout=decks.TITLE_ONLY)
    decks.add_words(slide, "Too small.", size=theme.MIN_BODY_PT - 4, top=Inches(2))
    decks.add_words(slide, "Big enough.", size=theme.MIN_BODY_PT, top=Inches(4))
    [finding] = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))["text-too-small"]
    assert finding.severity is Severity.ERROR
    assert f"{theme.MIN_BODY_PT - 4} pt" in finding.message


def test_title_between_body_and_title_size_is_a_warning(tmp_path: Path):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "Small title", None, layout=decks.TITLE_ONLY)
    slide.shapes.title.text_frame.paragraphs[0].runs[0].font.size = Pt(theme.MIN_TITLE_PT - 2)
    [finding] = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))["text-too-small"]
    assert finding.severity is Severity.WARNING


def test_size_inherited_from_the_master_is_used(tmp_path: Path):
    # python-pptx's master: level-1 body text 32 pt, level-3 text 24 pt. No size on the runs.
    prs = decks.new_presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[decks.TITLE_AND_CONTENT])
    slide.shapes.title.text = "Levels"
    frame = slide.placeholders[1].text_frame
    frame.text = "Big point"
    deep = frame.add_paragraph()
    deep.text = "Small sub point"
    deep.level = 2
    [finding] = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))["text-too-small"]
    assert "24 pt" in finding.message


def test_shrink_on_overflow_makes_text_small(tmp_path: Path):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "Shrunk", None, layout=decks.TITLE_ONLY)
    box = decks.add_words(slide, "Shrunk words", size=32)
    body_pr = box.text_frame._txBody.find(f"{{{A_NS}}}bodyPr")
    etree.SubElement(body_pr, f"{{{A_NS}}}normAutofit", fontScale="62500")
    [finding] = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))["text-too-small"]
    assert "20 pt" in finding.message


@pytest.mark.parametrize(
    ("colour", "rule"),
    [("AAAAAA", "contrast-low"), ("767676", "contrast-below-target"), ("1A1A1A", None)],
)
def test_text_contrast_against_white(tmp_path: Path, colour: str, rule: str | None):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "Colours", None, layout=decks.TITLE_ONLY)
    decks.add_words(slide, "Grey words", colour=colour)
    found = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))
    contrast = {r for r in found if r.startswith("contrast")}
    assert contrast == ({rule} if rule else set())
    if rule:
        assert f"#{colour}" in found[rule][0].message and "#FFFFFF" in found[rule][0].message


def test_contrast_uses_the_master_background(tmp_path: Path):
    prs = decks.new_presentation()
    decks.add_slide(prs, "Dark", None, layout=decks.TITLE_ONLY)
    master = prs.slide_masters[0]
    master.background.fill.solid()
    master.background.fill.fore_color.rgb = RGBColor(0x10, 0x10, 0x10)
    found = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))
    # Default text is the theme's dark 1 (black): black on near-black.
    [finding] = found["contrast-low"]
    assert "#101010" in finding.message and "#000000" in finding.message


def test_contrast_of_theme_colour_text(tmp_path: Path):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "Theme", None, layout=decks.TITLE_ONLY)
    box = decks.add_words(slide, "Yellow words")
    box.text_frame.paragraphs[0].runs[0].font.color.theme_color = MSO_THEME_COLOR.BACKGROUND_2
    found = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))
    assert "contrast-low" in found


def test_default_autoshape_white_text_on_accent_fill_is_judged(tmp_path: Path):
    # PowerPoint's default shape style: accent 1 fill, light 1 (white) text from p:style.
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "Button", None, layout=decks.TITLE_ONLY)
    shape = slide.shapes.add_shape(
        MSO_SHAPE.ROUNDED_RECTANGLE, Inches(1), Inches(2), Inches(4), Inches(2)
    )
    shape.text_frame.text = "Press me"
    shape.text_frame.paragraphs[0].runs[0].font.size = Pt(32)
    found = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))
    [finding] = found["contrast-low"]
    assert "#FFFFFF" in finding.message
    # Dark text on a pale fill passes.
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor(0xFF, 0xF8, 0xE7)
    shape.text_frame.paragraphs[0].runs[0].font.color.rgb = RGBColor(0x1A, 0x1A, 0x1A)
    assert not {
        r
        for r in rules(check_deck(decks.save(prs, tmp_path / "e.pptx")))
        if r.startswith("contrast")
    }


def test_text_on_a_filled_shape_behind_it_uses_that_fill(tmp_path: Path):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "Panel", None, layout=decks.TITLE_ONLY)
    panel = slide.shapes.add_shape(
        MSO_SHAPE.RECTANGLE, Inches(4), Inches(1.5), Inches(6), Inches(3)
    )
    panel.fill.solid()
    panel.fill.fore_color.rgb = RGBColor(0x20, 0x20, 0x60)
    decks.mark_decorative(panel)
    decks.add_words(slide, "Dark on dark", colour="101010")
    [finding] = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))["contrast-low"]
    assert "#202060" in finding.message


@pytest.mark.parametrize(("attr", "rule"), [("italic", "italic"), ("underline", "underline")])
def test_italic_and_underline_are_flagged(tmp_path: Path, attr: str, rule: str):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "Style", None, layout=decks.TITLE_ONLY)
    box = decks.add_words(slide, "Slanted words")
    setattr(box.text_frame.paragraphs[0].runs[0].font, attr, True)
    [finding] = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))[rule]
    assert finding.excerpt == "Slanted words"


def test_capitals_by_formatting_and_by_typing(tmp_path: Path):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "Caps", None, layout=decks.TITLE_ONLY)
    box = decks.add_words(slide, "Quiet words")
    box.text_frame.paragraphs[0].runs[0]._r.get_or_add_rPr().set("cap", "all")
    slide2 = decks.add_slide(prs, "Caps typed", None, layout=decks.TITLE_ONLY)
    decks.add_words(slide2, "WELCOME TO MY MEETING")
    found = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))
    assert sorted(f.slide for f in found["capitals"]) == [1, 2]


def test_too_many_ideas_on_a_slide(tmp_path: Path):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "Lots", None, layout=decks.TITLE_ONLY)
    decks.add_words(slide, "\n".join(f"Point {n}." for n in range(theme.MAX_IDEAS_PER_SLIDE + 1)))
    ok = decks.add_slide(prs, "Few", None, layout=decks.TITLE_ONLY)
    decks.add_words(ok, "\n".join(f"Point {n}." for n in range(theme.MAX_IDEAS_PER_SLIDE)))
    found = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))
    assert [f.slide for f in found["too-many-ideas"]] == [1]


def test_patient_words_are_never_corrected_on_a_slide(tmp_path: Path):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "What I said", None, layout=decks.TITLE_ONLY)
    said = (
        "The MDT said my s17 leave was stopped and I was told three different things by "
        "everybody on the ward which was not fair"
    )
    decks.add_words(slide, said, name=f"{theme.PATIENT_WORDS_SHAPE} 1")
    found = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))
    assert set(found) == {"patient-words"}
    assert all(f.severity is Severity.INFO for f in found["patient-words"])
    # The same words written by staff get the text rules.
    staff = decks.add_slide(prs, "Staff words", None, layout=decks.TITLE_ONLY)
    decks.add_words(staff, said)
    found = rules(check_deck(decks.save(prs, tmp_path / "e.pptx")))
    assert {"sentence-long", "jargon", "passive", "number-words"} <= set(found)


def test_text_over_a_picture(tmp_path: Path):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "Over", None, layout=decks.TITLE_ONLY)
    decks.add_picture(slide, left=Inches(1), top=Inches(2), width=Inches(5))
    words = decks.add_words(slide, "On the photo", left=Inches(2), top=Inches(3))
    [finding] = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))["text-over-picture"]
    assert finding.shape == words.name


def test_picture_on_top_of_words_is_not_text_over_picture(tmp_path: Path):
    # Words drawn first, picture later: the picture hides the words, the words are not on it.
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "Beside", None, layout=decks.TITLE_ONLY)
    decks.add_words(slide, "Beside the photo", left=Inches(5), top=Inches(2))
    decks.add_picture(slide, left=Inches(0.5), top=Inches(2), width=Inches(4))
    assert "text-over-picture" not in check_deck(decks.save(prs, tmp_path / "d.pptx")).rules_found()


def test_placeholder_without_position_inherits_it_from_the_layout(tmp_path: Path):
    # The body placeholder has no a:xfrm on the slide; its box comes from the layout and covers
    # the full-slide picture placed behind it.
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "Photo", "Words on the body", layout=decks.TITLE_AND_CONTENT)
    body = slide.placeholders[1]
    assert body._element.find(f"{{{P_NS}}}spPr").find(f"{{{A_NS}}}xfrm") is None
    pic = decks.add_picture(slide, left=0, top=0, width=prs.slide_width)
    tree = slide.shapes._spTree
    tree.remove(pic._element)
    tree.insert(3, pic._element)
    [finding] = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))["text-over-picture"]
    assert finding.shape == body.name


def test_picture_background_under_words(tmp_path: Path):
    source = decks.clean_deck(tmp_path / "c.pptx", slides=1)
    bg = (
        b'<p:bg><p:bgPr><a:blipFill><a:blip r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch>'
        b"</a:blipFill><a:effectLst/></p:bgPr></p:bg>"
    )
    target = decks.rewrite(
        source,
        tmp_path / "d.pptx",
        {"ppt/slides/slide1.xml": lambda d: d.replace(b"<p:cSld>", b"<p:cSld>" + bg, 1)},
    )
    found = rules(check_deck(target))
    assert "text-over-picture" in found
    assert not {r for r in found if r.startswith("contrast")}


# -- behaviour and metadata ----------------------------------------------------------------------
def test_slide_that_advances_by_itself(tmp_path: Path):
    source = decks.clean_deck(tmp_path / "c.pptx", slides=2)
    transition = b'<p:transition spd="slow" advTm="5000"/>'
    target = decks.rewrite(
        source,
        tmp_path / "d.pptx",
        {
            "ppt/slides/slide2.xml": lambda d: d.replace(
                b"</p:clrMapOvr>", b"</p:clrMapOvr>" + transition
            ),
            "ppt/slides/slide1.xml": lambda d: d.replace(
                b"</p:clrMapOvr>", b'</p:clrMapOvr><p:transition spd="slow"/>'
            ),
        },
    )
    found = rules(check_deck(target))
    assert [f.slide for f in found["auto-advance"]] == [2]


def test_text_without_language(tmp_path: Path):
    source = decks.clean_deck(tmp_path / "c.pptx", slides=2)
    target = decks.edit_all_xml(source, tmp_path / "d.pptx", decks.sub(r' lang="[^"]*"', ""))
    [finding] = rules(check_deck(target))["language-missing"]
    assert "1, 2" in finding.message


def test_language_on_the_run_alone_is_enough(tmp_path: Path):
    source = decks.clean_deck(tmp_path / "c.pptx", slides=1)
    no_lang = decks.edit_all_xml(source, tmp_path / "n.pptx", decks.sub(r' lang="[^"]*"', ""))
    target = decks.edit_all_xml(
        no_lang, tmp_path / "d.pptx", decks.sub(r"<a:rPr ", '<a:rPr lang="en-GB" ')
    )
    assert "language-missing" not in check_deck(target).rules_found()


def test_person_named_in_document_properties(tmp_path: Path):
    prs = decks.new_presentation()
    decks.add_slide(prs, "Hello", None, layout=decks.TITLE_ONLY)
    prs.core_properties.author = "Jane Nurse"
    found = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))
    [finding] = found["person-in-properties"]
    assert finding.excerpt == "Jane Nurse"
    prs.core_properties.author = "python-pptx"
    assert (
        "person-in-properties" not in check_deck(decks.save(prs, tmp_path / "e.pptx")).rules_found()
    )


def test_comment_authors_count_as_names(tmp_path: Path):
    source = decks.clean_deck(tmp_path / "c.pptx", slides=1)
    authors = (
        f'<p:cmAuthorLst xmlns:p="{P_NS}"><p:cmAuthor id="0" name="Dr Who" initials="DW" '
        'lastIdx="1" clrIdx="0"/></p:cmAuthorLst>'
    ).encode()
    target = decks.rewrite(source, tmp_path / "d.pptx", {}, add={"ppt/commentAuthors.xml": authors})
    [finding] = rules(check_deck(target))["person-in-properties"]
    assert finding.excerpt == "Dr Who"


def test_document_without_title_gets_a_note(tmp_path: Path):
    prs = decks.new_presentation()
    prs.core_properties.title = ""
    decks.add_slide(prs, "Hello", None, layout=decks.TITLE_ONLY)
    report = check_deck(decks.save(prs, tmp_path / "d.pptx"))
    [finding] = rules(report)["doc-title-missing"]
    assert finding.severity is Severity.INFO and report.exit_code == 0


def test_table_without_header_and_with_merged_cells(tmp_path: Path):
    prs = decks.new_presentation()
    good = decks.add_slide(prs, "Good table", None, layout=decks.TITLE_ONLY)
    table = good.shapes.add_table(2, 2, Inches(1), Inches(2), Inches(6), Inches(2)).table
    for r in range(2):
        for c in range(2):
            table.cell(r, c).text = f"Cell {r}{c}"
            table.cell(r, c).text_frame.paragraphs[0].runs[0].font.size = Pt(28)
    bad = decks.add_slide(prs, "Bad table", None, layout=decks.TITLE_ONLY)
    frame = bad.shapes.add_table(2, 2, Inches(1), Inches(2), Inches(6), Inches(2))
    frame.table.first_row = False
    frame.table.cell(0, 0).merge(frame.table.cell(0, 1))
    frame.table.cell(1, 0).text = "x"
    frame.table.cell(1, 0).text_frame.paragraphs[0].runs[0].font.size = Pt(28)
    found = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))
    assert [f.slide for f in found["table-header"]] == [2]
    assert [f.slide for f in found["table-merged"]] == [2]


def test_vague_link_text(tmp_path: Path):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "Links", None, layout=decks.TITLE_ONLY)
    box = decks.add_words(slide, "click here")
    box.text_frame.paragraphs[0].runs[0].hyperlink.address = "https://example.org/guide"
    good = decks.add_slide(prs, "Good link", None, layout=decks.TITLE_ONLY)
    box = decks.add_words(good, "Mencap guide")
    box.text_frame.paragraphs[0].runs[0].hyperlink.address = "https://example.org/guide"
    found = rules(check_deck(decks.save(prs, tmp_path / "d.pptx")))
    assert [f.slide for f in found["link-text"]] == [1]
    assert "underline" not in found


def test_default_section_name(tmp_path: Path):
    source = decks.clean_deck(tmp_path / "c.pptx", slides=1)
    sections = (
        b'<p:extLst><p:ext uri="{521415D9-36F7-43E2-AB2F-B90AF26B5E84}">'
        b'<p14:sectionLst xmlns:p14="http://schemas.microsoft.com/office/powerpoint/2010/main">'
        b'<p14:section name="Default Section" id="{A1B2C3D4-0000-0000-0000-000000000001}">'
        b"<p14:sldIdLst/></p14:section>"
        b'<p14:section name="About me" id="{A1B2C3D4-0000-0000-0000-000000000002}"><p14:sldIdLst/></p14:section>'
        b'<p14:section name="My week" id="{A1B2C3D4-0000-0000-0000-000000000003}"><p14:sldIdLst/></p14:section>'
        b"</p14:sectionLst></p:ext></p:extLst>"
    )
    target = decks.rewrite(
        source,
        tmp_path / "d.pptx",
        {
            "ppt/presentation.xml": lambda d: d.replace(
                b"</p:presentation>", sections + b"</p:presentation>"
            )
        },
    )
    [finding] = rules(check_deck(target))["section-name"]
    assert finding.excerpt == "Default Section"
    # Two sections with one name are flagged too; "About me" and "My week" pass.
    twice = decks.rewrite(
        target, tmp_path / "e.pptx", {"ppt/presentation.xml": decks.sub("My week", "About me")}
    )
    assert [f.excerpt for f in rules(check_deck(twice))["section-name"]] == [
        "Default Section",
        "About me",
    ]


def test_every_deck_rule_is_in_the_rule_table():
    from pcpv.check import deck_rules

    source = Path(deck_rules.__file__).read_text()
    for rule in RULES.values():
        if rule.scope == "deck":
            assert f'"{rule.id}"' in source, rule.id


def test_video_without_captions_gets_a_note(tmp_path: Path):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "My video", None, layout=decks.TITLE_ONLY)
    movie = slide.shapes.add_movie(
        io.BytesIO(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64),
        Inches(1),
        Inches(2),
        Inches(4),
        Inches(3),
        poster_frame_image=io.BytesIO(decks.png_bytes()),
        mime_type="video/mp4",
    )
    decks.set_alt(movie, "Sam playing football on the field")
    source = decks.save(prs, tmp_path / "d.pptx")
    report = check_deck(source)
    [note] = rules(report)["video-captions"]
    assert note.severity is Severity.INFO and report.exit_code == 0
    rel = (
        b'<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2007/relationships/media" '
        b'Target="../media/captions1.vtt"/></Relationships>'
    )
    with_captions = decks.rewrite(
        source,
        tmp_path / "c.pptx",
        {"ppt/slides/_rels/slide1.xml.rels": lambda d: d.replace(b"</Relationships>", rel)},
        add={"ppt/media/captions1.vtt": b"WEBVTT\n\n00:00.000 --> 00:01.000\nGoal!\n"},
    )
    assert "video-captions" not in check_deck(with_captions).rules_found()
