"""``inspect_media``: what is this file, and can pcpv use it? Answered when the file is added.

The wizard calls this the moment a photo, sound or video is chosen, so a bad file is refused at
once, in plain words, while the person who chose it is still there - not at build time.
"""

from __future__ import annotations

from pathlib import Path

from pcpv import sniff
from pcpv.errors import MediaError
from pcpv.media.audio import inspect_audio
from pcpv.media.images import inspect_photo
from pcpv.media.records import MediaInfo, media_error
from pcpv.media.streams import check_readable, open_av
from pcpv.media.video import inspect_video
from pcpv.model import MediaKind

_CHOOSE = "Choose a photo, a sound or a video instead."


def inspect_media(path: Path, *, prompt: str | None = None) -> MediaInfo:
    """Find out what ``path`` holds and check that pcpv can use it.

    Decides by the bytes and the streams inside, never by the name: an audio-only ``.3gp`` or
    ``.mp4`` is a sound, WebP bytes called ``.png`` are a WebP photo. Photos are decoded small,
    sound is decoded (up to a minute) to prove there is some, videos are read from their header.
    Raises ``MediaError`` naming the file (and ``prompt``, the question it was added for).
    """
    check_readable(path, prompt)
    found = sniff.sniff_file(path)
    if found is not None and found.kind is MediaKind.PHOTO:
        return inspect_photo(path, prompt=prompt)
    if found is not None and found.kind is MediaKind.AUDIO:
        return inspect_audio(path, prompt=prompt)
    if found is not None and found.kind is MediaKind.VIDEO:
        source = open_av(path, prompt=prompt, wanted="video")
        if source.video is None:
            return inspect_audio(path, prompt=prompt)
        return inspect_video(path, prompt=prompt)
    if found is None:
        # Garbage in front of an MP3 hides its signature; ffmpeg still finds the sound.
        return inspect_audio(path, prompt=prompt)
    if found is sniff.TEXT:
        # The garbage can happen to be text, too.
        try:
            return inspect_audio(path, prompt=prompt)
        except MediaError:
            pass
    raise media_error(
        path, f"it is {found.label}, not a photo, sound or video.", _CHOOSE, prompt=prompt
    )
