"""How long does a ward report take, and what does reading meetings.yaml with libyaml save?

Run: ``.venv/bin/python bench/bench_report.py [--projects 100] [--repeat 3]``

Makes ``--projects`` projects with ``tests/report/ward.py`` (1 to 3 meetings each, every earlier
meeting kept with a copy of its answers, feedback and staff responses), then times:

* reading every ``meetings.yaml``: naive = ``pcpv.yaml_io.load_yaml`` (the line-numbering loader
  every project file uses) + ``MeetingsFile.from_reader``; pcpv = ``read_meetings`` (libyaml first;
  the line-numbering loader only for a file with problems, to say where they are);
* the whole report (``make_report``), split into reading the projects, counting, and drawing and
  writing; and its peak memory (``ru_maxrss`` of this process, Unix only).
"""

from __future__ import annotations

import argparse
import functools
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import pcpv.project  # noqa: E402
import pcpv.questions  # noqa: E402
from pcpv.meetings import MEETINGS_FILE, MeetingsFile, read_meetings  # noqa: E402
from pcpv.report import Period, make_report  # noqa: E402
from pcpv.report.counts import count_ward  # noqa: E402
from pcpv.report.gather import read_ward  # noqa: E402
from pcpv.report.pseudonym import Pseudonyms  # noqa: E402
from pcpv.yaml_io import FieldReader, load_yaml  # noqa: E402
from tests.report.ward import make_ward  # noqa: E402

SALT = "bench-salt-0123456789abcdef"


def _timed(fn, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ward"
        folder.mkdir()
        cached = functools.lru_cache(maxsize=None)(pcpv.questions.load_builtin)
        pcpv.questions.load_builtin = cached  # making the projects is not what is measured
        pcpv.project.load_builtin = cached
        start = time.perf_counter()
        ledger = make_ward(folder, args.projects)
        made = time.perf_counter() - start
        roots = sorted(p for p in folder.iterdir() if (p / MEETINGS_FILE).is_file())
        size = sum((p / MEETINGS_FILE).stat().st_size for p in roots)
        print(
            f"{ledger.projects} projects, {ledger.meetings} meetings, "
            f"meetings.yaml {size / len(roots) / 1024:.1f} KB on average (made in {made:.1f} s)"
        )

        def naive() -> None:
            for root in roots:
                data, lines = load_yaml(root / MEETINGS_FILE)
                MeetingsFile.from_reader(FieldReader(data, root / MEETINGS_FILE, lines))

        def quick() -> None:
            for root in roots:
                read_meetings(root)

        for label, fn in (("naive load_yaml", naive), ("pcpv read_meetings", quick)):
            best, median = _timed(fn, args.repeat)
            print(f"read every meetings.yaml, {label:19}: best {best:.3f} s, median {median:.3f} s")

        ids = Pseudonyms(SALT)
        start = time.perf_counter()
        ward = read_ward(folder, ids, include_words=False, skip=None)
        read = time.perf_counter() - start
        start = time.perf_counter()
        count_ward(ward.meetings, Period.QUARTER, ward.projects)
        counted = time.perf_counter() - start
        start = time.perf_counter()
        make_report(folder, Path(tmp) / "out", salt=SALT)
        whole = time.perf_counter() - start
        print(
            f"report: reading projects {read:.2f} s, counting {counted * 1000:.1f} ms, whole report {whole:.2f} s"
        )
        html = (Path(tmp) / "out" / "report.html").stat().st_size
        print(f"report.html {html / 1024:.0f} KB")
    try:
        import resource

        print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    except ImportError:  # Windows
        pass


if __name__ == "__main__":
    main()
