"""pcpv's own template, the slide texts the deck adds, ``pcpv build`` and the example projects."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation

from pcpv.cli import main
from pcpv.deck import theme
from pcpv.deck.make_template import TEMPLATE, make_template
from pcpv.project import Project
from pcpv.questions import SAMPLE_INFO_CONTEXT, load_builtin

from .conftest import Sample

REPO = Path(__file__).resolve().parents[2]
DECK_TEXTS = [
    "choice.j2", "symbols-label.j2", "audio-hint.j2", "video-hint.j2", "audio-no-caption.j2",
    "video-no-caption.j2", "photo-alt.j2", "credits-title.j2", "notes-section.j2",
    "notes-title.j2", "notes-media.j2",
]  # fmt: skip


def _xml_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist() if n.endswith((".xml", ".rels"))}


def test_the_shipped_template_is_what_the_script_makes():
    assert _xml_parts(TEMPLATE.read_bytes()) == _xml_parts(make_template())


def test_the_template_is_widescreen_plain_and_british():
    prs = Presentation(str(TEMPLATE))
    assert (prs.slide_width, prs.slide_height) == (theme.SLIDE_WIDTH, theme.SLIDE_HEIGHT)
    assert [lo.name for lo in prs.slide_layouts] == ["Title Slide", "Title Only"]
    parts = _xml_parts(TEMPLATE.read_bytes())
    text = b"".join(parts.values()).decode()
    assert 'lang="en-US"' not in text and 'lang="en-GB"' in text
    assert "Steve Canny" not in text and "2013-" not in text and "Macintosh" not in text
    assert '<a:latin typeface="Arial"/>' in parts["ppt/theme/theme1.xml"].decode()
    master = parts["ppt/slideMasters/slideMaster1.xml"].decode()
    assert 'type="dt"' not in master and 'type="sldNum"' not in master
    assert not any(n.startswith(("docProps/thumbnail", "ppt/printerSettings")) for n in parts)
    props = prs.core_properties
    assert (props.author, props.last_modified_by, props.title) == ("", "", "")


@pytest.mark.parametrize("name", DECK_TEXTS)
def test_the_deck_texts_render_in_easy_read(name):
    qs = load_builtin("ctr")
    context = SAMPLE_INFO_CONTEXT | {
        "question": "Do I feel safe here?",
        "choice": "Yes",
        "kind": "audio",
        "title": "Am I safe?",
    }
    text = qs.texts.render(name, context)
    assert text
    for sentence in re.split(r"(?<=[.?!:])\s+|\n+", text):
        assert len(sentence.split()) <= theme.MAX_SENTENCE_WORDS, sentence
        assert sentence == sentence.strip() and not sentence.isupper()


def test_pcpv_build_writes_the_deck_and_says_so(sample: Sample, tmp_path, capsys):
    project = tmp_path / "sam"
    shutil.copytree(sample.root, project)
    out = tmp_path / "decks" / "sam.pptx"
    assert main(["build", str(project), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert out.is_file() and "Saved" in printed and "slides" in printed
    assert "Got 1 of" in printed and "Laid out slide 10 of" in printed
    assert "Accessibility check:" in printed and "0 errors" in printed


def test_pcpv_build_refuses_bad_media_with_a_plain_message(sample: Sample, tmp_path, capsys):
    project = tmp_path / "sam"
    shutil.copytree(sample.root, project)
    # A sound that went bad after it was added (a damaged disk, a half-finished copy).
    item = Project.open(project).answer("my-name").media[0]
    (project / item.file).write_bytes(b"RIFF" + b"\x00" * 400)
    out = tmp_path / "sam.pptx"
    assert main(["build", str(project), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert item.file.split("/")[1] in err and "name.wav" in err
    assert "What do I like people to call me?" in err
    assert "Traceback" not in err and not out.exists()
    assert main(["build", str(project), "-o", str(out), "--skip-bad-media"]) == 0
    assert "Left out:" in capsys.readouterr().err and out.is_file()


def test_pcpv_build_on_a_folder_that_is_not_a_project(tmp_path, capsys):
    assert main(["build", str(tmp_path / "nope")]) == 2
    assert "no folder called" in capsys.readouterr().err


@pytest.mark.parametrize("example", ["sam-ctr", "alex-cpa", "jo-own"])
def test_the_example_projects_build_cleanly(example, tmp_path):
    source = REPO / "examples" / example
    if not (source / "project.yaml").is_file():
        pytest.skip(f"examples/{example} is not there yet")
    project = tmp_path / example
    shutil.copytree(source, project)
    from pcpv.deck.build import build_deck

    result = build_deck(Project.open(project), tmp_path / f"{example}.pptx")
    assert result.slides > 5 and not result.skipped
    if result.check is not None:
        errors = [f for f in result.check.findings if f.severity.value == "error"]
        assert errors == []
