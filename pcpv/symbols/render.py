"""Drawing a symbol as a square PNG of the size it is shown at, cached.

SVGs are drawn with resvg (``resvg-py``: a self-contained Rust renderer, no system libraries);
PNG and JPEG symbols are scaled with Pillow. Every result is a transparent square with the picture
centred, so symbols line up on a slide whatever their shape. Results are cached under a name made
of the set, the symbol, the size and the source file's path, size and modification time, so an
edited picture is drawn again and an unchanged one never is.
"""

from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path

from pcpv.errors import SymbolError
from pcpv.safe_io import atomic_write_bytes, make_private_dir

MIN_SIZE_PX = 16
MAX_SIZE_PX = 2048
MAX_SOURCE_BYTES = 20 * 1024 * 1024
"""A symbol file bigger than this is not a symbol; refusing it keeps a bad file from stalling a build."""
MAX_SOURCE_PIXELS = 40_000_000


def cache_name(set_id: str, symbol_id: str, size_px: int, source: Path) -> str:
    """The cached file's name: readable start, and a hash that changes when the source changes."""
    stat = source.stat()
    fingerprint = f"{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{set_id}|{symbol_id}"
    digest = hashlib.sha256(fingerprint.encode("utf-8")).hexdigest()[:16]
    readable = re.sub(r"[^A-Za-z0-9_-]+", "_", symbol_id)[:40]
    return f"{readable}-{size_px}-{digest}.png"


def render_cached(
    set_id: str, symbol_id: str, source: Path, size_px: int, cache_root: Path
) -> Path:
    """The PNG for a symbol at ``size_px``, drawing it into ``cache_root/<set>/`` if needed."""
    if not MIN_SIZE_PX <= size_px <= MAX_SIZE_PX:
        raise SymbolError(
            f"A symbol cannot be drawn {size_px} pixels wide.",
            hint=f"Ask for a size between {MIN_SIZE_PX} and {MAX_SIZE_PX} pixels.",
        )
    try:
        name = cache_name(set_id, symbol_id, size_px, source)
    except OSError:
        raise SymbolError(
            f"The picture for symbol '{set_id}:{symbol_id}' is missing ({source}).",
            hint="Check that the symbol set's folder is still there, or choose another symbol.",
        ) from None
    folder = cache_root / re.sub(r"[^A-Za-z0-9_-]+", "_", set_id)
    target = folder / name
    if target.exists():
        return target
    png = render_bytes(source, size_px)
    make_private_dir(folder)
    atomic_write_bytes(target, png)
    return target


def render_bytes(source: Path, size_px: int) -> bytes:
    """Draw ``source`` (SVG, PNG or JPEG) into a transparent ``size_px`` square; PNG bytes.

    Raises ``SymbolError`` naming the file when it cannot be drawn.
    """
    from PIL import Image

    try:
        size = source.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise SymbolError(
                f"The symbol file {source} is {size // 1_000_000} MB, too big for a symbol.",
                hint="Use a smaller picture for this symbol.",
            )
        data = source.read_bytes()
    except OSError as exc:
        raise SymbolError(
            f"The symbol file {source} could not be read ({exc.strerror}).",
            hint="Check that the symbol set's folder is still there, or choose another symbol.",
        ) from None
    if source.suffix.lower() == ".svg":
        picture = _draw_svg(source, data, size_px)
    else:
        picture = _scale_raster(source, data, size_px)
    canvas = Image.new("RGBA", (size_px, size_px), (0, 0, 0, 0))
    canvas.paste(
        picture, ((size_px - picture.width) // 2, (size_px - picture.height) // 2), picture
    )
    out = io.BytesIO()
    canvas.save(out, "PNG")
    return out.getvalue()


def _unreadable(source: Path, why: str) -> SymbolError:
    return SymbolError(
        f"The symbol picture {source} cannot be drawn: {why}.",
        hint="The file may be damaged. Choose another symbol for this word, or replace the file "
        "and add the set again.",
    )


def _draw_svg(source: Path, data: bytes, size_px: int):
    import resvg_py
    from PIL import Image

    if b"<!ENTITY" in data:
        raise _unreadable(source, "it declares XML entities, which pcpv does not read")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _unreadable(source, "it is not UTF-8 text") from None
    try:
        # Draw at full width first; a tall picture is drawn again to fit the height.
        png = resvg_py.svg_to_bytes(
            svg_string=text, width=size_px, resources_dir=str(source.parent), skip_system_fonts=True
        )
        image = Image.open(io.BytesIO(bytes(png)))
        if image.height > size_px:
            png = resvg_py.svg_to_bytes(
                svg_string=text,
                height=size_px,
                resources_dir=str(source.parent),
                skip_system_fonts=True,
            )
            image = Image.open(io.BytesIO(bytes(png)))
        image.load()
    except (ValueError, OSError) as exc:
        raise _unreadable(source, str(exc)) from None
    if image.width == 0 or image.height == 0:
        raise _unreadable(source, "it has no size")
    return image.convert("RGBA")


def _scale_raster(source: Path, data: bytes, size_px: int):
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as opened:
            if opened.width * opened.height > MAX_SOURCE_PIXELS:
                raise _unreadable(source, "it has far too many pixels for a symbol")
            image = ImageOps.exif_transpose(opened).convert("RGBA")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise _unreadable(source, str(exc)) from None
    scale = size_px / max(image.width, image.height)
    new_size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(new_size, Image.Resampling.LANCZOS)
