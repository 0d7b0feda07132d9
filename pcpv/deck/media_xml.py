"""The only hand-built XML in pcpv: sound and video objects, and the timing that plays them on click.

Analysis (modelled on python-pptx's ``docs/dev/analysis/shp-movie.rst``)
=======================================================================

python-pptx 1.0.2 can add a *video* (``add_movie``) but not a *sound*. The usual workaround, a sound
file passed to ``add_movie``, makes a video object that happens to play sound: no ``a:audioFile``,
``video/unknown`` content type, the file name as alt text, and a timing tree LibreOffice drops.

**What PowerPoint writes** (Insert > Audio, PowerPoint 16; read from Apache POI's PowerPoint-made
``EmbeddedAudio.pptx`` and ``EmbeddedVideo.pptx`` fixtures)::

    <p:pic>
      <p:nvPicPr>
        <p:cNvPr id="4" name="..." descr="alt text">
          <a:hlinkClick r:id="" action="ppaction://media"/>    <!-- clicking the object plays it -->
        </p:cNvPr>
        <p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr>
        <p:nvPr>
          <a:audioFile r:link="rIdA"/>                         <!-- a:videoFile for a video -->
          <p:extLst><p:ext uri="{DAA4B4D4-6D71-4841-9C94-3DE7FCFB9230}">
            <p14:media r:embed="rIdM"/>                        <!-- the embedded copy (Office 2010+) -->
          </p:ext></p:extLst>
        </p:nvPr>
      </p:nvPicPr>
      <p:blipFill><a:blip r:embed="rIdI"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>
      <p:spPr>xfrm + prstGeom rect</p:spPr>
    </p:pic>

Three relationships from the slide, two of them to the *same* media part:
``rIdA`` type ``.../officeDocument/2006/relationships/audio`` (or ``.../video``), ``rIdM`` type
``http://schemas.microsoft.com/office/2007/relationships/media``, and ``rIdI`` an ordinary image
relationship to the picture shown (a speaker icon for a sound, the poster frame for a video).
PowerPoint repairs a file whose sound object lacks ``p14:media`` or whose ``a:blip`` points at the
sound itself, so all three are always written.

Content types: ``audio/mpeg`` (mp3, as PowerPoint writes it), ``audio/x-wav`` (wav), ``audio/mp4``
(m4a, as LibreOffice and every other writer found), ``video/mp4``. python-pptx writes media parts
with an ``Override`` per part rather than a ``Default`` per extension; both are valid OPC and
PowerPoint, LibreOffice and python-pptx read either.

**Timing.** PowerPoint's default ("Start: In Click Sequence") is a ``p:seq`` main sequence whose
click effect is ``p:cmd type="call" cmd="playFrom(0.0)"`` (``presetClass="mediacall"``) aimed at
the object, followed by a ``p:audio`` (or ``p:video``) ``p:cMediaNode`` that holds the object's
volume (``vol`` is a fixed percentage: 80 % is ``80000``; ``80`` is nearly silent). A sound node
also ends on ``onStopAudio``. For a video PowerPoint adds an interactive sequence: clicking the video
toggles pause. LibreOffice 7.4 drops the *whole* timing tree when the first child of the root's
``p:childTnLst`` is ``p:audio``/``p:video`` (python-pptx's ``add_movie`` writes exactly that), so
the sequences come first here. Nothing starts by itself: every clip waits for a click.

**Re-opening.** python-pptx maps only ``video/*`` content types to ``MediaPart``; an ``audio/*``
part loads as a plain ``Part`` without ``sha1``, and the next ``get_or_add_media_part`` (used for
every sound or video added) fails with ``AttributeError: 'Part' object has no attribute 'sha1'``.
``register_audio_parts()`` maps the audio types too, so a deck holding sound can be opened and
added to; identical media is then stored once, as python-pptx does for video.

``MediaPicCreator`` builds the ``p:pic`` from one literal template, like python-pptx's
``_MoviePicElementCreator``; ``set_click_timing`` writes the slide's timing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from pptx.media import Video
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import PartFactory
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls
from pptx.parts.media import MediaPart

RT_MEDIA = "http://schemas.microsoft.com/office/2007/relationships/media"
"""The Office 2010 relationship to an embedded media part (``p14:media``)."""
P14_MEDIA_EXT = "{DAA4B4D4-6D71-4841-9C94-3DE7FCFB9230}"
P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
VOLUME = 80_000
"""80 % as PowerPoint writes it (``ST_PositiveFixedPercentage``)."""

AUDIO_TYPES = {
    ".mp3": "audio/mpeg",
    ".wav": "audio/x-wav",
    ".m4a": "audio/mp4",
}
"""Content types for the sound files pcpv embeds (what PowerPoint itself writes)."""
_READ_AUDIO_TYPES = (
    "audio/mpeg", "audio/mp3", "audio/x-wav", "audio/wav", "audio/wave", "audio/mp4",
    "audio/x-m4a", "audio/m4a", "audio/aac", "audio/x-ms-wma", "audio/unknown",
)  # fmt: skip


def register_audio_parts() -> None:
    """Let python-pptx load sound parts as media parts (see "Re-opening" above). Idempotent."""
    for content_type in _READ_AUDIO_TYPES:
        PartFactory.part_type_for.setdefault(content_type, MediaPart)


@dataclass(frozen=True)
class MediaTiming:
    """One sound or video on a slide, for ``set_click_timing``."""

    shape_id: int
    """The object's ``p:cNvPr/@id``."""
    kind: str
    """``audio`` or ``video``."""
    duration_ms: int
    """Length of the clip (PowerPoint writes it on the play command)."""


_PIC_TEMPLATE = (
    f"<p:pic {nsdecls('a', 'p', 'r')}>"
    "<p:nvPicPr>"
    '<p:cNvPr id="{shape_id}" name={name} descr={descr}>'
    '<a:hlinkClick r:id="" action="ppaction://media"/>'
    "</p:cNvPr>"
    '<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr>'
    "<p:nvPr>"
    '<a:{kind}File r:link="{link_rId}"/>'
    '<p:extLst><p:ext uri="{ext_uri}">'
    '<p14:media xmlns:p14="{p14}" r:embed="{media_rId}"/>'
    "</p:ext></p:extLst>"
    "</p:nvPr>"
    "</p:nvPicPr>"
    '<p:blipFill><a:blip r:embed="{image_rId}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
    "<p:spPr>"
    '<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
    "</p:spPr>"
    "</p:pic>"
)


class MediaPicCreator:
    """Adds one sound or video object to a slide, the way PowerPoint writes it."""

    def __init__(self, slide: object) -> None:
        self.slide = slide

    def add(
        self,
        *,
        kind: str,
        blob: bytes,
        mime: str,
        extension: str,
        picture: bytes,
        box: tuple[int, int, int, int],
        name: str,
        descr: str,
    ) -> int:
        """Embed ``blob`` (a ``kind`` of ``audio`` or ``video``) showing ``picture`` (PNG or JPEG
        bytes: the speaker icon or poster frame) in ``box`` (x, y, cx, cy in EMU). Returns the new
        shape's id. ``descr`` is the alt text; ``name`` what PowerPoint's Selection pane shows."""
        import io

        if kind not in ("audio", "video"):
            raise ValueError(f"kind must be 'audio' or 'video', not {kind!r}")
        register_audio_parts()
        slide_part = self.slide.part  # type: ignore[attr-defined]
        # python-pptx's Video is a plain blob holder; it names the part after ``filename``'s
        # extension (its own mime map knows only video types).
        media = Video.from_blob(blob, mime, f"media{extension}")
        media_part = slide_part.package.get_or_add_media_part(media)
        media_rId = slide_part.relate_to(media_part, RT_MEDIA)
        link_rId = slide_part.relate_to(media_part, RT.AUDIO if kind == "audio" else RT.VIDEO)
        _, image_rId = slide_part.get_or_add_image_part(io.BytesIO(picture))
        spTree = self.slide.shapes._spTree  # type: ignore[attr-defined]
        shape_id = self.slide.shapes._next_shape_id  # type: ignore[attr-defined]
        x, y, cx, cy = box
        pic = parse_xml(
            _PIC_TEMPLATE.format(
                shape_id=shape_id,
                name=quoteattr(name),
                descr=quoteattr(descr),
                kind=kind,
                ext_uri=P14_MEDIA_EXT,
                p14=P14,
                link_rId=link_rId,
                media_rId=media_rId,
                image_rId=image_rId,
                x=x,
                y=y,
                cx=cx,
                cy=cy,
            )
        )
        spTree.append(pic)
        return shape_id


def media_kind(pic_element: object) -> str | None:
    """``audio``, ``video`` or None for a ``p:pic`` element (python-pptx reports sound objects
    as plain pictures)."""
    nv_pr = pic_element.find(  # type: ignore[attr-defined]
        "{http://schemas.openxmlformats.org/presentationml/2006/main}nvPicPr/"
        "{http://schemas.openxmlformats.org/presentationml/2006/main}nvPr"
    )
    if nv_pr is None:
        return None
    for kind in ("audio", "video"):
        if (
            nv_pr.find(f"{{http://schemas.openxmlformats.org/drawingml/2006/main}}{kind}File")
            is not None
        ):
            return kind
    return None


def _click_effect(ids: list[int], item: MediaTiming) -> str:
    """One click in the main sequence: play ``item`` from the start."""
    outer, middle, effect, behaviour = (ids.pop(0) for _ in range(4))
    return (
        f'<p:par><p:cTn id="{outer}" fill="hold">'
        '<p:stCondLst><p:cond delay="indefinite"/></p:stCondLst><p:childTnLst>'
        f'<p:par><p:cTn id="{middle}" fill="hold">'
        '<p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>'
        f'<p:par><p:cTn id="{effect}" presetID="1" presetClass="mediacall" presetSubtype="0" '
        'fill="hold" nodeType="clickEffect">'
        '<p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>'
        '<p:cmd type="call" cmd="playFrom(0.0)"><p:cBhvr>'
        f'<p:cTn id="{behaviour}" dur="{max(1, item.duration_ms)}" fill="hold"/>'
        f'<p:tgtEl><p:spTgt spid="{item.shape_id}"/></p:tgtEl>'
        "</p:cBhvr></p:cmd>"
        "</p:childTnLst></p:cTn></p:par>"
        "</p:childTnLst></p:cTn></p:par>"
        "</p:childTnLst></p:cTn></p:par>"
    )


def _pause_on_click(ids: list[int], item: MediaTiming) -> str:
    """Clicking a playing video pauses it, clicking again resumes (PowerPoint's own video default)."""
    seq, outer, middle, effect, behaviour = (ids.pop(0) for _ in range(5))
    target = f'<p:tgtEl><p:spTgt spid="{item.shape_id}"/></p:tgtEl>'
    return (
        '<p:seq concurrent="1" nextAc="seek">'
        f'<p:cTn id="{seq}" restart="whenNotActive" fill="hold" evtFilter="cancelBubble" '
        'nodeType="interactiveSeq">'
        f'<p:stCondLst><p:cond evt="onClick" delay="0">{target}</p:cond></p:stCondLst>'
        '<p:endSync evt="end" delay="0"><p:rtn val="all"/></p:endSync><p:childTnLst>'
        f'<p:par><p:cTn id="{outer}" fill="hold"><p:stCondLst><p:cond delay="0"/></p:stCondLst>'
        f'<p:childTnLst><p:par><p:cTn id="{middle}" fill="hold">'
        '<p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>'
        f'<p:par><p:cTn id="{effect}" presetID="2" presetClass="mediacall" presetSubtype="0" '
        'fill="hold" nodeType="clickEffect"><p:stCondLst><p:cond delay="0"/></p:stCondLst>'
        '<p:childTnLst><p:cmd type="call" cmd="togglePause"><p:cBhvr>'
        f'<p:cTn id="{behaviour}" dur="1" fill="hold"/>{target}</p:cBhvr></p:cmd>'
        "</p:childTnLst></p:cTn></p:par>"
        "</p:childTnLst></p:cTn></p:par>"
        "</p:childTnLst></p:cTn></p:par>"
        "</p:childTnLst></p:cTn>"
        f'<p:nextCondLst><p:cond evt="onClick" delay="0">{target}</p:cond></p:nextCondLst>'
        "</p:seq>"
    )


def _media_node(node_id: int, item: MediaTiming) -> str:
    end = (
        '<p:endCondLst><p:cond evt="onStopAudio" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl>'
        "</p:cond></p:endCondLst>"
        if item.kind == "audio"
        else ""
    )
    return (
        f'<p:{item.kind}><p:cMediaNode vol="{VOLUME}">'
        f'<p:cTn id="{node_id}" fill="hold" display="0">'
        f'<p:stCondLst><p:cond delay="indefinite"/></p:stCondLst>{end}</p:cTn>'
        f'<p:tgtEl><p:spTgt spid="{item.shape_id}"/></p:tgtEl>'
        f"</p:cMediaNode></p:{item.kind}>"
    )


def timing_xml(items: Sequence[MediaTiming]) -> str:
    """The ``p:timing`` element that plays each item on a click, in order, sequences first."""
    ids = list(range(3, 3 + 4 * len(items) + 6 * len(items) + len(items) + 1))
    clicks = "".join(_click_effect(ids, item) for item in items)
    sequences = (
        '<p:seq concurrent="1" nextAc="seek">'
        f'<p:cTn id="2" dur="indefinite" nodeType="mainSeq"><p:childTnLst>{clicks}</p:childTnLst>'
        "</p:cTn>"
        '<p:prevCondLst><p:cond evt="onPrev" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond>'
        "</p:prevCondLst>"
        '<p:nextCondLst><p:cond evt="onNext" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond>'
        "</p:nextCondLst></p:seq>"
    )
    sequences += "".join(_pause_on_click(ids, item) for item in items if item.kind == "video")
    nodes = "".join(_media_node(ids.pop(0), item) for item in items)
    return (
        f"<p:timing {nsdecls('p')}><p:tnLst><p:par>"
        '<p:cTn id="1" dur="indefinite" restart="never" nodeType="tmRoot">'
        f"<p:childTnLst>{sequences}{nodes}</p:childTnLst>"
        "</p:cTn></p:par></p:tnLst></p:timing>"
    )


def set_click_timing(slide: object, items: Sequence[MediaTiming]) -> None:
    """Replace the slide's timing with one that plays ``items`` on clicks (nothing plays by itself)."""
    sld = slide._element  # type: ignore[attr-defined]
    for old in sld.findall("{http://schemas.openxmlformats.org/presentationml/2006/main}timing"):
        sld.remove(old)
    if not items:
        return
    timing = parse_xml(timing_xml(items))
    # CT_Slide's children are ordered: cSld, clrMapOvr, transition, timing, extLst.
    ext = sld.find("{http://schemas.openxmlformats.org/presentationml/2006/main}extLst")
    if ext is not None:
        ext.addprevious(timing)
    else:
        sld.append(timing)
