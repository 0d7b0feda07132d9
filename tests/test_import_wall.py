"""The build path never loads the terminal UI; the core never loads python-pptx."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def _modules_after(code: str, cwd: Path) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def test_command_line_without_the_wizard_never_imports_textual(project_dir: Path) -> None:
    code = (
        "from pcpv.cli import main\n"
        f"main(['status', {str(project_dir)!r}])\n"
        "import importlib.util\n"
        "if importlib.util.find_spec('pcpv.commands.build'):\n"
        f"    main(['build', {str(project_dir)!r}, '-o', {str(project_dir / 'deck.pptx')!r}])\n"
    )
    modules = _modules_after(code, project_dir)
    assert "pcpv.cli" in modules
    assert not {m for m in modules if m == "textual" or m.startswith("textual.")}


def test_project_core_does_not_import_pptx_or_textual(tmp_path: Path) -> None:
    modules = _modules_after("import pcpv.project, pcpv.questions, pcpv.model", tmp_path)
    assert "pptx" not in modules and "textual" not in modules
