"""Photos: open untrusted files safely, turn them upright, size them for their box, write them afresh.

The output is always new pixels encoded by Pillow, never the original bytes: that is what removes
EXIF (GPS, camera, "Artist"), XMP, IPTC, comments, ICC profiles and anything hidden after the end of
the picture (motion-photo videos, Ultra HDR gain maps). Nothing about the original travels except
what a person sees.

Speed: a JPEG is decoded with ``draft()``, which lets libjpeg scale by 1/2, 1/4 or 1/8 while
decoding. ``draft`` never goes below the size it is asked for in either direction, so it must be
asked for the *fitted* size, not the box (asking a 3:2 photo for a square box does nothing).
"""

from __future__ import annotations

import hashlib
import io
import math
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageCms, JpegImagePlugin

from pcpv import sniff
from pcpv.deck.theme import EMU_PER_INCH, JPEG_QUALITY, SCREEN_PPI
from pcpv.media.records import MediaInfo, PreparedImage, media_error, require_readable
from pcpv.model import MediaKind

MAX_DECODE_PIXELS = 64_000_000
"""Most pixels pcpv will hold in memory for one photo (about 190 MB as RGB). A JPEG may be larger
on disk: it is shrunk while it is decoded, and only the shrunk size counts."""
MAX_PLAUSIBLE_PIXELS = 300_000_000
"""Beyond this no phone or camera made the picture (the largest phone photos are 200 megapixels):
the file is damaged or built to exhaust memory (a "decompression bomb")."""
MAX_DRAWING_COLOURS = 4096
"""A picture from a lossless file (PNG, GIF...) with at most this many colours is a drawing or a
screenshot: it stays PNG, where JPEG would blur its edges and text."""
INSPECT_BOX_PX = (320, 320)
"""``inspect_media`` decodes photos at about this size: enough to find damage, quick for 24 MP."""

_PILLOW_FORMATS = {
    sniff.JPEG: "JPEG",
    sniff.PNG: "PNG",
    sniff.GIF: "GIF",
    sniff.WEBP: "WEBP",
    sniff.BMP: "BMP",
    sniff.TIFF: "TIFF",
    sniff.HEIC: "HEIF",
    sniff.AVIF: "AVIF",
}
_LOSSLESS = {sniff.PNG, sniff.GIF, sniff.BMP, sniff.TIFF}
_ORIENTATION_TAG = 0x0112
# EXIF orientation -> the transposes that turn the stored pixels upright, in order.
_UPRIGHT: dict[int, tuple[Image.Transpose, ...]] = {
    2: (Image.Transpose.FLIP_LEFT_RIGHT,),
    3: (Image.Transpose.ROTATE_180,),
    4: (Image.Transpose.FLIP_TOP_BOTTOM,),
    5: (Image.Transpose.TRANSPOSE,),
    6: (Image.Transpose.ROTATE_270,),
    7: (Image.Transpose.TRANSVERSE,),
    8: (Image.Transpose.ROTATE_90,),
}
_SWAPS_SIDES = {5, 6, 7, 8}
_DAMAGED_HINT = "Copy the photo from the phone or camera again, or choose a different photo."


def box_for(width_emu: int, height_emu: int, *, ppi: int = SCREEN_PPI) -> tuple[int, int]:
    """The pixel box for a picture placed ``width_emu`` x ``height_emu`` on a slide at ``ppi``.

    Pass ``theme.PRINT_PPI`` for ``--print`` decks.
    """
    return (
        max(1, math.ceil(width_emu / EMU_PER_INCH * ppi)),
        max(1, math.ceil(height_emu / EMU_PER_INCH * ppi)),
    )


def fit_within(size: tuple[int, int], box: tuple[int, int]) -> tuple[int, int]:
    """``size`` scaled down (never up) to fit inside ``box``, keeping its shape."""
    width, height = size
    scale = min(1.0, box[0] / width, box[1] / height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def orientation_of(im: Image.Image) -> int:
    """The EXIF orientation (1-8) of an opened picture; 1 when absent, 0 or out of range.

    Pillow finds it in JPEG EXIF, PNG ``eXIf`` chunks and XMP ``tiff:Orientation``. HEIC is
    special: pillow-heif has already applied the container's ``irot``/``imir`` and reports 1, so
    reading the file's own EXIF again would turn the photo a second time.
    """
    try:
        with warnings.catch_warnings():
            # EXIF is thrown away on output; a damaged block only costs the rotation.
            warnings.simplefilter("ignore")
            value = im.getexif().get(_ORIENTATION_TAG, 1)
    except Exception:  # Pillow raises many kinds on broken EXIF; none may stop the photo
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


@dataclass
class _Decoded:
    image: Image.Image
    """Decoded pixels, still in the stored orientation, shrunk (roughly) by ``draft`` for JPEGs."""
    file_type: sniff.FileType
    orientation: int
    source_size: tuple[int, int]
    """The stored size before any shrinking (not rotated)."""
    icc_profile: bytes | None
    notes: list[str]


@cache
def _register_heif() -> None:
    import pillow_heif  # deferred: loads libheif

    pillow_heif.register_heif_opener()


@contextmanager
def _decoder_warnings_fail(path: Path, prompt: str | None) -> Iterator[None]:
    """Turn any warning raised while decoding pixels into a refusal.

    A damaged or truncated file often decodes "successfully" with only a warning; on an untrusted
    file that is not good enough to put in front of a meeting.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    for warning in caught:
        if issubclass(warning.category, Image.DecompressionBombWarning):
            raise _too_many_pixels(path, None, prompt)
        raise media_error(
            path,
            f"the picture inside it looks damaged ({warning.message}).",
            _DAMAGED_HINT,
            prompt=prompt,
        )


def _too_many_pixels(path: Path, size: tuple[int, int] | None, prompt: str | None) -> Exception:
    if size is None or size[0] * size[1] > MAX_PLAUSIBLE_PIXELS:
        shown = f" ({size[0]} x {size[1]} pixels)" if size else ""
        return media_error(
            path,
            f"it says it holds a picture far bigger than any camera makes{shown}. "
            "It is damaged or was made to cause trouble.",
            "Choose a different photo.",
            prompt=prompt,
        )
    megapixels = size[0] * size[1] / 1_000_000
    return media_error(
        path,
        f"it is a very big photo ({megapixels:.0f} megapixels) and pcpv can only take photos "
        f"up to {MAX_DECODE_PIXELS // 1_000_000} megapixels in this format.",
        "On the phone, share or save a smaller copy of the photo (for example as a JPEG, or at "
        '"large" rather than "actual" size), then add that copy.',
        prompt=prompt,
    )


def _refuse_by_type(path: Path, prompt: str | None) -> sniff.FileType:
    """The sniffed photo type of ``path``, or a ``MediaError`` saying plainly what it is instead."""
    require_readable(path, prompt, empty_hint=_DAMAGED_HINT)
    found = sniff.sniff_file(path)
    if found in _PILLOW_FORMATS:
        return found
    if found is None:
        what = "pcpv does not recognise it as a photo or picture."
    elif found.kind is MediaKind.PHOTO:
        what = f"it is {found.label}, which pcpv cannot read."
    else:
        what = f"it is not a photo: it looks like {found.label}."
    raise media_error(
        path, what, "Choose a photo (JPEG, PNG, HEIC, WebP or GIF) instead.", prompt=prompt
    )


def _open_image(path: Path, file_type: sniff.FileType) -> Image.Image:
    if file_type is sniff.JPEG:
        # Open the JPEG plug-in directly: Image.open would refuse a 200 MP phone JPEG outright,
        # but draft() decodes it at 1/8 size; our own pixel limits apply to what is decoded.
        # An MPO (multi-picture) opens as its first picture here, which is the one people see.
        return JpegImagePlugin.JpegImageFile(path)
    if file_type is sniff.HEIC:
        _register_heif()
    return Image.open(path, formats=[_PILLOW_FORMATS[file_type]])


def _decode(
    path: Path, box_px: tuple[int, int], *, prompt: str | None
) -> tuple[_Decoded, tuple[int, int]]:
    """Open, check and decode ``path`` just large enough for ``box_px`` (upright).

    Returns the decoded photo and the target size for the *stored* (not yet rotated) pixels.
    """
    file_type = _refuse_by_type(path, prompt)
    notes: list[str] = []
    try:
        with warnings.catch_warnings(record=True) as header_warnings:
            warnings.simplefilter("always")
            im = _open_image(path, file_type)
    except Image.DecompressionBombError:
        raise _too_many_pixels(path, None, prompt) from None
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, KeyError):
        raise media_error(
            path,
            f"it looks like {file_type.label}, but the picture inside cannot be read.",
            _DAMAGED_HINT,
            prompt=prompt,
        ) from None
    try:
        for warning in header_warnings:
            if issubclass(warning.category, Image.DecompressionBombWarning):
                continue  # judged below against our own limits
            notes.append(
                f"Some details stored with the photo could not be read ({warning.message})."
            )
        source_size = im.size
        if source_size[0] * source_size[1] > MAX_PLAUSIBLE_PIXELS or min(source_size) < 1:
            raise _too_many_pixels(path, source_size, prompt)
        orientation = orientation_of(im) if file_type is sniff.JPEG else 1
        upright = _upright_size(source_size, orientation)
        target = _stored_size(fit_within(upright, box_px), orientation)
        if file_type is sniff.JPEG:
            im.draft(None, target)
        if im.size[0] * im.size[1] > MAX_DECODE_PIXELS:
            raise _too_many_pixels(path, source_size, prompt)
        try:
            with _decoder_warnings_fail(path, prompt):
                im.load()
        except Image.DecompressionBombError:
            raise _too_many_pixels(path, source_size, prompt) from None
        except (OSError, SyntaxError, ValueError, EOFError, IndexError, MemoryError):
            raise media_error(
                path,
                "the picture inside is damaged or cut short.",
                _DAMAGED_HINT,
                prompt=prompt,
            ) from None
        if file_type is not sniff.JPEG:
            # PNG can keep its eXIf chunk after the pixels, so ask only once they are read.
            orientation = orientation_of(im)
            target = _stored_size(
                fit_within(_upright_size(source_size, orientation), box_px), orientation
            )
        icc = im.info.get("icc_profile") or None
        return _Decoded(im, file_type, orientation, source_size, icc, notes), target
    except BaseException:
        im.close()
        raise


def _upright_size(size: tuple[int, int], orientation: int) -> tuple[int, int]:
    return (size[1], size[0]) if orientation in _SWAPS_SIDES else size


def _stored_size(upright: tuple[int, int], orientation: int) -> tuple[int, int]:
    return (upright[1], upright[0]) if orientation in _SWAPS_SIDES else upright


def _to_8bit(im: Image.Image) -> Image.Image:
    """Bring any mode to 8-bit L, RGB, RGBA or CMYK without losing what a person sees."""
    mode = im.mode
    if mode in ("L", "RGB", "RGBA", "CMYK"):
        return im
    if mode.startswith("I;16") or mode == "I":
        # convert("L") would clip 16-bit values above 255 to white; scale them down instead.
        return im.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    if mode == "F":
        return im.convert("L")
    if mode in ("P", "PA"):
        return im.convert("RGBA" if im.has_transparency_data else "RGB")
    if mode in ("LA", "La", "RGBa"):
        return im.convert("RGBA")
    return im.convert("RGB")


def _to_srgb(im: Image.Image, icc: bytes | None, notes: list[str]) -> Image.Image:
    """Colour-manage into sRGB (the profile is dropped on output, so its effect must be applied)."""
    out_mode = "RGBA" if im.mode == "RGBA" else "RGB"
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(
                im, source, ImageCms.createProfile("sRGB"), outputMode=out_mode
            )
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            notes.append(
                "The photo's colour profile could not be read; colours may look a little different."
            )
    if im.mode == "L":
        return im
    return im.convert(out_mode)


def _flatten_if_opaque(im: Image.Image) -> Image.Image:
    """RGB when the alpha channel hides nothing; otherwise leave RGBA for a PNG."""
    if im.mode != "RGBA":
        return im
    if im.getchannel("A").getextrema()[0] == 255:
        return im.convert("RGB")
    return im


def _is_drawing(im: Image.Image, file_type: sniff.FileType) -> bool:
    return file_type in _LOSSLESS and im.getcolors(MAX_DRAWING_COLOURS) is not None


def _render(
    path: Path, box_px: tuple[int, int], prompt: str | None
) -> tuple[Image.Image, _Decoded]:
    """Decode and turn ``path`` into upright 8-bit sRGB pixels fitted inside ``box_px``."""
    if box_px[0] < 1 or box_px[1] < 1:
        raise ValueError(f"box_px must be positive, got {box_px}")
    decoded, target = _decode(path, box_px, prompt=prompt)
    with decoded.image as original:
        im = _to_8bit(original)
        if im.size != target:
            # Bicubic, not Lanczos: on a phone photo shrunk from its draft() size it comes
            # within 0.03 (of 255) RMS of Lanczos and takes two thirds of the time.
            im = im.resize(target, Image.Resampling.BICUBIC, reducing_gap=3.0)
        elif im is original:
            im = im.copy()
    im = _flatten_if_opaque(_to_srgb(im, decoded.icc_profile, decoded.notes))
    for step in _UPRIGHT.get(decoded.orientation, ()):
        im = im.transpose(step)
    return im, decoded


def prepare_photo(
    path: Path, *, box_px: tuple[int, int], work_dir: Path, prompt: str | None = None
) -> PreparedImage:
    """Make ``path`` ready for a slide: upright, no larger than ``box_px``, no metadata at all.

    ``box_px`` is the placed size in pixels (see ``box_for``). Photos come out as JPEG at
    ``theme.JPEG_QUALITY``; pictures with real transparency and drawings from lossless files come
    out as PNG. Photos are prepared in memory, so nothing is written to ``work_dir`` (it is taken
    for the same call shape as audio and video). Safe to run in a process pool: a pure function
    of its arguments with a picklable result. Raises ``MediaError`` naming the file (and
    ``prompt``) for anything that is not a usable picture.
    """
    del work_dir  # nothing to write: see the docstring
    im, decoded = _render(path, box_px, prompt)
    with im:
        # Pillow carries the source's info (comment, EXIF, XMP, ICC) through every operation and
        # writes some of it back on save; an empty info is what makes the output clean.
        im.info.clear()
        buffer = io.BytesIO()
        if im.mode == "RGBA" or _is_drawing(im, decoded.file_type):
            fmt = "PNG"
            im.save(buffer, "PNG", optimize=False, compress_level=6)
        else:
            fmt = "JPEG"
            im.save(buffer, "JPEG", quality=JPEG_QUALITY)
        data = buffer.getvalue()
        return PreparedImage(
            data=data,
            format=fmt,
            width=im.width,
            height=im.height,
            sha256=hashlib.sha256(data).hexdigest(),
            source_label=decoded.file_type.label,
            notes=tuple(decoded.notes),
        )


def inspect_photo(path: Path, *, prompt: str | None = None) -> MediaInfo:
    """Check that ``path`` is a usable picture by decoding it small; report its upright size."""
    im, decoded = _render(path, INSPECT_BOX_PX, prompt)
    im.close()
    width, height = _upright_size(decoded.source_size, decoded.orientation)
    needs_conversion = decoded.file_type not in (sniff.JPEG, sniff.PNG) or decoded.orientation != 1
    return MediaInfo(
        path=path,
        kind=MediaKind.PHOTO,
        mime=decoded.file_type.mime,
        label=decoded.file_type.label,
        width=width,
        height=height,
        needs_conversion=needs_conversion,
        notes=tuple(decoded.notes),
    )
