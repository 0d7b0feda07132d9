"""Kill a writer in the middle of saving, many times: every file is always the old or the new one."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pcpv.project import Project
from pcpv.safe_io import TEMP_PREFIX

KILLS = 40

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from pcpv.model import WordsBy
    from pcpv.project import Project
    root = Path(sys.argv[1])
    with Project.open_for_writing(root) as project:
        n = int(sys.argv[2]) * 1_000_000
        while True:
            n += 1
            # Big answers make each save take long enough to be killed in the middle of it.
            words = f"version {n}\\n" + ("I like the garden and my guitar. " * 4000)
            project.set_words("feel-safe", words, WordsBy.PATIENT)
            project.set_words("my-room", f"room {n}", WordsBy.STAFF)
            if n % 1_000_000 == 1:
                print("saved once", flush=True)
    """
)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")
def test_killing_a_writer_mid_save_never_breaks_the_project(project_dir: Path) -> None:
    rng = random.Random(1234)
    seen_versions = set()
    killed_mid_save = 0
    for kill in range(1, KILLS + 1):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(project_dir), str(kill)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout is not None and writer.stdout.readline().strip() == "saved once"
        time.sleep(rng.uniform(0.0, 0.15))
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        killed_mid_save += bool(list(project_dir.glob(TEMP_PREFIX + "*")))
        project = Project.open(project_dir)  # raises if any file were half-written
        words = project.answer("feel-safe").words
        if words:
            first = words.split("\n", 1)[0]
            assert first.startswith("version ")
            assert words.endswith("I like the garden and my guitar.")
            seen_versions.add(int(first.split()[1]) // 1_000_000)
        room = project.answer("my-room").words
        assert room == "" or room.startswith("room ")
    # Every writer's last whole save is there, and some writers were killed in the middle of a
    # save (their temp file was left behind): the dangerous moment was really tested.
    assert len(seen_versions) == KILLS
    assert killed_mid_save >= 3, killed_mid_save
    # Temp files of killed writers are tidied the next time the project is opened for writing.
    with Project.open_for_writing(project_dir):
        pass
    assert not list(project_dir.glob(TEMP_PREFIX + "*"))
