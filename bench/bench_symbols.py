"""Benchmark: symbol index start-up, search, sentence symbolisation and cached rasterising.

Run: .venv/bin/python bench/bench_symbols.py [--mulberry PATH]

Builds the full index (OpenMoji + pcpv's vocabulary + the real Mulberry set from
``../shared/symbol-sets/mulberry`` when present) with settings and caches in a temporary folder,
then times, in the same run, pcpv's index against a naive baseline: a linear scan over every
name, keyword and tag of every set, comparing each with the query's base forms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

WORDS = """
hospital ward nurses doctor psychiatrist psychologist advocate family friend visit happy sad
angry scared worried tired bored calm safe medication tablets injection dentist headache
exercise walking gym football music art cooking gardening garden reading shop money food
breakfast lunch dinner drink sleep bed shower tv leave discharge community tribunal
solicitor rights complaint meeting review question listen talk choice today tomorrow week
weekend morning night smoking therapy recovery college work bus birthday christmas giraffe
trousers kettle umbrella tractor sheep horse swimming painting medicine angry glasses
walked hoping stopped happier children went zzzz qqqq
"""
PHRASES = ["care plan", "ward round", "cup of tea", "ground leave", "speech and language therapist"]
QUERIES = [*WORDS.split(), *PHRASES]

SENTENCES = [
    "I went to the ward round and talked about my care plan with the doctor.",
    "My mam visits on Sundays and we have a cup of tea in the garden.",
    "I would like more ground leave so I can go walking and see my family.",
    "The nurses help me with my medication and I feel calm most days.",
    "I am worried about the tribunal because my solicitor has not called me.",
    "I enjoy cooking, gardening and playing football with the other patients.",
    "Sometimes I feel angry when it is noisy at night and I cannot sleep.",
    "Next year I want to move on to supported living in the community.",
]

LOAD_SCRIPT = """
import time
wall, cpu = time.perf_counter(), time.process_time()
from pcpv.symbols import SymbolLibrary
lib = SymbolLibrary.load()
print((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000,
      sum(len(s.entries) for s in lib.sets), len(lib.index.terms))
"""


def start_up(n: int) -> tuple[list[float], list[float], str, str]:
    """Wall and CPU milliseconds of ``n`` fresh processes importing pcpv.symbols and loading."""
    walls, cpus = [], []
    for _ in range(n):
        done = subprocess.run(
            [sys.executable, "-c", LOAD_SCRIPT],
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO,
            env=os.environ | {"PYTHONPATH": str(REPO)},
        )
        wall, cpu, symbols, terms = done.stdout.split()
        walls.append(float(wall))
        cpus.append(float(cpu))
    return walls, cpus, symbols, terms


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def time_each(func, items, repeat: int = 3) -> list[float]:
    """Per-item time (seconds), the best of ``repeat`` runs for each item."""
    out = []
    for item in items:
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            func(item)
            best = min(best, time.perf_counter() - start)
        out.append(best)
    return out


def naive_table(library) -> list[tuple[str, object, str]]:
    """Every (name, set, symbol id) pair, as a flat list a linear scan walks."""
    rows = []
    for symbols in library.sets:
        for term, choices in symbols.curated.items():
            for symbol_id, _ in choices:
                rows.append((term, symbols.set_id, symbol_id))
        for entry in symbols.entries.values():
            for word in (*entry.words, *entry.tags):
                rows.append((word, symbols.set_id, entry.symbol_id))
    return rows


def naive_search(rows, query: str, limit: int = 20) -> list[str]:
    from pcpv.symbols.words import base_forms, normalise

    forms = base_forms(normalise(query))
    exact, partial = [], []
    for name, set_id, symbol_id in rows:
        if name in forms:
            exact.append(f"{set_id}:{symbol_id}")
        elif any(f in name.split(" ") for f in forms):
            partial.append(f"{set_id}:{symbol_id}")
    return list(dict.fromkeys(exact + partial))[:limit]


def naive_symbolise(rows, sentence: str) -> list:
    from pcpv.symbols.words import SMALL_WORDS, tokens

    return [naive_search(rows, w.text, 1) for w in tokens(sentence) if w.key not in SMALL_WORDS]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--mulberry", type=Path, default=REPO.parent / "shared/symbol-sets/mulberry"
    )
    parser.add_argument("--starts", type=int, default=5, help="fresh processes for start-up time")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PCPV_CONFIG_DIR"] = str(Path(tmp) / "config")
        os.environ["PCPV_CACHE_DIR"] = str(Path(tmp) / "cache")
        from pcpv.symbols import SymbolLibrary
        from pcpv.symbols.manage import add_set

        if (args.mulberry / "symbol-info.csv").is_file():
            add_set(args.mulberry, name="Mulberry", check_pictures=False)
        else:
            print(f"(Mulberry not found at {args.mulberry}: OpenMoji + vocabulary only)")

        cold_wall, cold_cpu, _, _ = start_up(1)
        walls, cpus, symbols, terms = start_up(args.starts)
        print(f"index: {symbols} symbols, {terms} words and phrases")
        print(
            f"load at start-up, fresh process, imports included (load average "
            f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores):"
        )
        print(
            f"  first run, building the cache: {cold_wall[0]:.0f} ms wall, {cold_cpu[0]:.0f} ms CPU"
        )
        print(
            f"  cached: median {statistics.median(walls):.0f} ms wall (min {min(walls):.0f}, "
            f"max {max(walls):.0f}), median {statistics.median(cpus):.0f} ms CPU, n={len(walls)}"
        )
        start = time.perf_counter()
        SymbolLibrary.load()
        print(
            f"  in a running process (imports done): {(time.perf_counter() - start) * 1000:.0f} ms"
        )

        library = SymbolLibrary.load()
        start = time.perf_counter()
        rows = naive_table(library)
        table_ms = (time.perf_counter() - start) * 1000
        print(f"naive table: {len(rows)} rows (built in {table_ms:.0f} ms)")

        words_in_sentences = sum(len(s.split()) for s in SENTENCES)
        results = {
            "search (limit 20)": (
                time_each(lambda q: library.search(q, 20), QUERIES),
                time_each(lambda q: naive_search(rows, q, 20), QUERIES),
                len(QUERIES),
            ),
            "lookup (best symbol)": (
                time_each(library.lookup, QUERIES),
                time_each(lambda q: naive_search(rows, q, 1), QUERIES),
                len(QUERIES),
            ),
        }
        print(f"\n{'per word':<26}{'pcpv median':>12}{'naive median':>14}{'speed-up':>10}")
        for name, (ours, naive, _) in results.items():
            a, b = median_ms(ours), median_ms(naive)
            print(f"{name:<26}{a:>10.3f} ms{b:>12.2f} ms{b / a:>9.0f}x")
        ours = [
            t / len(s.split())
            for t, s in zip(time_each(library.symbolise, SENTENCES), SENTENCES, strict=True)
        ]
        naive = [
            t / len(s.split())
            for t, s in zip(
                time_each(lambda s: naive_symbolise(rows, s), SENTENCES), SENTENCES, strict=True
            )
        ]
        a, b = median_ms(ours), median_ms(naive)
        print(
            f"{'symbolise (per word)':<26}{a:>10.3f} ms{b:>12.2f} ms{b / a:>9.0f}x"
            f"   ({len(SENTENCES)} sentences, {words_in_sentences} words)"
        )

        refs = [library.lookup(q).ref for q in QUERIES[:40] if library.lookup(q)]
        first = time_each(lambda r: library.render_png(r, 256), refs, repeat=1)
        cached = time_each(lambda r: library.render_png(r, 256), refs, repeat=3)
        print(
            f"\nrender {len(refs)} symbols at 256 px: first {median_ms(first):.1f} ms median,"
            f" cached {median_ms(cached):.3f} ms median ({median_ms(first) / median_ms(cached):.0f}x)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
