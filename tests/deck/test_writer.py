"""Built decks, reopened with python-pptx and read as XML."""

from __future__ import annotations

import io
import os
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.util import Emu

from pcpv.deck import fit, layout, media_xml, theme
from pcpv.deck.build import BuildResult, build_deck, default_output
from pcpv.deck.plan import make_plan
from pcpv.deck.writer import write_deck
from pcpv.errors import MediaError, PcpvError
from pcpv.media import scrub_check
from pcpv.project import Project

from . import media_factory as mf
from .conftest import Sample, make_sample

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
P14 = "{http://schemas.microsoft.com/office/powerpoint/2010/main}"
ADEC = "{http://schemas.microsoft.com/office/drawing/2017/decorative}"
RT_AUDIO = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/audio"
RT_VIDEO = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/video"


@pytest.fixture(scope="module")
def built(sample: Sample, tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, list]:
    progress: list = []
    out = tmp_path_factory.mktemp("out") / "deck.pptx"
    result = build_deck(
        Project.open(sample.root),
        out,
        symbols=sample.symbols,
        progress=lambda done, total, text: progress.append((done, total, text)),
    )
    return result, progress


@pytest.fixture(scope="module")
def prs(built):
    return Presentation(str(built[0].path))


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def _slide_xml(path: Path) -> dict[str, bytes]:
    return {k: v for k, v in _parts(path).items() if k.startswith("ppt/slides/")}


def test_deck_is_widescreen_and_every_slide_has_a_unique_title(prs, built):
    assert (prs.slide_width, prs.slide_height) == (theme.SLIDE_WIDTH, theme.SLIDE_HEIGHT)
    titles = []
    for slide in prs.slides:
        title = slide.shapes.title
        assert title is not None and title.is_placeholder
        assert title.text_frame.text.strip()
        titles.append(title.text_frame.text.strip().casefold())
    assert len(titles) == len(set(titles)) == built[0].slides


def test_reading_order_is_title_then_words_then_pictures(prs):
    for slide in prs.slides:
        shapes = list(slide.shapes)
        assert shapes[0] == slide.shapes.title
        kinds = []
        for shape in shapes[1:]:
            c_nv_pr = shape._element.xpath("./*[1]/p:cNvPr")[0]
            if c_nv_pr.find(f".//{ADEC}decorative") is not None:
                continue
            kinds.append("words" if shape.has_text_frame and shape.text_frame.text else "picture")
        assert kinds == sorted(kinds, key=lambda k: k == "picture"), kinds


def test_every_run_is_tagged_with_the_language_and_styled_for_easy_read(prs):
    palette = theme.palette("cream")
    for slide in prs.slides:
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            for paragraph in shape.text_frame.paragraphs:
                assert paragraph.alignment is not None
                for run in paragraph.runs:
                    rpr = run._r.find(f"{A}rPr")
                    assert rpr.get("lang") == "en-GB"
                    assert run.font.italic is False and run.font.underline is False
                    assert run.font.name == "Arial"
                    assert run.text != run.text.upper() or not any(c.isalpha() for c in run.text)
                    size = run.font.size.pt
                    colour = str(run.font.color.rgb)
                    if shape == slide.shapes.title:
                        assert size >= theme.MIN_TITLE_PT
                    else:
                        assert size >= theme.MIN_BODY_PT
                    assert theme.contrast_ratio(colour, palette.background) >= theme.TARGET_CONTRAST
        notes = slide.notes_slide.notes_text_frame
        for run in (r for p in notes.paragraphs for r in p.runs):
            assert run._r.find(f"{A}rPr").get("lang") == "en-GB"
    # The master, layouts and notes carry no other language either.
    for part in prs.part.package.iter_parts():
        element = getattr(part, "_element", None)
        if element is not None:
            langs = {e.get("lang") for e in element.iter(f"{A}rPr", f"{A}endParaRPr", f"{A}defRPr")}
            assert langs <= {"en-GB", None}, part.partname


def test_words_never_overflow_their_box(prs):
    for slide in prs.slides:
        for shape in slide.shapes:
            if not shape.has_text_frame or not shape.text_frame.text.strip():
                continue
            tf = shape.text_frame
            width = layout.pt(shape.width - tf.margin_left - tf.margin_right)
            height = layout.pt(shape.height - tf.margin_top - tf.margin_bottom)
            size = tf.paragraphs[0].runs[0].font.size.pt
            texts = [p.text for p in tf.paragraphs]
            assert fit.text_height_pt(texts, width, size) <= height + 0.5, (
                slide.shapes.title.text,
                texts,
            )
            assert shape.left >= 0 and shape.top >= 0
            assert shape.left + shape.width <= theme.SLIDE_WIDTH
            assert shape.top + shape.height <= theme.SLIDE_HEIGHT


def test_every_picture_has_real_alt_text_and_decoration_is_marked(prs):
    pictures = 0
    for slide in prs.slides:
        for shape in slide.shapes:
            c_nv_pr = shape._element.xpath("./*[1]/p:cNvPr")[0]
            decorative = list(c_nv_pr.iter(ADEC + "decorative"))
            if shape._element.tag == f"{P}pic":
                pictures += 1
                descr = c_nv_pr.get("descr", "")
                assert descr.strip(), slide.shapes.title.text
                assert not descr.lower().endswith((".jpg", ".png", ".wav", ".mp3", ".m4a", ".mp4"))
                assert "IMG_" not in descr and "media/" not in descr
            elif not (shape.has_text_frame and shape.text_frame.text.strip()):
                assert decorative and decorative[0].get("val") == "1"
                assert "descr" not in c_nv_pr.attrib
    assert pictures > 10
    alts = {
        s._element.xpath("./*[1]/p:cNvPr")[0].get("descr") for sl in prs.slides for s in sl.shapes
    }
    assert {"Me at the football match", "My guitar", "music", "Me saying my name"} <= alts


def test_patient_words_are_marked_for_the_checker_and_staff_words_are_not_quoted(prs):
    by_title = {s.shapes.title.text: s for s in prs.slides}
    quote = next(s for t, s in by_title.items() if t.startswith("What needs to happen before"))
    names = [sh.name for sh in quote.shapes]
    assert theme.PATIENT_WORDS_SHAPE in names and "Quote panel" in names
    words = next(sh for sh in quote.shapes if sh.name == theme.PATIENT_WORDS_SHAPE)
    assert words.text_frame.paragraphs[0].text == "Sam said:"
    assert words.text_frame.paragraphs[1].text.startswith("“I need to show")
    staff = next(s for t, s in by_title.items() if t.startswith("Have staff held me"))
    staff_words = next(sh for sh in staff.shapes if sh.name == "Words")
    assert staff_words.text_frame.paragraphs[0].text == "Written with Sam by staff:"
    assert "“" not in staff_words.text_frame.text
    assert "Quote panel" not in [sh.name for sh in staff.shapes]


def test_speaker_notes_hold_the_patients_words_and_gentle_prompts(prs):
    slide = next(s for s in prs.slides if s.shapes.title.text.startswith("Do I feel safe here?"))
    notes = slide.notes_slide.notes_text_frame.text
    assert "I feel safe on the ward most days." in notes
    assert "Ask Sam if they want to say more." in notes
    assert "The question was: Do I feel safe here?" in notes


def _media_pics(prs) -> list[tuple[object, etree._Element, str]]:
    found = []
    for slide in prs.slides:
        for shape in slide.shapes:
            kind = media_xml.media_kind(shape._element)
            if kind:
                found.append((slide, shape._element, kind))
    return found


def test_sound_and_video_are_embedded_the_way_powerpoint_writes_them(prs, built):
    pics = _media_pics(prs)
    assert sorted(k for _, _, k in pics) == ["audio", "audio", "audio", "video"]
    for slide, pic, kind in pics:
        nv_pr = pic.find(f"{P}nvPicPr/{P}nvPr")
        link = nv_pr.find(f"{A}{kind}File").get(f"{R}link")
        embed = nv_pr.find(f".//{P14}media").get(f"{R}embed")
        rels = slide.part.rels
        assert rels[link].reltype == (RT_AUDIO if kind == "audio" else RT_VIDEO)
        assert rels[embed].reltype == media_xml.RT_MEDIA
        assert rels[link].target_part is rels[embed].target_part
        blip = pic.find(f"{P}blipFill/{A}blip").get(f"{R}embed")
        assert rels[blip].target_part.content_type in ("image/png", "image/jpeg")
        hlink = pic.find(f"{P}nvPicPr/{P}cNvPr/{A}hlinkClick")
        assert hlink.get("action") == "ppaction://media"
        # The timing plays it on a click; the sequence comes first so LibreOffice keeps it.
        root = slide._element.find(f"{P}timing/{P}tnLst/{P}par/{P}cTn/{P}childTnLst")
        assert root[0].tag == f"{P}seq"
        node = root.find(f"{P}{kind}/{P}cMediaNode")
        assert node.get("vol") == "80000"
        assert node.find(f"{P}tgtEl/{P}spTgt").get("spid") == pic.find(f"{P}nvPicPr/{P}cNvPr").get(
            "id"
        )
        play = slide._element.find(f".//{P}cmd")
        assert play.get("cmd") == "playFrom(0.0)"
        assert slide._element.find(f"{P}transition") is None
    types = {
        (p.partname.ext, p.content_type)
        for p in prs.part.package.iter_parts()
        if p.partname.startswith("/ppt/media/media")
    }
    assert types == {
        ("wav", "audio/x-wav"),
        ("mp3", "audio/mpeg"),
        ("m4a", "audio/mp4"),
        ("mp4", "video/mp4"),
    }
    assert built[0].media_files == 6  # 2 photos (one used twice), 3 sounds, 1 video


def test_nothing_plays_or_advances_by_itself(built):
    for name, xml in _slide_xml(built[0].path).items():
        if not name.endswith(".xml"):
            continue
        root = etree.fromstring(xml)
        for transition in root.iter(f"{P}transition"):
            assert transition.get("advTm") is None
        for cond in root.iter(f"{P}cond"):
            assert cond.get("evt") != "onBegin", name


def test_embedded_pictures_carry_no_exif_and_sounds_no_tags(built):
    parts = _parts(built[0].path)
    media = {k: v for k, v in parts.items() if k.startswith("ppt/media/")}
    photos = 0
    for name, data in media.items():
        if name.endswith((".jpg", ".jpeg", ".png")):
            with Image.open(io.BytesIO(data)) as image:
                assert not image.getexif(), name
                assert "exif" not in image.info and "icc_profile" not in image.info
            photos += name.endswith(".jpg")
        if name.endswith((".jpg", ".png", ".wav", ".mp3", ".m4a", ".mp4")):
            assert scrub_check(data) == [], name
        assert b"Jo Bloggs" not in data and b"Secret" not in data, name
    # Two distinct photos (one used twice, stored once) and one poster frame.
    assert photos == 3


def test_photos_are_upright_and_downscaled_to_their_box(prs):
    box_px = layout.grid().picture
    slide = next(
        s for s in prs.slides if s.shapes.title.text.startswith("What do I like doing? (1 of")
    )
    photo = next(sh for sh in slide.shapes if sh.name == "Photo 1")
    with Image.open(io.BytesIO(photo.image.blob)) as image:
        # The source was 1200 x 900 stored, EXIF-rotated: upright it is portrait.
        assert image.height > image.width
        assert image.height <= round(box_px.h / theme.EMU_PER_INCH * theme.SCREEN_PPI) + 1
    assert photo.height > photo.width
    assert photo.left >= theme.MARGIN and photo.left + photo.width <= box_px.right


def test_document_properties_hold_the_title_and_nothing_about_anyone(built):
    prs = Presentation(str(built[0].path))
    props = prs.core_properties
    assert props.title == "Sam's Care and Treatment Review"
    assert props.author == "" and props.last_modified_by == ""
    assert props.comments == "" and props.keywords == "" and props.subject == ""
    assert props.created.year >= 2026
    parts = _parts(built[0].path)
    app = parts["docProps/app.xml"].decode()
    assert "<Application>pcpv</Application>" in app and "Company" not in app
    assert (
        "Steve Canny" not in str(parts) and "python-pptx" not in parts["docProps/core.xml"].decode()
    )
    assert not any(n.startswith(("docProps/thumbnail", "ppt/printerSettings")) for n in parts)


def test_progress_is_reported(built):
    result, progress = built
    assert progress[0] == (0, 6, "Getting 6 photos, sounds and videos ready.")
    media_steps = [p for p in progress if p[2].startswith("Got")]
    assert [p[0] for p in media_steps] == [1, 2, 3, 4, 5, 6]
    slide_steps = [p for p in progress if p[2].startswith("Laid out slide")]
    assert [p[0] for p in slide_steps] == list(range(1, result.slides + 1))
    assert all(total == result.slides for _, total, _ in slide_steps)


def test_building_twice_gives_the_same_slides(sample, built, tmp_path):
    again = build_deck(
        Project.open(sample.root), tmp_path / "again.pptx", symbols=sample.symbols, check=False
    )
    first, second = _parts(built[0].path), _parts(again.path)
    slides = [n for n in first if n.startswith(("ppt/slides/", "ppt/notesSlides/", "ppt/media/"))]
    assert slides
    for name in slides:
        assert first[name] == second[name], name


def test_the_checker_finds_no_errors(built):
    report = built[0].check
    if report is None:
        pytest.skip("pcpv.check is not installed")
    errors = [f for f in report.findings if f.severity.value == "error"]
    assert errors == []


def test_a_deck_with_sound_can_be_reopened_and_added_to(built, sample, tmp_path):
    media_xml.register_audio_parts()
    prs = Presentation(str(built[0].path))
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    blob = next(p.blob for p in prs.part.package.iter_parts() if p.partname.endswith(".wav"))
    shape_id = media_xml.MediaPicCreator(slide).add(
        kind="audio", blob=blob, mime="audio/x-wav", extension=".wav",
        picture=(sample.root / "../symbols/music.png").resolve().read_bytes(),
        box=(0, 0, 914400, 914400), name="Sound", descr="Me saying my name again",
    )  # fmt: skip
    media_xml.set_click_timing(slide, [media_xml.MediaTiming(shape_id, "audio", 1000)])
    out = tmp_path / "more.pptx"
    prs.save(out)
    names = [n for n in _parts(out) if n.startswith("ppt/media/media")]
    assert len([n for n in names if n.endswith(".wav")]) == 1  # the same sound is stored once
    reopened = Presentation(str(out))
    assert [k for _, _, k in _media_pics(reopened)].count("audio") == 4


def test_language_and_colours_follow_the_project(sample, tmp_path):
    root = tmp_path / "cy"
    root.mkdir()
    import shutil

    shutil.copytree(sample.root, root / "p")
    with Project.open_for_writing(root / "p") as p:
        p.info.language = "cy-GB"
        p.info.presentation.theme = "pale-yellow"
        p.save_info()
    plan = make_plan(Project.open(root / "p"), symbols=sample.symbols)
    plan.slides = [
        s for s in plan.slides if s.clip is None and not any(pic.photo for pic in s.pictures)
    ]
    out = write_deck(plan, tmp_path / "cy.pptx", symbols=sample.symbols)
    prs = Presentation(str(out.path))
    langs = {
        r._r.find(f"{A}rPr").get("lang")
        for s in prs.slides
        for sh in s.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
    }
    assert langs == {"cy-GB"}
    fill = prs.slide_master.background.fill
    assert str(fill.fore_color.rgb) == theme.palette("pale-yellow").background
    assert prs.core_properties.language == "cy-GB"


def test_welsh_polish_and_urdu_answers_fit(tmp_path):
    from .test_fit import POLISH, URDU, WELSH

    sample = make_sample(tmp_path)
    with Project.open_for_writing(sample.root) as p:
        p.set_words("feel-safe", WELSH + "\n" + WELSH)
        p.set_words("treated-well", POLISH * 2)
        p.set_words("when-upset", URDU + "\n" + URDU)
    result = build_deck(Project.open(sample.root), tmp_path / "langs.pptx", symbols=sample.symbols)
    prs = Presentation(str(result.path))
    test_words_never_overflow_their_box(prs)
    urdu = [
        s for s in prs.slides if s.shapes.title.text.startswith("What helps me when I am upset?")
    ]
    assert len(urdu) >= 2
    words = next(sh for sh in urdu[0].shapes if sh.name == theme.PATIENT_WORDS_SHAPE)
    rtl = [p for p in words.text_frame.paragraphs if fit.is_rtl(p.text)]
    assert rtl and all(p._pPr.get("rtl") == "1" for p in rtl)
    cs = rtl[0].runs[0]._r.find(f"{A}rPr/{A}cs")
    assert cs is not None and cs.get("typeface") == "Arial"
    shown = " ".join(
        p.text
        for s in urdu
        for sh in s.shapes
        if sh.name == theme.PATIENT_WORDS_SHAPE
        for p in sh.text_frame.paragraphs[1:]
    )
    assert shown.split() == (URDU + " " + URDU).split()


def test_bad_media_stops_the_build_and_keeps_the_old_deck(tmp_path):
    sample = make_sample(tmp_path)
    # A photo that went bad after it was added (a damaged disk, a half-finished copy).
    holiday = mf.photo(tmp_path / "holiday.jpg", (800, 600))
    with Project.open_for_writing(sample.root) as p:
        item = p.add_media("my-room", holiday, caption="My room")
        p.set_words("my-room", "This is my room.")
    (sample.root / item.file).write_bytes(b"\xff\xd8\xff\xe0" + b"not really a photo" * 50)
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"the previous deck")
    project = Project.open(sample.root)
    with pytest.raises(MediaError) as caught:
        build_deck(project, target, symbols=sample.symbols)
    message = str(caught.value)
    assert "What is my room like?" in message and "holiday.jpg" in message
    assert "--skip-bad-media" in message
    assert target.read_bytes() == b"the previous deck"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".pcpv-tmp")] == []
    assert not (sample.root / ".pcpv-work").exists()

    result = build_deck(project, target, symbols=sample.symbols, skip_bad_media=True)
    assert len(result.skipped) == 1 and "holiday.jpg" in result.skipped[0]
    prs = Presentation(str(target))
    room = [s for s in prs.slides if s.shapes.title.text.startswith("What is my room like?")]
    assert room and not any(sh.name.startswith("Photo") for sh in room[0].shapes)


def test_a_missing_media_file_is_named(tmp_path):
    sample = make_sample(tmp_path)
    project = Project.open(sample.root)
    item = project.answer("my-name").media[0]
    project.media_path(item).unlink()
    with pytest.raises(MediaError, match="missing from the media folder") as caught:
        build_deck(project, tmp_path / "deck.pptx", symbols=sample.symbols)
    assert "name.wav" in str(caught.value)


def test_the_default_deck_goes_inside_the_project(sample):
    path = default_output(Project.open(sample.root))
    assert path.parent == sample.root
    assert path.name == "Sam-Care-and-Treatment-Review.pptx"


def test_print_quality_makes_bigger_photos(sample, built, tmp_path):
    printed = build_deck(
        Project.open(sample.root),
        tmp_path / "print.pptx",
        symbols=sample.symbols,
        print_quality=True,
        check=False,
    )

    def biggest(path):
        return max(len(v) for k, v in _parts(path).items() if k.endswith(".jpg"))

    assert biggest(printed.path) >= biggest(built[0].path)


def test_speaker_picture_is_a_real_png():
    from pcpv.deck.writer import speaker_png

    with Image.open(io.BytesIO(speaker_png("0B2545"))) as image:
        assert image.format == "PNG" and image.mode == "RGBA"
        assert image.getbbox() is not None


def test_media_creator_refuses_an_unknown_kind(prs):
    with pytest.raises(ValueError, match="audio"):
        media_xml.MediaPicCreator(prs.slides[0]).add(
            kind="music", blob=b"", mime="", extension=".x", picture=b"",
            box=(0, 0, 1, 1), name="x", descr="x",
        )  # fmt: skip


def test_emu_helpers_round_trip():
    assert layout.emu(layout.pt(Emu(12700 * 7))) == 12700 * 7
    assert mf  # the factory module is importable for other deck tests


def test_a_build_that_fails_while_saving_leaves_the_old_deck(sample, tmp_path, monkeypatch):
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"the previous deck")

    def broken_write(self, name, data, compress_type=None):
        raise OSError("disk full")  # after the zip has begun writing the temporary file

    monkeypatch.setattr("zipfile.ZipFile.writestr", broken_write)
    with pytest.raises(PcpvError, match=r"could not save the deck .*disk full"):
        build_deck(Project.open(sample.root), target, symbols=sample.symbols, check=False)
    assert target.read_bytes() == b"the previous deck"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.pptx"]
    assert not (sample.root / ".pcpv-work").exists()


def test_media_are_prepared_on_two_processes_and_one_file_in_process(sample, monkeypatch, tmp_path):
    import concurrent.futures

    from pcpv.deck import assets
    from pcpv.project import WORK_DIR, scratch_folder

    pools: list[int] = []

    class CountingPool(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, max_workers=None, **kwargs):
            pools.append(max_workers)
            super().__init__(max_workers=max_workers, **kwargs)

    monkeypatch.setattr(assets, "ProcessPoolExecutor", CountingPool)
    plan = make_plan(Project.open(sample.root), symbols=sample.symbols)
    photos = [m for m in plan.media() if m.kind.value == "photo"]
    with scratch_folder(tmp_path) as work:
        ready = assets.prepare_media(photos, work_dir=work)
        assert set(ready.photos) == {m.sha256 for m in photos}
        assert all(p.path.parent == work for p in ready.photos.values())
        assert pools == [2]
        assets.prepare_media(photos[:1], work_dir=work)
        assert pools == [2]  # a single file is not worth starting helpers for
    assert not (tmp_path / WORK_DIR).exists()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="uses a Unix signal to kill the build")
def test_a_killed_build_leaves_the_old_deck(sample, tmp_path):
    import shutil
    import signal
    import subprocess
    import time

    project = tmp_path / "sam"
    shutil.copytree(sample.root, project)
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"the previous deck")
    for delay in (0.3, 1.0, 2.0):
        build = subprocess.Popen(
            [sys.executable, "-m", "pcpv", "build", str(project), "-o", str(target)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        time.sleep(delay)
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
        build.wait()
        data = target.read_bytes()
        # Either the old deck, or (if the build got to the end first) a whole new one.
        assert data == b"the previous deck" or zipfile.ZipFile(target).testzip() is None
        if data != b"the previous deck":
            break


def test_media_are_stored_and_the_xml_deflated(built):
    with zipfile.ZipFile(built[0].path) as z:
        infos = z.infolist()
    media = [i for i in infos if i.filename.startswith("ppt/media/")]
    assert {i.filename.rsplit(".", 1)[1] for i in media} >= {"jpg", "png", "m4a", "mp4"}
    for info in media:
        if info.filename.endswith((".jpg", ".jpeg", ".png", ".m4a", ".mp4")):
            assert info.compress_type == zipfile.ZIP_STORED, info.filename
    xml = [i for i in infos if i.filename.endswith((".xml", ".rels"))]
    assert xml and all(i.compress_type == zipfile.ZIP_DEFLATED for i in xml)


def test_media_put_in_as_they_arrive_give_the_same_deck(sample, tmp_path):
    from pcpv.deck import assets
    from pcpv.deck.writer import DeckWriter
    from pcpv.project import scratch_folder

    plan = make_plan(Project.open(sample.root), symbols=sample.symbols)
    with scratch_folder(tmp_path) as work:
        seen: list[int] = []
        with assets.preparing_media(plan.media(), work_dir=work, workers=1) as pending:
            ready = pending.wait(lambda so_far: seen.append(len(so_far.photos) + len(so_far.clips)))
        assert seen == list(range(1, len(plan.media()) + 1)), "told after every file"

        arriving = DeckWriter(plan, sample.symbols)
        arriving.lay_out()
        steps = len(arriving._later)
        so_far = assets.PreparedMedia()
        # The files arrive last first: nothing can go in before the first slide's file is ready.
        for sha256 in reversed([m.sha256 for m in plan.media()]):
            if sha256 in ready.photos:
                so_far.photos[sha256] = ready.photos[sha256]
            else:
                so_far.clips[sha256] = ready.clips[sha256]
            arriving.put_in_ready(so_far)
            if len(so_far.photos) + len(so_far.clips) < len(plan.media()):
                assert len(arriving._later) == steps
        assert arriving._later == [], "all put in once everything arrived"
        arriving.finish(tmp_path / "arriving.pptx", so_far)

        at_the_end = DeckWriter(plan, sample.symbols)
        at_the_end.lay_out()
        at_the_end.finish(tmp_path / "at-the-end.pptx", ready)

    first, second = _parts(tmp_path / "arriving.pptx"), _parts(tmp_path / "at-the-end.pptx")
    assert list(first) == list(second)
    for name in first:
        if name != "docProps/core.xml":  # holds the time it was made
            assert first[name] == second[name], name


def test_nothing_is_put_in_once_a_file_has_failed(sample, tmp_path):
    from pcpv.deck import assets
    from pcpv.deck.writer import DeckWriter

    plan = make_plan(Project.open(sample.root), symbols=sample.symbols)
    writer = DeckWriter(plan, sample.symbols)
    writer.lay_out()
    steps = len(writer._later)
    first = plan.media()[0]
    broken = assets.PreparedMedia(failures=[assets.MediaFailure(first, "It is damaged.")])
    broken.photos[first.sha256] = assets.ReadyPhoto(tmp_path / "unused.jpeg", 10, 10)
    writer.put_in_ready(broken)
    assert len(writer._later) == steps
