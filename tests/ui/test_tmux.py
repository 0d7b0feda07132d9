"""The real wizard in a real terminal (tmux): start it, type into it, read the screen back, quit.

Uses a private tmux server (its own socket), so it never touches anyone's tmux sessions.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pcpv.project import Project

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(
        shutil.which("tmux") is None, reason="tmux is not installed (CI installs it)"
    ),
]


class Terminal:
    """One tmux window, 80 columns by 24 rows, on a private server."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=30
        )

    def start(self, command: list[str], env: dict[str, str]) -> None:
        line = " ".join(f"{k}={_quote(v)}" for k, v in env.items())
        line += " " + " ".join(_quote(part) for part in command)
        result = self.tmux(
            "new-session", "-d", "-x", "80", "-y", "24", "-s", "wizard", f"env {line}"
        )
        assert result.returncode == 0, result.stderr

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "wizard").stdout

    def keys(self, *keys: str, literal: bool = False) -> None:
        args = ["send-keys", "-t", "wizard", *(["-l"] if literal else []), *keys]
        assert self.tmux(*args).returncode == 0

    def running(self) -> bool:
        return self.tmux("has-session", "-t", "wizard").returncode == 0

    def wait_for(self, check: Callable[[str], bool], what: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if check(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"waited {timeout} s for {what}; the screen shows:\n{screen}")


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    term = Terminal(f"pcpv-test-{os.getpid()}-{time.monotonic_ns()}")
    try:
        yield term
    finally:
        term.tmux("kill-server")  # only our own private server, by its socket name


def test_the_real_wizard_in_tmux(project_dir: Path, terminal: Terminal) -> None:
    with Project.open_for_writing(project_dir) as project:
        project.start_session(["patient", "SALT"], "about me")
    env = {
        "PCPV_CONFIG_DIR": os.environ["PCPV_CONFIG_DIR"],
        "PCPV_CACHE_DIR": os.environ["PCPV_CACHE_DIR"],
        "TERM": "xterm-256color",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    terminal.start([sys.executable, "-m", "pcpv", "wizard", str(project_dir)], env)
    screen = terminal.wait_for(
        lambda s: "0 of 4 done" in s or "Carry on" in s, "the session screen"
    )
    assert "Today's session" in screen

    # A second wizard on the same project is refused in plain words, and changes nothing.
    second = subprocess.run(
        [sys.executable, "-m", "pcpv", "wizard", str(project_dir)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **env},
    )
    assert second.returncode == 2
    assert "already open" in second.stderr and "Traceback" not in second.stderr

    terminal.keys("F4")  # carry on
    terminal.wait_for(lambda s: "What do I like people to call me?" in s, "the first question")
    terminal.keys("Sammy here", literal=True)
    terminal.wait_for(lambda s: "Sammy here" in s, "the typed words")
    terminal.keys("F1")
    help_screen = terminal.wait_for(lambda s: "Close help" in s, "the help")
    assert "A question" in help_screen
    terminal.keys("Escape")
    terminal.wait_for(lambda s: "Close help" not in s, "the help to close")
    terminal.keys("C-q")
    deadline = time.monotonic() + 20
    while terminal.running() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not terminal.running(), "the wizard did not quit"
    assert Project.open(project_dir).answer("my-name").words == "Sammy here"
    assert not (project_dir / ".pcpv.lock.who").exists(), "the lock was released"


def test_closing_the_terminal_keeps_what_was_typed(project_dir: Path, terminal: Terminal) -> None:
    with Project.open_for_writing(project_dir) as project:
        project.start_session(["patient", "SALT"], "")
    env = {
        "PCPV_CONFIG_DIR": os.environ["PCPV_CONFIG_DIR"],
        "PCPV_CACHE_DIR": os.environ["PCPV_CACHE_DIR"],
        "TERM": "xterm-256color",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    terminal.start([sys.executable, "-m", "pcpv", "wizard", str(project_dir)], env)
    terminal.wait_for(lambda s: "Carry on" in s, "the session screen")
    terminal.keys("F4")
    terminal.wait_for(lambda s: "What do I like people to call me?" in s, "the first question")
    terminal.keys("Call me Sam", literal=True)
    terminal.wait_for(lambda s: "Call me Sam" in s, "the typed words")
    time.sleep(0.8)  # longer than the save delay, shorter than any "autosave every minute"
    terminal.tmux("kill-server")  # the window is closed: the wizard gets a hang-up, no quit
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with Project.open_for_writing(project_dir) as reopened:
                assert reopened.answer("my-name").words == "Call me Sam"
            break
        except Exception as error:  # the dying process may still hold the lock for a moment
            if "already open" not in str(error):
                raise
            time.sleep(0.2)
    else:
        raise AssertionError("the project stayed locked after the terminal was closed")
