"""Benchmark: how long the wizard takes to show its first screen, against naive baselines.

    .venv/bin/python bench/bench_wizard.py [--runs 7]

Each run is a fresh Python process; the time is from just before the process is started to the
moment the first screen (the session screen of a project with one session) is on screen.

- ``import textual``: ``python -c "import textual.app"``, the floor any Textual app pays.
- naive eager app: the same wizard, but everything it may need is loaded before the first screen
  (python-pptx and the deck builder, the checker and its word lists, media intake, the symbol
  library), as an app that imports every module at the top would.
- pcpv wizard (headless): ``WizardApp`` under Textual's ``run_test``; symbols and checker load in
  a background thread after the first screen.
- pcpv wizard in tmux (when tmux is installed): the real ``pcpv wizard DIR`` in an 80x24 tmux
  window, polled with ``capture-pane`` every 10 ms until "Today's session" shows.

The project is synthetic (no patient data) and lives in the system temp folder; settings and
caches go to a temp folder too (``PCPV_CONFIG_DIR``/``PCPV_CACHE_DIR``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADLESS = """
import asyncio, sys, time
{eager}
from pathlib import Path
from pcpv.ui.app import WizardApp
app = WizardApp(graphics="halfcell")
app.open_project(Path(sys.argv[1]))
async def main():
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        print(time.time(), type(app.screen).__name__, flush=True)
        app.exit()
asyncio.run(main())
app.close_project()
"""

EAGER = """
import pcpv.deck.build, pcpv.check, pcpv.media
from pcpv.symbols import SymbolLibrary
from pcpv.check import load_plain_words
SymbolLibrary.load(); load_plain_words()
"""


def make_project(base: Path) -> Path:
    from pcpv.model import Meeting, MeetingKind, ProjectInfo, QuestionSetRef
    from pcpv.project import Project

    info = ProjectInfo(
        name="Sam",
        meeting=Meeting(MeetingKind.CTR, "Care and Treatment Review", dt.date(2027, 1, 15)),
        questions=QuestionSetRef(id="ctr", version=1),
    )
    root = base / "sam"
    project = Project.create(root, info)
    with Project.open_for_writing(project.root) as writable:
        writable.start_session(["patient", "SALT"], "benchmark")
    return root


def timed(args: list[str], env: dict[str, str]) -> float:
    started = time.time()
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    printed = result.stdout.split()
    return float(printed[0]) - started if printed else time.time() - started


def import_only(env: dict[str, str]) -> float:
    started = time.time()
    subprocess.run([sys.executable, "-c", "import textual.app"], check=True, env=env)
    return time.time() - started


def in_tmux(project: Path, env: dict[str, str]) -> float | None:
    if shutil.which("tmux") is None:
        return None
    socket = f"pcpv-bench-{os.getpid()}"
    line = " ".join(f"{k}='{v}'" for k, v in env.items() if k.startswith(("PCPV_", "PYTHON")))
    command = f"env {line} TERM=xterm-256color {sys.executable} -m pcpv wizard '{project}'"
    started = time.time()
    subprocess.run(
        ["tmux", "-L", socket, "new-session", "-d", "-x", "80", "-y", "24", "-s", "b", command],
        check=True,
    )
    try:
        while time.time() - started < 30:
            screen = subprocess.run(
                ["tmux", "-L", socket, "capture-pane", "-p", "-t", "b"],
                capture_output=True,
                text=True,
            ).stdout
            if "Today's session" in screen and "Carry on" in screen:
                return time.time() - started
            time.sleep(0.01)
        return None
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)


def report(name: str, times: list[float]) -> None:
    print(
        f"{name:32} median {statistics.median(times) * 1000:6.0f} ms   "
        f"best {min(times) * 1000:6.0f} ms   ({len(times)} runs)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pcpv-bench-wizard-") as temp:
        base = Path(temp)
        env = {
            **os.environ,
            "PCPV_CONFIG_DIR": str(base / "config"),
            "PCPV_CACHE_DIR": str(base / "cache"),
            "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
        }
        os.environ.update({k: env[k] for k in ("PCPV_CONFIG_DIR", "PCPV_CACHE_DIR")})
        project = make_project(base)
        # One warm-up of each, so every kind of run finds the same disk caches (and the symbol
        # index cache is written once, as after any first use).
        timed([sys.executable, "-c", HEADLESS.format(eager=EAGER), str(project)], env)
        timed([sys.executable, "-c", HEADLESS.format(eager=""), str(project)], env)
        rows: dict[str, list[float]] = {
            "import textual": [],
            "naive eager app (headless)": [],
            "pcpv wizard (headless)": [],
            "pcpv wizard in tmux (real tty)": [],
        }
        for _ in range(options.runs):
            rows["import textual"].append(import_only(env))
            rows["naive eager app (headless)"].append(
                timed([sys.executable, "-c", HEADLESS.format(eager=EAGER), str(project)], env)
            )
            rows["pcpv wizard (headless)"].append(
                timed([sys.executable, "-c", HEADLESS.format(eager=""), str(project)], env)
            )
            tmux = in_tmux(project, env)
            if tmux is not None:
                rows["pcpv wizard in tmux (real tty)"].append(tmux)
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"First screen of the wizard, fresh process each run (load average {load:.1f}):")
        for name, times in rows.items():
            if times:
                report(name, times)


if __name__ == "__main__":
    main()
