"""One writer at a time, in this process and across processes; a dead writer's lock is cleared."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pcpv.cli import main
from pcpv.errors import ProjectLockedError
from pcpv.project import Project


def test_second_writer_in_the_same_process_is_refused(project_dir: Path) -> None:
    with Project.open_for_writing(project_dir):
        with pytest.raises(ProjectLockedError) as err, Project.open_for_writing(project_dir):
            pass
        assert "already open" in str(err.value)
        assert "Close it there first" in err.value.hint
    with Project.open_for_writing(project_dir) as project:  # free again afterwards
        project.set_words("my-name", "Sam")


def _hold_lock_script(root: Path, then: str) -> str:
    return textwrap.dedent(
        f"""
        import os, sys, time
        from pathlib import Path
        from pcpv.project import Project
        with Project.open_for_writing(Path({str(root)!r})) as project:
            print("locked", flush=True)
            {then}
        """
    )


def test_writer_in_another_process_is_refused_with_where_it_is_open(
    project_dir: Path, capsys
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", _hold_lock_script(project_dir, "time.sleep(30)")],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        before = (project_dir / "answers.yaml").read_bytes()
        code = main(["answer", str(project_dir), "my-name", "--words", "Sam"])
        err = capsys.readouterr().err
        assert code == 2
        assert "already open on the computer" in err
        assert f"process {holder.pid}" in err
        assert "Traceback" not in err
        assert (project_dir / "answers.yaml").read_bytes() == before
    finally:
        holder.kill()
        holder.wait()


def test_lock_of_a_killed_process_is_cleared(project_dir: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", _hold_lock_script(project_dir, "os._exit(9)")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert dead.returncode == 9
    assert (project_dir / ".pcpv.lock.who").exists(), "the dead writer left its note behind"
    started = time.monotonic()
    with Project.open_for_writing(project_dir) as project:
        assert project.stale_lock is not None
        assert project.stale_lock.pid != 0
        project.set_words("my-name", "Sam")
    assert time.monotonic() - started < 5
    assert Project.open(project_dir).answer("my-name").words == "Sam"
