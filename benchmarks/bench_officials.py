"""Median time of `find_officials` on a ~1,000-word article built from the invented officials fixtures.

Run: .venv/bin/python benchmarks/bench_officials.py [--words 1000] [--repeat 300]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from extractors.facts.officials import find_officials

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "officials"


def build_article(words: int) -> str:
    """Body paragraphs of the fixtures, repeated until the text has `words` words."""
    paragraphs = [p for path in sorted(FIXTURES.glob("*.txt")) for p in path.read_text("utf-8").split("\n\n")]
    chosen: list[str] = []
    while sum(len(p.split()) for p in chosen) < words:
        chosen.append(paragraphs[len(chosen) % len(paragraphs)])
    return "\n\n".join(chosen)


def median_ms(text: str, repeat: int) -> float:
    find_officials(text)  # warm caches (surname list, match_form)
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        find_officials(text)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=300)
    args = parser.parse_args()
    text = build_article(args.words)
    found = find_officials(text)
    print(f"article: {len(text.split())} words, {len(text)} chars, {len(found)} officials")
    print(f"find_officials median: {median_ms(text, args.repeat):.2f} ms over {args.repeat} runs")


if __name__ == "__main__":
    main()
