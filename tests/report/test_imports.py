"""matplotlib loads only when a report is made; a report never loads the UI or python-pptx."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO


def _modules_after(code: str, cwd: Path) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def _top(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


def test_other_commands_do_not_load_matplotlib(project_dir: Path) -> None:
    code = (
        "from pcpv.cli import main, build_parser\n"
        "build_parser()\n"
        f"main(['feedback', {str(project_dir)!r}, '--answer', 'listened=happy'])\n"
        f"main(['meeting', 'list', {str(project_dir)!r}])\n"
    )
    modules = _top(_modules_after(code, REPO))
    assert "pcpv" in modules
    assert "matplotlib" not in modules


def test_a_report_loads_neither_the_ui_nor_pptx(project_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "report"
    code = (
        "from pcpv.cli import main\n"
        f"main(['report', {str(project_dir.parent)!r}, '--out', {str(out)!r}])\n"
    )
    modules = _top(_modules_after(code, REPO))
    assert "matplotlib" in modules
    assert not modules & {"textual", "textual_image", "pptx"}
    assert (out / "report.html").is_file()
