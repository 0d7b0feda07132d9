"""Media intake: photos, sound and video made safe and ready for a slide.

Everything a phone, camera or messaging app hands a SALT goes through here before it reaches a
deck. Files are judged by their bytes, never their names; every refusal is a ``MediaError`` whose
message names the file (and the question it was for, when the caller passes ``prompt``) and says
what to do next. Output is always written afresh, so no metadata survives: no EXIF/GPS, XMP, IPTC,
comments, ID3/APE/iTunes tags, QuickTime keys or extra tracks.

Public API (the wizard and the deck writer call these):

``inspect_media(path, *, prompt=None) -> MediaInfo``
    Quick check when a file is added: kind, MIME, upright width/height or duration, whether it
    will be converted. Raises ``MediaError`` for empty, fake, damaged, truncated or bomb files.

``prepare_photo(path, *, box_px, work_dir, prompt=None) -> PreparedImage``
    Upright (EXIF/PNG eXIf/XMP orientation applied once; HEIC never twice), sRGB, fitted inside
    ``box_px`` (use ``box_for(width_emu, height_emu, ppi=SCREEN_PPI|PRINT_PPI)``), JPEG at
    ``theme.JPEG_QUALITY`` or PNG for transparency and drawings. Returns the bytes in memory.
    Pure and picklable: safe in a ``ProcessPoolExecutor``.

``prepare_audio(path, *, work_dir, prompt=None) -> PreparedAudio``
    WAV, MP3 or M4A (AAC) that PowerPoint plays; AMR/3GP/Ogg/Opus/FLAC converted to M4A. Writes
    one new file in ``work_dir`` (the caller moves it); reports ``duration_s``.

``prepare_video(path, *, work_dir, prompt=None) -> PreparedVideo``
    H.264 + AAC MP4 (yuv420p, faststart), upright, one video and one sound track, plus a poster
    JPEG taken from the new clip. Writes two new files in ``work_dir``.

``scrub_check(data_or_path) -> list[str]``
    Proof of cleanliness for JPEG, PNG, WAV, MP3 and MP4/M4A/MOV: every place metadata remains
    (empty list = clean). Says so when it cannot check a kind of file.

``work_dir`` must be a private folder inside the project (``Project.work_dir()``): patient media
never goes to the system temp folder. On failure nothing is left there.
"""

from pcpv.media.audio import prepare_audio
from pcpv.media.images import box_for, fit_within, prepare_photo
from pcpv.media.probe import inspect_media
from pcpv.media.records import MediaInfo, PreparedAudio, PreparedImage, PreparedVideo
from pcpv.media.scrub import scrub_check
from pcpv.media.video import prepare_video

__all__ = [
    "MediaInfo",
    "PreparedAudio",
    "PreparedImage",
    "PreparedVideo",
    "box_for",
    "fit_within",
    "inspect_media",
    "prepare_audio",
    "prepare_photo",
    "prepare_video",
    "scrub_check",
]
