"""The hand-built timing XML: click sequence first, ids unique, nothing starts by itself."""

from __future__ import annotations

from lxml import etree

from pcpv.deck.media_xml import AUDIO_TYPES, MediaTiming, register_audio_parts, timing_xml

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def _timing(items):
    return etree.fromstring(timing_xml(items))


def test_sound_plays_on_a_click_and_the_sequence_comes_first():
    root = _timing([MediaTiming(4, "audio", 2500)])
    children = root.find(f"{P}tnLst/{P}par/{P}cTn/{P}childTnLst")
    assert [c.tag for c in children] == [f"{P}seq", f"{P}audio"]
    main = children[0].find(f"{P}cTn")
    assert main.get("nodeType") == "mainSeq"
    effect = main.find(f".//{P}cTn[@nodeType='clickEffect']")
    assert effect.get("presetClass") == "mediacall"
    cmd = effect.find(f".//{P}cmd")
    assert cmd.get("cmd") == "playFrom(0.0)"
    assert cmd.find(f"{P}cBhvr/{P}cTn").get("dur") == "2500"
    assert cmd.find(f".//{P}spTgt").get("spid") == "4"
    node = children[1].find(f"{P}cMediaNode")
    assert node.get("vol") == "80000"
    assert node.find(f".//{P}cond[@evt='onStopAudio']") is not None


def test_a_video_also_pauses_when_clicked_and_every_id_is_unique():
    root = _timing([MediaTiming(5, "video", 1000), MediaTiming(9, "audio", 0)])
    children = root.find(f"{P}tnLst/{P}par/{P}cTn/{P}childTnLst")
    assert [c.tag for c in children] == [f"{P}seq", f"{P}seq", f"{P}video", f"{P}audio"]
    interactive = children[1].find(f"{P}cTn")
    assert interactive.get("nodeType") == "interactiveSeq"
    assert interactive.find(f".//{P}cmd").get("cmd") == "togglePause"
    trigger = interactive.find(f"{P}stCondLst/{P}cond")
    assert trigger.get("evt") == "onClick" and trigger.find(f".//{P}spTgt").get("spid") == "5"
    ids = [int(c.get("id")) for c in root.iter(f"{P}cTn")]
    assert len(ids) == len(set(ids)) and ids[0] == 1
    # A zero-length clip still gets a positive duration on its play command.
    durations = [c.find(f"{P}cBhvr/{P}cTn").get("dur") for c in root.iter(f"{P}cmd")]
    assert "0" not in durations
    # Nothing starts by itself: no "onBegin" or "afterEffect" anywhere.
    xml = etree.tostring(root).decode()
    assert "onBegin" not in xml and "afterEffect" not in xml and "withEffect" not in xml


def test_sound_parts_load_as_media_parts():
    from pptx.opc.package import PartFactory
    from pptx.parts.media import MediaPart

    register_audio_parts()
    register_audio_parts()  # twice is harmless
    for mime in AUDIO_TYPES.values():
        assert PartFactory.part_type_for[mime] is MediaPart
