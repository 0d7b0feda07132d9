"""Makers of awkward media files, shaped like the real ones phones, cameras and apps produce.

Each maker writes into a folder it is given and returns the path. Photos carry a marker so tests
can tell which way up a picture came out: the stored pixels have a RED block in the top-left
corner; EXIF orientation then says how to turn them, so tests check where the red ended up.
Secrets (GPS, names) use the strings below, so tests can prove they are gone byte for byte.
"""

from __future__ import annotations

import io
import random
import struct
import subprocess
import wave
import zlib
from pathlib import Path

from PIL import Image

from pcpv.media.ffmpeg import ffmpeg_exe

SECRET_NAME = "Jane Q Patient"
"""An "Artist"/author name planted in tags."""
SECRET_PLACE = "Ward 7 Secure Unit"
"""A place name planted in comments and titles."""
GPS_TEXT = "+51.5074-000.1278"
"""The ISO 6709 location planted in videos (what phones write)."""
GPS_LAT = (51.0, 30.0, 26.64)
"""Latitude planted in photo EXIF (degrees, minutes, seconds)."""

RED = (255, 0, 0)
WHITE = (255, 255, 255)


# -- photos ---------------------------------------------------------------------------------------


def marked_picture(size: tuple[int, int] = (400, 200), *, noise: bool = False) -> Image.Image:
    """A white (or noisy) RGB picture with a red block in its top-left corner."""
    width, height = size
    im = Image.effect_noise(size, 60).convert("RGB") if noise else Image.new("RGB", size, WHITE)
    block = (0, 0, max(2, width // 8), max(2, height // 8))
    im.paste(RED, block)
    return im


def exif_bytes(orientation: int | None = None, *, gps: bool = True) -> bytes:
    """EXIF with an Artist, a description, GPS coordinates and (optionally) an orientation."""
    exif = Image.Exif()
    exif[0x013B] = SECRET_NAME  # Artist
    exif[0x010E] = SECRET_PLACE  # ImageDescription
    exif[0x010F] = "PhoneMaker"  # Make
    if orientation is not None:
        exif[0x0112] = orientation
    if gps:
        exif[0x8825] = {1: "N", 2: GPS_LAT, 3: "W", 4: (0.0, 7.0, 40.08)}
    return exif.tobytes()


def _xmp(orientation: int | None = None) -> bytes:
    extra = f' tiff:Orientation="{orientation}"' if orientation else ""
    return (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" '
        f'xmlns:tiff="http://ns.adobe.com/tiff/1.0/"{extra}><dc:creator>{SECRET_NAME}</dc:creator>'
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
    ).encode()


def _insert_jpeg_segments(jpeg: bytes, *segments: bytes) -> bytes:
    """Put extra segments (full, with marker and length) right after SOI."""
    return jpeg[:2] + b"".join(segments) + jpeg[2:]


def _segment(marker: int, body: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body


def jpeg_rotated(
    folder: Path,
    name: str = "rotated.jpg",
    *,
    orientation: int = 6,
    size: tuple[int, int] = (400, 200),
    noise: bool = False,
) -> Path:
    """A phone JPEG stored sideways with EXIF orientation, GPS, Artist, XMP, IPTC and a comment."""
    buffer = io.BytesIO()
    marked_picture(size, noise=noise).save(
        buffer, "JPEG", quality=90, exif=exif_bytes(orientation), comment=SECRET_PLACE.encode()
    )
    xmp = _segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + _xmp())
    iptc = _segment(
        0xED,
        b"Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x10\x1c\x02\x50\x00\x0e"
        + SECRET_NAME.encode(),
    )
    path = folder / name
    path.write_bytes(_insert_jpeg_segments(buffer.getvalue(), xmp, iptc))
    return path


def jpeg_xmp_orientation(folder: Path, name: str = "xmp.jpg", *, orientation: int = 6) -> Path:
    """A JPEG whose only orientation is ``tiff:Orientation`` in XMP (no EXIF at all)."""
    buffer = io.BytesIO()
    marked_picture((400, 200)).save(buffer, "JPEG", quality=90)
    xmp = _segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + _xmp(orientation))
    path = folder / name
    path.write_bytes(_insert_jpeg_segments(buffer.getvalue(), xmp))
    return path


def jpeg_plain(
    folder: Path,
    name: str = "plain.jpg",
    *,
    size: tuple[int, int] = (400, 200),
    noise: bool = False,
    quality: int = 90,
) -> Path:
    """An ordinary JPEG with no metadata."""
    path = folder / name
    marked_picture(size, noise=noise).save(path, "JPEG", quality=quality)
    return path


def jpeg_cmyk(folder: Path, name: str = "cmyk.jpg") -> Path:
    """A CMYK JPEG (print workflows, some scanners): cyan everywhere except a red corner block."""
    im = Image.new("CMYK", (300, 200), (255, 0, 0, 0))  # cyan
    im.paste((0, 255, 255, 0), (0, 0, 60, 40))  # red in CMYK
    path = folder / name
    im.save(path, "JPEG", quality=95)
    return path


def jpeg_with_trailer(folder: Path, name: str = "motion.jpg") -> Path:
    """A "motion photo": a JPEG with an MP4-like block and a second JPEG after end-of-image."""
    first = jpeg_rotated(folder, "_first.jpg", orientation=1).read_bytes()
    (folder / "_first.jpg").unlink()
    gain_map = io.BytesIO()
    Image.new("L", (50, 25), 128).save(gain_map, "JPEG", exif=exif_bytes(1))
    trailer = (
        b"\x00\x00\x00\x18ftypmp42"
        + b"MotionPhoto_Data"
        + SECRET_PLACE.encode()
        + gain_map.getvalue()
    )
    path = folder / name
    path.write_bytes(first + trailer)
    return path


def mpo(folder: Path, name: str = "stereo.mpo.jpg") -> Path:
    """A multi-picture JPEG (MPO), as 3D and some phone cameras write."""
    left = marked_picture((300, 200))
    right = Image.new("RGB", (300, 200), (0, 0, 255))
    path = folder / name
    left.save(path, "MPO", save_all=True, append_images=[right], exif=exif_bytes(1))
    return path


def jpeg_truncated(folder: Path, name: str = "cut.jpg") -> Path:
    """A noisy JPEG cut off half way, as an interrupted copy leaves it."""
    data = jpeg_plain(folder, "_full.jpg", size=(640, 480), noise=True).read_bytes()
    (folder / "_full.jpg").unlink()
    path = folder / name
    path.write_bytes(data[: len(data) // 2])
    return path


def empty_file(folder: Path, name: str = "empty.jpg") -> Path:
    """A file of zero bytes."""
    path = folder / name
    path.write_bytes(b"")
    return path


def text_file(folder: Path, name: str = "notes.jpg") -> Path:
    """A text file with a picture's name."""
    path = folder / name
    path.write_text("Shopping list: milk, bread.\n", encoding="utf-8")
    return path


def png_16bit(folder: Path, name: str = "deep.png") -> Path:
    """A 16-bit greyscale PNG: mid-grey with a black top-left block (values use the full 16 bits)."""
    im = Image.new("I;16", (200, 100), 0x8080)
    im.paste(0, (0, 0, 25, 12))
    path = folder / name
    im.save(path, "PNG")
    return path


def png_palette_transparent(folder: Path, name: str = "drawing.png") -> Path:
    """A palette PNG with a transparent background and a red block: a drawing with transparency."""
    im = Image.new("P", (200, 100), 0)
    im.putpalette([0, 0, 0, 255, 0, 0, 0, 0, 255] + [0] * (256 * 3 - 9))
    im.paste(1, (0, 0, 25, 12))
    im.paste(2, (100, 50, 150, 90))
    path = folder / name
    im.save(path, "PNG", transparency=0)
    return path


def png_exif_rotated(folder: Path, name: str = "exif.png", *, orientation: int = 6) -> Path:
    """A PNG whose orientation lives in an eXIf chunk (with GPS), plus a tEXt comment."""
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", SECRET_PLACE)
    info.add_itxt("XML:com.adobe.xmp", _xmp().decode())
    path = folder / name
    marked_picture((400, 200), noise=True).save(
        path, "PNG", exif=exif_bytes(orientation), pnginfo=info
    )
    return path


def jpeg_orientation_zero(folder: Path, name: str = "zero.jpg") -> Path:
    """A JPEG with EXIF Orientation 0 (seen in the wild): means no rotation."""
    buffer = io.BytesIO()
    marked_picture((400, 200)).save(buffer, "JPEG", exif=exif_bytes(0))
    path = folder / name
    path.write_bytes(buffer.getvalue())
    return path


def gif_animated(folder: Path, name: str = "wave.gif") -> Path:
    """A 3-frame animated GIF; the first frame has the red marker block."""
    frames = [marked_picture((120, 80))] + [
        Image.new("RGB", (120, 80), c) for c in ((0, 255, 0), (0, 0, 255))
    ]
    path = folder / name
    frames[0].save(
        path,
        "GIF",
        save_all=True,
        append_images=frames[1:],
        duration=100,
        loop=0,
        comment=SECRET_PLACE.encode(),
    )
    return path


def webp_named_png(folder: Path, name: str = "from-chat.png") -> Path:
    """WebP bytes (with EXIF) behind a .png name, as messaging apps hand them over."""
    path = folder / name
    marked_picture((400, 200)).save(path, "WEBP", quality=90, exif=exif_bytes(1))
    return path


def heic_rotated(folder: Path, name: str = "iphone.heic") -> Path:
    """An iPhone-like HEIC: rotated in the container (irot) AND carrying EXIF orientation 6.

    pillow-heif turns EXIF orientation into ``irot`` when saving but keeps the file's EXIF saying 6,
    which is exactly the double-rotation trap of real phones.
    """
    import pillow_heif

    pillow_heif.register_heif_opener()
    path = folder / name
    marked_picture((400, 200)).save(path, "HEIF", quality=80, exif=exif_bytes(6))
    return path


def png_bomb(folder: Path, name: str = "bomb.png", *, side: int = 20_000) -> Path:
    """A 1-bit PNG of ``side`` x ``side`` pixels, all zero: a few KB on disk, gigabytes decoded."""
    row = b"\x00" + b"\x00" * ((side + 7) // 8)
    compressor = zlib.compressobj(9)
    idat = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    ihdr = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    path = folder / name
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )
    return path


def jpeg_huge_header(
    folder: Path, name: str = "huge.jpg", *, width: int = 16_384, height: int = 12_288
) -> Path:
    """A real JPEG of ``width`` x ``height`` (200 MP by default) made cheaply: flat colour compresses
    to almost nothing, so it stands in for a 200-megapixel phone JPEG."""
    path = folder / name
    im = Image.new("L", (width, height), 200)
    im.paste(0, (0, 0, width // 8, height // 8))
    im.save(path, "JPEG", quality=50)
    return path


# -- sound ----------------------------------------------------------------------------------------


def ffmpeg(*args: str) -> None:
    """Run the bundled ffmpeg quietly; fail loudly if it fails."""
    subprocess.run(
        [ffmpeg_exe(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y", *args],
        check=True,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=120,
    )


def _tone(seconds: float, rate: int = 44100) -> list[str]:
    return ["-f", "lavfi", "-i", f"sine=frequency=440:sample_rate={rate}:duration={seconds}"]


def wav_tagged(folder: Path, name: str = "voice.wav", *, seconds: float = 2.0) -> Path:
    """A 16-bit WAV with a LIST/INFO chunk (artist, comment) and an ``id3 `` chunk."""
    rate = 16000
    frames = int(rate * seconds)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        samples = [int(8000 * ((i // 20) % 2 * 2 - 1)) for i in range(frames)]
        out.writeframes(struct.pack(f"<{frames}h", *samples))
    riff = buffer.getvalue()

    def sub(kind: bytes, text: str) -> bytes:
        body = text.encode() + b"\x00"
        body += b"\x00" * (len(body) & 1)
        return kind + struct.pack("<I", len(body)) + body

    info = b"INFO" + sub(b"IART", SECRET_NAME) + sub(b"ICMT", SECRET_PLACE)
    list_chunk = b"LIST" + struct.pack("<I", len(info)) + info
    id3 = _id3v2_bytes()
    id3_chunk = b"id3 " + struct.pack("<I", len(id3)) + id3 + b"\x00" * (len(id3) & 1)
    body = riff[12:] + list_chunk + id3_chunk
    path = folder / name
    path.write_bytes(b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WAVE" + body)
    return path


def _id3v2_bytes() -> bytes:
    from mutagen.id3 import ID3, TIT2, TPE1

    tags = ID3()
    tags.add(TPE1(encoding=3, text=SECRET_NAME))
    tags.add(TIT2(encoding=3, text=SECRET_PLACE))
    buffer = io.BytesIO()
    tags.save(buffer, v1=0)
    return buffer.getvalue()


def mp3_plain(folder: Path, name: str = "plain.mp3", *, seconds: float = 3.0) -> Path:
    """An MP3 tone with no tags at all."""
    path = folder / name
    ffmpeg(
        *_tone(seconds),
        "-c:a",
        "libmp3lame",
        "-b:a",
        "96k",
        "-id3v2_version",
        "0",
        "-write_xing",
        "0",
        "-map_metadata",
        "-1",
        str(path),
    )
    return path


def mp3_all_tags(folder: Path, name: str = "song.mp3", *, seconds: float = 3.0) -> Path:
    """An MP3 with ID3v2 (with cover art) at the front, then APEv2 and ID3v1 at the end."""
    from mutagen.apev2 import APEv2
    from mutagen.id3 import APIC, ID3, TIT2, TPE1

    path = mp3_plain(folder, name, seconds=seconds)
    tags = ID3()
    tags.add(TPE1(encoding=3, text=SECRET_NAME))
    tags.add(TIT2(encoding=3, text=SECRET_PLACE))
    cover = io.BytesIO()
    marked_picture((64, 64)).save(cover, "JPEG", exif=exif_bytes(1))
    tags.add(APIC(encoding=3, mime="image/jpeg", type=3, desc="cover", data=cover.getvalue()))
    ape = APEv2()
    ape["Artist"] = SECRET_NAME
    ape.save(path)
    tags.save(path, v1=2)  # v1=2 also writes an ID3v1 tag at the very end, after the APE tag
    return path


def mp3_junk_in_front(folder: Path, name: str = "junk.mp3", *, seconds: float = 3.0) -> Path:
    """An MP3 with 3 KB of random garbage before the first frame (seen from broken downloads)."""
    audio = mp3_plain(folder, "_plain.mp3", seconds=seconds).read_bytes()
    (folder / "_plain.mp3").unlink()
    junk = bytes(random.Random(7).randrange(0, 0xFF) for _ in range(3072))
    junk = junk.replace(b"\xff", b"\xfe")  # no false frame syncs in the garbage
    path = folder / name
    path.write_bytes(junk + audio)
    return path


def mp3_damaged_middle(folder: Path, name: str = "scratched.mp3", *, seconds: float = 3.0) -> Path:
    """An MP3 with 3 KB of random bytes over its middle: it plays, with a gap, and complaints."""
    data = bytearray(mp3_plain(folder, "_whole.mp3", seconds=seconds).read_bytes())
    (folder / "_whole.mp3").unlink()
    noise = random.Random(1)
    start = len(data) // 3
    data[start : start + 3000] = bytes(noise.randrange(256) for _ in range(3000))
    path = folder / name
    path.write_bytes(bytes(data))
    return path


def mp3_tag_stub(folder: Path, name: str = "stub.mp3") -> Path:
    """An ID3v2 tag (title, artist, cover art) with no audio after it: "no sound in this file"."""
    from mutagen.id3 import APIC, ID3, TPE1

    tags = ID3()
    tags.add(TPE1(encoding=3, text=SECRET_NAME))
    cover = io.BytesIO()
    marked_picture((64, 64)).save(cover, "PNG")
    tags.add(APIC(encoding=3, mime="image/png", type=3, desc="cover", data=cover.getvalue()))
    buffer = io.BytesIO()
    tags.save(buffer, v1=0)
    path = folder / name
    path.write_bytes(buffer.getvalue())
    return path


def m4a_with_cover(folder: Path, name: str = "memo.m4a", *, seconds: float = 2.5) -> Path:
    """An AAC m4a with iTunes tags (artist, title) and JPEG cover art in ``ilst``."""
    from mutagen.mp4 import MP4, MP4Cover

    path = folder / name
    ffmpeg(*_tone(seconds), "-c:a", "aac", "-b:a", "96k", str(path))
    tags = MP4(path)
    tags["\xa9ART"] = [SECRET_NAME]
    tags["\xa9nam"] = [SECRET_PLACE]
    cover = io.BytesIO()
    marked_picture((64, 64)).save(cover, "JPEG")
    tags["covr"] = [MP4Cover(cover.getvalue(), imageformat=MP4Cover.FORMAT_JPEG)]
    tags.save()
    return path


def amr_voice_note(folder: Path, name: str = "voice.amr", *, seconds: float = 2.0) -> Path:
    """A phone voice note in AMR-NB (8 kHz mono), which PowerPoint cannot play."""
    path = folder / name
    ffmpeg(
        *_tone(seconds, 8000),
        "-c:a",
        "libopencore_amrnb",
        "-ar",
        "8000",
        "-ac",
        "1",
        "-b:a",
        "12.2k",
        str(path),
    )
    return path


def three_gp_audio(folder: Path, name: str = "voice.3gp", *, seconds: float = 2.0) -> Path:
    """An audio-only 3GP (AMR inside), as older Android recorders write, with a title tag."""
    path = folder / name
    ffmpeg(
        *_tone(seconds, 8000),
        "-c:a",
        "libopencore_amrnb",
        "-ar",
        "8000",
        "-ac",
        "1",
        "-b:a",
        "12.2k",
        "-metadata",
        f"title={SECRET_PLACE}",
        "-f",
        "3gp",
        str(path),
    )
    return path


def ogg_opus(folder: Path, name: str = "note.opus", *, seconds: float = 2.0) -> Path:
    """An Opus voice note in Ogg with a Vorbis comment naming the artist."""
    path = folder / name
    ffmpeg(
        *_tone(seconds, 48000),
        "-c:a",
        "libopus",
        "-b:a",
        "32k",
        "-metadata",
        f"artist={SECRET_NAME}",
        "-f",
        "ogg",
        str(path),
    )
    return path


def flac_with_picture(folder: Path, name: str = "tune.flac", *, seconds: float = 2.0) -> Path:
    """A FLAC with a Vorbis comment and a PICTURE block."""
    from mutagen.flac import FLAC, Picture

    path = folder / name
    ffmpeg(*_tone(seconds), "-c:a", "flac", str(path))
    tags = FLAC(path)
    tags["artist"] = SECRET_NAME
    picture = Picture()
    picture.type = 3
    picture.mime = "image/png"
    cover = io.BytesIO()
    marked_picture((32, 32)).save(cover, "PNG")
    picture.data = cover.getvalue()
    tags.add_picture(picture)
    tags.save()
    return path


def jpeg_named_mp3(folder: Path, name: str = "photo.mp3") -> Path:
    """A photo with a sound's name: "audio that isn't audio"."""
    path = folder / name
    marked_picture((50, 50)).save(path, "JPEG")
    return path


# -- video ----------------------------------------------------------------------------------------


def _base_video(
    path: Path,
    *,
    seconds: float,
    codec: str,
    size: str = "160x120",
    audio: bool = True,
    extra: tuple[str, ...] = (),
) -> None:
    # A red box in the top-left of a white frame: where it lands shows which way up the video is.
    source = (
        f"color=c=white:size={size}:rate=15:duration={seconds},"
        "drawbox=x=0:y=0:w=iw/4:h=ih/4:color=red:t=fill"
    )
    args = ["-f", "lavfi", "-i", source]
    if audio:
        args += _tone(seconds)
    args += ["-c:v", codec, "-pix_fmt", "yuv420p"]
    if codec == "libx265":
        args += ["-x265-params", "log-level=error", "-tag:v", "hvc1"]
    if audio:
        args += ["-c:a", "aac", "-shortest"]
    subprocess_args = [*args, *extra, str(path)]
    ffmpeg(*subprocess_args)


def video_h264(
    folder: Path, name: str = "clip.mp4", *, seconds: float = 2.0, audio: bool = True
) -> Path:
    """A clean-ish H.264 + AAC MP4 (ffmpeg still writes an encoder tag in udta)."""
    path = folder / name
    _base_video(path, seconds=seconds, codec="libx264", audio=audio)
    return path


def video_rotated_gps(folder: Path, name: str = "phone.mp4", *, seconds: float = 2.0) -> Path:
    """An Android-like MP4: 160x120 stored, display matrix rotation 90, GPS in ``©xyz``, a title,
    and an extra subtitle track and a second audio track that must not survive."""
    plain = video_h264(folder, "_plain.mp4", seconds=seconds)
    path = folder / name
    ffmpeg(
        "-display_rotation:v:0",
        "90",
        "-i",
        str(plain),
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=880:duration=1",
        "-f",
        "lavfi",
        "-i",
        "anullsrc=r=8000:cl=mono",
        "-map",
        "0:v",
        "-map",
        "0:a",
        "-map",
        "1:a",
        "-c:v",
        "copy",
        "-c:a",
        "aac",
        "-metadata",
        f"location={GPS_TEXT}/",
        "-metadata",
        f"title={SECRET_PLACE}",
        "-metadata",
        f"artist={SECRET_NAME}",
        str(path),
    )
    plain.unlink()
    # ffmpeg writes the location as a binary 'loci' box; Android writes text in '\xa9xyz' too.
    from mutagen.mp4 import MP4

    tags = MP4(path)
    tags["\xa9xyz"] = [f"{GPS_TEXT}/"]
    tags.save()
    return path


def mov_hevc_mdta(folder: Path, name: str = "iphone.mov", *, seconds: float = 2.0) -> Path:
    """An iPhone-like MOV: HEVC video, GPS and a name in QuickTime ``mdta`` keys."""
    path = folder / name
    _base_video(
        path,
        seconds=seconds,
        codec="libx265",
        extra=(
            "-movflags",
            "use_metadata_tags",
            "-metadata",
            f"com.apple.quicktime.location.ISO6709={GPS_TEXT}+010.000/",
            "-metadata",
            f"com.apple.quicktime.author={SECRET_NAME}",
            "-f",
            "mov",
        ),
    )
    return path
