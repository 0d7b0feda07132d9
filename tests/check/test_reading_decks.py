"""Decks from other tools, damaged decks and hostile files: a clear sentence, never a traceback."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pptx.util import Inches, Pt

from pcpv.check import Severity, check_deck
from pcpv.check import package as package_module
from pcpv.check.package import Package, PartError

from . import decks

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:cSld><p:spTree>&lol9;</p:spTree></p:cSld></p:sld>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE p:sld [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:cSld><p:spTree>&xxe;</p:spTree></p:cSld></p:sld>"""


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    return decks.clean_deck(tmp_path / "clean.pptx")


def unreadable(path: Path) -> str:
    report = check_deck(path)
    assert report.exit_code == 2
    assert report.findings == []
    return report.unreadable


# -- not a deck at all ---------------------------------------------------------------------------
def test_text_file_named_pptx(tmp_path: Path):
    path = tmp_path / "notes.pptx"
    path.write_text("just some notes")
    assert "not a PowerPoint deck" in unreadable(path)


def test_photo_named_pptx_says_what_it_is(tmp_path: Path):
    path = tmp_path / "deck.pptx"
    path.write_bytes(decks.jpeg_bytes())
    assert "JPEG photo" in unreadable(path)


def test_missing_file_empty_file_and_folder(tmp_path: Path):
    assert "no file" in unreadable(tmp_path / "nothing.pptx")
    (tmp_path / "empty.pptx").write_bytes(b"")
    assert "empty" in unreadable(tmp_path / "empty.pptx")
    assert "folder" in unreadable(tmp_path)


def test_powerpoint_lock_file(tmp_path: Path):
    path = tmp_path / "~$My deck.pptx"
    path.write_bytes(b"\x0bJane Nurse" + b"\x00" * 150)
    reason = unreadable(path)
    assert "lock file" in reason and "'My deck.pptx'" in reason


def test_password_protected_deck(tmp_path: Path, clean: Path):
    import msoffcrypto.format.ooxml as ooxml

    target = tmp_path / "secret.pptx"
    with clean.open("rb") as plain, target.open("wb") as out:
        ooxml.OOXMLFile(plain).encrypt("letmein", out)
    assert target.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    assert "has a password" in unreadable(target)


def test_old_ppt_file(tmp_path: Path):
    path = tmp_path / "old.pptx"
    path.write_bytes(
        package_module.OLE_MAGIC + b"\x00" * 504 + "PowerPoint Document".encode("utf-16-le")
    )
    assert "old PowerPoint file (.ppt" in unreadable(path)


def test_truncated_zip(tmp_path: Path, clean: Path):
    data = clean.read_bytes()
    path = tmp_path / "half.pptx"
    path.write_bytes(data[: len(data) // 2])
    assert "damaged" in unreadable(path)


def test_word_document_and_plain_zip(tmp_path: Path):
    word = tmp_path / "letter.pptx"
    with zipfile.ZipFile(word, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    assert "Word document" in unreadable(word)
    plain = tmp_path / "photos.pptx"
    with zipfile.ZipFile(plain, "w") as z:
        z.writestr("a.txt", "hello")
    assert "no presentation inside" in unreadable(plain)


def test_too_many_members_is_refused_before_opening(tmp_path: Path, clean: Path, monkeypatch):
    monkeypatch.setattr(package_module, "MAX_MEMBERS", 10)
    assert "far more than any real deck" in unreadable(clean)


# -- hostile parts inside a real deck ------------------------------------------------------------
def test_billion_laughs_slide_is_refused_quickly_and_the_rest_is_checked(
    tmp_path: Path, clean: Path
):
    target = decks.rewrite(clean, tmp_path / "lol.pptx", {"ppt/slides/slide2.xml": BILLION_LAUGHS})
    started = time.perf_counter()
    report = check_deck(target)
    assert time.perf_counter() - started < 5
    [finding] = [f for f in report.findings if f.rule == "part-unreadable"]
    assert finding.slide == 2 and finding.severity is Severity.ERROR and "DTD" in finding.message
    assert report.slides == 2
    assert report.exit_code == 1


def test_external_entity_is_never_read(tmp_path: Path, clean: Path):
    target = decks.rewrite(clean, tmp_path / "xxe.pptx", {"ppt/slides/slide1.xml": EXTERNAL_ENTITY})
    report = check_deck(target)
    assert all("root:" not in f.message for f in report.findings)
    assert any(f.rule == "part-unreadable" and f.slide == 1 for f in report.findings)


def test_zip_bomb_part_is_refused(tmp_path: Path, clean: Path):
    # 3 MB of spaces packs to a few kB: far beyond the ratio any real part has.
    bomb = b'<?xml version="1.0"?><p:sld xmlns:p="x">' + b" " * (3 * 1024**2) + b"</p:sld>"
    target = decks.rewrite(clean, tmp_path / "bomb.pptx", {"ppt/slides/slide1.xml": bomb})
    report = check_deck(target)
    [finding] = [f for f in report.findings if f.rule == "part-unreadable"]
    assert "zip bomb" in finding.message and finding.slide == 1


def test_part_bigger_than_the_limit_is_refused_without_reading(
    tmp_path: Path, clean: Path, monkeypatch
):
    monkeypatch.setattr(package_module, "MAX_PART_BYTES", 1000)
    with Package.open(clean) as package, pytest.raises(PartError, match="too big"):
        package.read("ppt/slides/slide1.xml")


def test_deeply_nested_xml_does_not_crash(tmp_path: Path, clean: Path):
    deep = (
        b'<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
        + b"<a>" * 5000
        + b"</a>" * 5000
        + b"</p:sld>"
    )
    target = decks.rewrite(clean, tmp_path / "deep.pptx", {"ppt/slides/slide1.xml": deep})
    report = check_deck(target)
    assert report.unreadable == "" and report.slides >= 2


def test_broken_slide_is_reported_and_other_slides_checked(tmp_path: Path, clean: Path):
    target = decks.rewrite(
        clean, tmp_path / "broken.pptx", {"ppt/slides/slide3.xml": b"<p:sld><unclosed>"}
    )
    report = check_deck(target)
    assert [f.slide for f in report.findings if f.rule == "part-unreadable"] == [3]
    assert report.slides == 2


def test_missing_layout_and_theme_are_reported_but_slides_checked(tmp_path: Path, clean: Path):
    target = decks.rewrite(
        clean,
        tmp_path / "missing.pptx",
        {"ppt/slideLayouts/slideLayout6.xml": None, "ppt/theme/theme1.xml": None},
    )
    report = check_deck(target)
    problems = [f for f in report.findings if f.rule == "part-unreadable"]
    assert problems and all(f.severity is Severity.WARNING for f in problems)
    assert report.slides == 3
    assert report.exit_code == 0


def test_missing_slide_part(tmp_path: Path, clean: Path):
    target = decks.rewrite(clean, tmp_path / "gone.pptx", {"ppt/slides/slide2.xml": None})
    report = check_deck(target)
    assert [f.slide for f in report.findings if f.rule == "part-unreadable"] == [2]


def test_unreadable_presentation_part_falls_back_to_slide_files(tmp_path: Path, clean: Path):
    target = decks.rewrite(clean, tmp_path / "nopres.pptx", {"ppt/presentation.xml": b"garbage"})
    report = check_deck(target)
    assert report.slides == 3
    assert any(f.rule == "part-unreadable" and f.slide is None for f in report.findings)


# -- what other tools write ----------------------------------------------------------------------
def test_strict_ooxml_reads_like_the_usual_kind(tmp_path: Path, clean: Path):
    pairs = [
        (
            "http://schemas.openxmlformats.org/presentationml/2006/main",
            "http://purl.oclc.org/ooxml/presentationml/main",
        ),
        (
            "http://schemas.openxmlformats.org/drawingml/2006/main",
            "http://purl.oclc.org/ooxml/drawingml/main",
        ),
        (
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            "http://purl.oclc.org/ooxml/officeDocument/relationships",
        ),
    ]

    def to_strict(data: bytes) -> bytes:
        for usual, strict in pairs:
            data = data.replace(usual.encode(), strict.encode())
        return data

    target = decks.edit_all_xml(clean, tmp_path / "strict.pptx", to_strict)
    assert b"purl.oclc.org" in zipfile.ZipFile(target).read("ppt/slides/slide1.xml")
    report = check_deck(target)
    assert report.slides == 3 and report.findings == []


@pytest.mark.parametrize("kind", ["template", "slideshow", "presentation.macroEnabled"])
def test_template_show_and_macro_content_types(tmp_path: Path, clean: Path, kind: str):
    usual = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
    other = {
        "template": b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
        "slideshow": b"application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml",
        "presentation.macroEnabled": b"application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
    }[kind]
    target = decks.rewrite(
        clean, tmp_path / "other.pptx", {"[Content_Types].xml": lambda d: d.replace(usual, other)}
    )
    report = check_deck(target)
    assert report.slides == 3 and report.findings == []


def test_no_docprops_like_google_slides(tmp_path: Path, clean: Path):
    target = decks.rewrite(
        clean, tmp_path / "google.pptx", {"docProps/core.xml": None, "docProps/app.xml": None}
    )
    report = check_deck(target)
    assert {f.rule for f in report.findings} == {"doc-title-missing"}


def test_duplicate_shape_ids(tmp_path: Path, clean: Path):
    target = decks.rewrite(
        clean, tmp_path / "dup.pptx", {"ppt/slides/slide1.xml": decks.sub(r'id="\d+"', 'id="2"')}
    )
    report = check_deck(target)
    assert report.findings == []


def test_png_part_holding_jpeg_bytes(tmp_path: Path, clean: Path):
    with zipfile.ZipFile(clean) as z:
        image = next(n for n in z.namelist() if n.startswith("ppt/media/"))
    target = decks.rewrite(clean, tmp_path / "jpeg.pptx", {image: decks.jpeg_bytes()})
    assert check_deck(target).findings == []


def test_shape_without_geometry_and_picture_without_position(tmp_path: Path, clean: Path):
    def strip(data: bytes) -> bytes:
        import re

        data = re.sub(rb"<a:prstGeom[^>]*>.*?</a:prstGeom>", b"", data, flags=re.S)
        return re.sub(rb"<a:xfrm>.*?</a:xfrm>", b"", data, count=1, flags=re.S)

    target = decks.rewrite(clean, tmp_path / "nogeom.pptx", {"ppt/slides/slide1.xml": strip})
    assert check_deck(target).exit_code == 0


def test_other_tools_shapes_give_no_false_alarms(tmp_path: Path):
    """Tables, groups, charts and inherited placeholders, all made accessibly: nothing to report."""
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "My table", None, layout=decks.TITLE_ONLY)
    table = slide.shapes.add_table(2, 2, Inches(1), Inches(2), Inches(6), Inches(2)).table
    for r in range(2):
        for c in range(2):
            table.cell(r, c).text = ["Day", "Thing"][c] if r == 0 else ["Monday", "Gym"][c]
            table.cell(r, c).text_frame.paragraphs[0].runs[0].font.size = Pt(28)
    slide = decks.add_slide(prs, "My group", None, layout=decks.TITLE_ONLY)
    group = slide.shapes.add_group_shape()
    decks.add_picture(group, alt="A cup of tea", left=Inches(0.5))
    decks.add_words(group, "I like tea.", left=Inches(5))
    decks.chart_slide(prs, alt="My points went up from 3 to 5")
    decks.add_slide(prs, "My garden", "I like the garden.")
    report = check_deck(decks.save(prs, tmp_path / "mixed.pptx"))
    assert report.findings == [], [(f.rule, f.slide, f.message) for f in report.findings]


def test_group_transform_places_children_on_the_slide(tmp_path: Path):
    from pcpv.check.deck_reader import Deck

    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "Group", None, layout=decks.TITLE_ONLY)
    group = slide.shapes.add_group_shape()
    decks.add_picture(group, alt="A cup", left=Inches(1), top=Inches(2), width=Inches(2))
    # Move the group: its child offset stays, the group's own offset changes.
    xfrm = group._element.grpSpPr.find(
        "{http://schemas.openxmlformats.org/drawingml/2006/main}xfrm"
    )
    xfrm.find("{http://schemas.openxmlformats.org/drawingml/2006/main}off").set("x", str(Inches(4)))
    path = decks.save(prs, tmp_path / "g.pptx")
    with Package.open(path) as package:
        deck = Deck.read(package)
        [first] = list(deck.slides())
        pic = next(s for s in deck.shapes(first) if s.kind == "pic")
        assert pic.box is not None and pic.box[0] == pytest.approx(Inches(4))
        assert pic.depth == 1


def test_mc_alternate_content_shapes_are_read(tmp_path: Path, clean: Path):
    def wrap(data: bytes) -> bytes:
        start = data.index(b"<p:pic>")
        end = data.index(b"</p:pic>") + len(b"</p:pic>")
        pic = data[start:end]
        alt = (
            b'<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
            b'<mc:Choice Requires="p14">'
            + pic.replace(b'descr="', b'descr="image1.png" x="')
            + b"</mc:Choice><mc:Fallback>"
            + pic
            + b"</mc:Fallback></mc:AlternateContent>"
        )
        return data[:start] + alt + data[end:]

    target = decks.rewrite(clean, tmp_path / "mc.pptx", {"ppt/slides/slide1.xml": wrap})
    report = check_deck(target)
    assert [f.rule for f in report.findings] == ["alt-file-name"]


def test_reads_from_bytes_are_bounded_in_total(tmp_path: Path, clean: Path, monkeypatch):
    monkeypatch.setattr(package_module, "MAX_TOTAL_BYTES", 4000)
    report = check_deck(clean)
    refused = [f for f in report.findings if f.rule == "part-unreadable" and f.slide is not None]
    assert refused and all("more than pcpv reads" in f.message for f in refused)
    assert report.unreadable == "" and report.exit_code == 1


def test_check_deck_accepts_a_string_path(clean: Path):
    assert check_deck(str(clean)).exit_code == 0


def test_slide_listed_many_times_is_checked_once(tmp_path: Path, clean: Path):
    def repeat(data: bytes) -> bytes:
        start = data.index(b"<p:sldId ")
        end = data.index(b"/>", start) + 2
        return data[:end] + data[start:end] * 5000 + data[end:]

    target = decks.rewrite(clean, tmp_path / "many.pptx", {"ppt/presentation.xml": repeat})
    report = check_deck(target)
    assert report.slides == 3 and report.findings == []


def test_busy_slide_and_long_deck_are_checked_up_to_a_limit(
    tmp_path: Path, clean: Path, monkeypatch
):
    from pcpv.check import deck_rules

    monkeypatch.setattr(deck_rules, "MAX_SHAPES_PER_SLIDE", 2)
    monkeypatch.setattr(deck_rules, "MAX_SLIDES", 2)
    report = check_deck(clean)
    assert report.slides == 2
    notes = [f.message for f in report.findings if f.rule == "part-unreadable"]
    assert any("has 3 shapes; pcpv checked the first 2" in m for m in notes)
    assert any("The deck has 3 slides; pcpv checked the first 2" in m for m in notes)


def test_many_shapes_on_one_slide_stay_quick(tmp_path: Path, clean: Path):
    shapes = b"".join(
        b'<p:sp><p:nvSpPr><p:cNvPr id="%d" name="Box %d"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
        b'<p:spPr><a:xfrm><a:off x="%d" y="%d"/><a:ext cx="914400" cy="457200"/></a:xfrm></p:spPr>'
        b'<p:txBody><a:bodyPr/><a:p><a:r><a:rPr lang="en-GB" sz="2800"/><a:t>Word %d</a:t></a:r></a:p>'
        b"</p:txBody></p:sp>" % (i + 10, i, (i * 7919) % 9000000, (i * 104729) % 6000000, i)
        for i in range(1500)
    )
    target = decks.rewrite(
        clean,
        tmp_path / "busy.pptx",
        {"ppt/slides/slide1.xml": lambda d: d.replace(b"</p:spTree>", shapes + b"</p:spTree>")},
    )
    started = time.perf_counter()
    report = check_deck(target)
    assert time.perf_counter() - started < 30  # generous: a hang, not speed, is what this guards
    assert report.slides == 3
    assert any(f.rule == "too-many-ideas" and f.slide == 1 for f in report.findings)


# -- whatever the bytes, a report and never an exception ---------------------------------------------
@pytest.fixture(scope="module")
def base_deck(tmp_path_factory) -> bytes:
    return decks.clean_deck(tmp_path_factory.mktemp("fuzz") / "base.pptx", slides=1).read_bytes()


@settings(max_examples=40, deadline=None)
@given(cut=st.integers(min_value=0), noise=st.binary(max_size=40))
def test_mangled_slide_xml_never_raises(base_deck: bytes, tmp_path_factory, cut: int, noise: bytes):
    folder = tmp_path_factory.mktemp("mangled")
    base = folder / "base.pptx"
    base.write_bytes(base_deck)
    slide = zipfile.ZipFile(base).read("ppt/slides/slide1.xml")
    at = cut % (len(slide) + 1)
    target = decks.rewrite(
        base, folder / "m.pptx", {"ppt/slides/slide1.xml": slide[:at] + noise + slide[at:]}
    )
    report = check_deck(target)
    assert report.unreadable == ""
    assert report.exit_code in (0, 1)


@settings(max_examples=40, deadline=None)
@given(cut=st.integers(min_value=0), noise=st.binary(min_size=1, max_size=64))
def test_mangled_file_bytes_never_raise(base_deck: bytes, tmp_path_factory, cut: int, noise: bytes):
    at = cut % (len(base_deck) + 1)
    path = tmp_path_factory.mktemp("bytes") / "m.pptx"
    path.write_bytes(base_deck[:at] + noise + base_deck[at + len(noise) :])
    report = check_deck(path)
    assert report.exit_code in (0, 1, 2)
    assert bool(report.unreadable) == (report.exit_code == 2)


def test_odd_theme_colours_fall_back_quietly(tmp_path: Path, clean: Path):
    odd = b'<a:dk1><a:hslClr hue="x" sat="nan%" lum="1e999%"/></a:dk1>'
    target = decks.rewrite(
        clean,
        tmp_path / "odd.pptx",
        {"ppt/theme/theme1.xml": decks.sub(r"<a:dk1>.*?</a:dk1>", odd.decode())},
    )
    assert b"nan%" in zipfile.ZipFile(target).read("ppt/theme/theme1.xml")
    report = check_deck(target)
    assert report.unreadable == "" and report.slides == 3


def test_a_slide_that_trips_a_rule_is_reported_and_the_rest_checked(
    tmp_path: Path, clean: Path, monkeypatch
):
    from pcpv.check import deck_rules

    real = deck_rules._check_slide

    def flaky(deck, slide, *args):
        if slide.number == 2:
            raise ValueError("odd")
        return real(deck, slide, *args)

    monkeypatch.setattr(deck_rules, "_check_slide", flaky)
    report = check_deck(clean)
    [note] = [f for f in report.findings if f.rule == "part-unreadable"]
    assert note.slide == 2 and "could not be fully checked" in note.message
    assert report.slides == 3


def test_huge_file_is_refused_before_opening(clean: Path, monkeypatch):
    monkeypatch.setattr(package_module, "MAX_DECK_BYTES", 1000)
    assert "far bigger than a deck should be" in unreadable(clean)


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="needs Linux /proc")
def test_memory_stays_bounded_on_a_zip_bomb(tmp_path: Path, clean: Path):
    import subprocess
    import sys

    bomb = b"<p:sld>" + b" " * (30 * 1024**2) + b"</p:sld>"  # 30 MB that packs to about 30 kB
    target = decks.rewrite(clean, tmp_path / "bomb.pptx", {"ppt/slides/slide1.xml": bomb})
    assert target.stat().st_size < 200_000
    code = (
        "from pathlib import Path\n"
        "from pcpv.check import check_deck, load_plain_words\n"
        "load_plain_words()\n"
        "def kb(field):\n"
        "    line = next(l for l in Path('/proc/self/status').read_text().splitlines() if l.startswith(field))\n"
        "    return int(line.split()[1])\n"
        "before = kb('VmRSS')\n"
        "Path('/proc/self/clear_refs').write_text('5')\n"
        f"report = check_deck({str(target)!r})\n"
        "print(report.exit_code, (kb('VmHWM') - before) // 1024)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    exit_code, grown_mb = map(int, run.stdout.split())
    assert exit_code == 1  # slide 1 refused as a finding, the others checked
    assert grown_mb < 15, f"checking grew memory by {grown_mb} MB"
