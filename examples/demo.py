"""``make demo``: build the example decks and say where they are.

The example projects (``examples/sam-ctr``, ``examples/alex-cpa``) are real project folders made
with pcpv's own commands by ``examples/build_examples.py``. This script builds each one into
``out/`` with ``pcpv build`` and checks it with ``pcpv check``, exactly as a SALT would.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "out"
EXAMPLES = ["sam-ctr", "alex-cpa", "jo-own"]


def pcpv(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pcpv", *map(str, args)], capture_output=True, text=True, check=False
    )


def main() -> int:
    OUT.mkdir(exist_ok=True)
    built = []
    for name in EXAMPLES:
        project = HERE / name
        if not (project / "project.yaml").is_file():
            print(f"The example {name} is missing; making the examples first.")
            subprocess.run([sys.executable, str(HERE / "build_examples.py")], check=True)
        deck = OUT / f"{name}.pptx"
        print(f"Building {name} ...", flush=True)
        result = pcpv("build", project, "-o", deck)
        if result.returncode != 0:
            print(result.stdout + result.stderr)
            print(f"Could not build {name}.")
            return 1
        summary = [
            line
            for line in result.stdout.splitlines()
            if line.startswith(("Saved", "Accessibility"))
        ]
        print("\n".join(f"  {line}" for line in summary))
        built.append(deck)
    print()
    print("The example decks are ready:")
    for deck in built:
        print(f"  {deck}  ({deck.stat().st_size / 1_000_000:.1f} MB)")
    print("Open them in PowerPoint or LibreOffice Impress.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
