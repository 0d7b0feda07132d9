"""Small makers of symbol folders and pictures for the symbol tests."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MULBERRY = REPO.parent / "shared" / "symbol-sets" / "mulberry"
"""The real Mulberry set beside the checkout (read where it is, never copied)."""

SVG_OK = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    '<rect width="10" height="10" fill="#c00"/></svg>'
)
SVG_TALL = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 20">'
    '<rect width="10" height="20" fill="#00c"/></svg>'
)


def write_folder(root: Path, files: dict[str, str | bytes]) -> Path:
    """Make a symbol folder with ``files`` (name -> text or bytes)."""
    root.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def png_bytes(
    size: tuple[int, int] = (40, 20), colour: tuple[int, int, int] = (0, 150, 0)
) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


def jpeg_bytes(size: tuple[int, int] = (30, 60)) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, (10, 20, 200)).save(out, "JPEG")
    return out.getvalue()
