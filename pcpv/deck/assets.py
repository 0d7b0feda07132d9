"""Getting a plan's photos, sounds and videos ready to embed, on every core, with progress.

``pcpv.media`` does the work on one file (upright, scrubbed, downscaled to the placed box,
converted to a format PowerPoint plays); this module runs it for a whole deck in a process pool,
reports progress through a callback, prepares each distinct file once (by hash) and collects every
bad file instead of stopping at the first, so the user hears about all of them at once.
No python-pptx here.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pcpv.deck import layout, theme
from pcpv.deck.plan import MediaRef
from pcpv.errors import MediaError, PcpvError
from pcpv.model import MediaKind

Progress = Callable[[int, int, str], None]
"""Called as ``progress(done, total, text)`` while the deck is built; ``text`` is a plain sentence."""

MAX_WORKERS = 2
"""Processes used to prepare media: both cores of a typical NHS laptop, and never more, so the
machine stays usable while a deck is built."""


@dataclass(frozen=True)
class ReadyPhoto:
    """A photo ready to embed."""

    path: Path
    """JPEG or PNG, upright, with no metadata, in the scratch folder. Kept on disk rather than
    in memory so that memory stays flat however many photos a deck has."""
    width: int
    height: int


@dataclass(frozen=True)
class ReadyClip:
    """A sound or video ready to embed."""

    kind: MediaKind
    path: Path
    """The prepared file, inside the scratch folder."""
    mime: str
    extension: str
    """With the dot, e.g. ``.m4a``."""
    duration_s: float
    poster: Path | None = None
    """For a video: the poster frame (JPEG)."""
    width: int = 0
    """For a video: its width in pixels."""
    height: int = 0


@dataclass(frozen=True)
class MediaFailure:
    """A media file that could not be used."""

    ref: MediaRef
    message: str
    """What went wrong and what to do, naming the file and the question."""


@dataclass
class PreparedMedia:
    """Everything ``prepare_media`` made, by the SHA-256 of the original file."""

    photos: dict[str, ReadyPhoto] = field(default_factory=dict)
    clips: dict[str, ReadyClip] = field(default_factory=dict)
    failures: list[MediaFailure] = field(default_factory=list)

    def bad_hashes(self) -> frozenset[str]:
        """The hashes of the files that failed."""
        return frozenset(f.ref.sha256 for f in self.failures)


def photo_box_px(*, print_quality: bool = False) -> tuple[int, int]:
    """The pixel box every photo is prepared for: the picture column at the chosen quality."""
    from pcpv.media import box_for

    column = layout.grid().picture
    return box_for(column.w, column.h, ppi=theme.PRINT_PPI if print_quality else theme.SCREEN_PPI)


def _check_unchanged(path: Path, sha256: str, prompt: str) -> None:
    """Refuse a media file whose bytes are no longer the ones that were added (and agreed to):
    a file swapped in the media folder by hand must never go out under someone else's consent."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    if sha256 and digest.hexdigest() != sha256:
        raise MediaError(
            f'The file {path.name} in the media folder (for "{prompt}") has changed since it was '
            "added, so pcpv will not use it.",
            hint="Add the photo, sound or video again through pcpv (the wizard or pcpv media add), "
            "and remove the old one from the answer.",
        )


def _prepare_one(
    kind: MediaKind, path: Path, sha256: str, box_px: tuple[int, int], work_dir: Path, prompt: str
) -> Any:
    """Runs in a worker process: one file through ``pcpv.media``."""
    from pcpv import media

    _check_unchanged(path, sha256, prompt)
    if kind == MediaKind.PHOTO:
        prepared = media.prepare_photo(path, box_px=box_px, work_dir=work_dir, prompt=prompt)
        target = work_dir / f"photo-{prepared.sha256[:24]}{prepared.extension}"
        _write_private(target, prepared.data)
        return ReadyPhoto(target, prepared.width, prepared.height)
    if kind == MediaKind.AUDIO:
        sound = media.prepare_audio(path, work_dir=work_dir, prompt=prompt)
        return ReadyClip(kind, sound.path, sound.mime, sound.extension, sound.duration_s)
    video = media.prepare_video(path, work_dir=work_dir, prompt=prompt)
    return ReadyClip(
        kind,
        video.path,
        video.mime,
        ".mp4",
        video.duration_s,
        poster=video.poster_path,
        width=video.width,
        height=video.height,
    )


def _write_private(path: Path, data: bytes) -> None:
    """Write a scratch file readable by the owner only. No fsync: scratch files live only as long
    as the build, and syncing each photo to disk would make the helpers wait on the disk."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def _failure(ref: MediaRef, message: str) -> MediaFailure:
    named = f' It was added as "{ref.original_name}".' if ref.original_name else ""
    return MediaFailure(ref, f"{message}{named}")


class _InProcess(Executor):
    """Runs jobs at once in this process (one file is not worth starting a pool for)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            future.set_exception(exc)
        return future


def prepare_media(
    refs: list[MediaRef],
    *,
    work_dir: Path,
    print_quality: bool = False,
    progress: Progress | None = None,
    workers: int | None = None,
) -> PreparedMedia:
    """Prepare every distinct file in ``refs`` (photos downscaled to ``photo_box_px``) and wait.

    Bad files do not stop the others: each becomes a ``MediaFailure``. ``workers`` defaults to
    ``MAX_WORKERS`` (capped by the number of cores).
    """
    with preparing_media(
        refs, work_dir=work_dir, print_quality=print_quality, progress=progress, workers=workers
    ) as pending:
        return pending.wait()


class PendingMedia:
    """Media being prepared in the background; ``wait()`` collects them."""

    def __init__(
        self,
        unique: dict[str, MediaRef],
        futures: dict[Future[Any], MediaRef],
        result: PreparedMedia,
        progress: Progress | None,
    ) -> None:
        self._unique = unique
        self._futures = futures
        self._result = result
        self._progress = progress

    def wait(self, ready: Callable[[PreparedMedia], None] | None = None) -> PreparedMedia:
        """Every file's result (and every failure), once all are done.

        ``ready(results so far)`` is called each time a file is done, so the caller can use the
        files that are ready while the helpers work on the rest.
        """
        result, total = self._result, len(self._unique)
        done = len(result.failures)
        for future in as_completed(self._futures):
            ref = self._futures[future]
            try:
                prepared = future.result()
            except MediaError as exc:
                result.failures.append(_failure(ref, str(exc)))
            except BrokenProcessPool:
                raise PcpvError(
                    "A helper process stopped while getting the media ready "
                    "(the computer may be short of memory).",
                    hint="Close other programs and build the deck again.",
                ) from None
            else:
                if isinstance(prepared, ReadyPhoto):
                    result.photos[ref.sha256] = prepared
                else:
                    result.clips[ref.sha256] = prepared
            done += 1
            if self._progress:
                self._progress(done, total, f"Got {done} of {total} ready.")
            if ready:
                ready(result)
        self._futures = {}
        # Report failures in the order the files appear in the deck, not the order they failed.
        order = {sha: i for i, sha in enumerate(self._unique)}
        result.failures.sort(key=lambda f: order[f.ref.sha256])
        return result


@contextlib.contextmanager
def preparing_media(
    refs: list[MediaRef],
    *,
    work_dir: Path,
    print_quality: bool = False,
    progress: Progress | None = None,
    workers: int | None = None,
) -> Iterator[PendingMedia]:
    """Start preparing ``refs`` on the helper processes and hand back at once, so the caller can
    lay out slides meanwhile; ``PendingMedia.wait()`` collects the results. Leaving the block
    stops the helpers (waiting for any job still running)."""
    unique: dict[str, MediaRef] = {}
    for ref in refs:
        unique.setdefault(ref.sha256, ref)
    result = PreparedMedia()
    total = len(unique)
    if progress:
        progress(0, total, f"Getting {total} photos, sounds and videos ready.")
    jobs = []
    for ref in unique.values():
        if not ref.source.is_file():
            result.failures.append(
                _failure(
                    ref,
                    f'The {ref.kind.value} for "{ref.question}" is missing from the media folder. '
                    "Add it again, or remove it from the answer.",
                )
            )
            continue
        jobs.append(ref)
    # Longest jobs first (videos by size, then sounds), so neither core sits idle at the end
    # while the other finishes a long clip. Within a kind they stay in slide order (a stable
    # sort), the order the writer puts them in while the rest are still being prepared.
    weight = {MediaKind.VIDEO: 0, MediaKind.AUDIO: 1, MediaKind.PHOTO: 2}
    jobs.sort(
        key=lambda ref: (
            weight[ref.kind],
            -ref.source.stat().st_size if ref.kind is MediaKind.VIDEO else 0,
        )
    )
    box = photo_box_px(print_quality=print_quality)
    count = workers or min(MAX_WORKERS, os.cpu_count() or 1)
    with _executor(count, len(jobs)) as pool:
        futures = {
            pool.submit(
                _prepare_one, ref.kind, ref.source, ref.sha256, box, work_dir, ref.question
            ): ref
            for ref in jobs
        }
        yield PendingMedia(unique, futures, result, progress)


@contextlib.contextmanager
def _executor(workers: int, jobs: int) -> Iterator[Executor]:
    if workers <= 1 or jobs <= 1:
        yield _InProcess()
        return
    with ProcessPoolExecutor(max_workers=min(workers, jobs)) as pool:
        try:
            yield pool
        except BaseException:
            # Stopped or failed: don't finish the queue, only the jobs already running.
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def failure_error(failures: list[MediaFailure]) -> MediaError:
    """One error listing every bad file, saying what to do."""
    lines = "\n".join(f"  - {f.message}" for f in failures)
    noun = "file" if len(failures) == 1 else f"{len(failures)} files"
    return MediaError(
        f"The deck was not made, because pcpv cannot use this {noun}:\n{lines}",
        hint="Replace or remove them, or build without them: pcpv build FOLDER --skip-bad-media",
    )
