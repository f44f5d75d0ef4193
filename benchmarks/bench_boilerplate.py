"""Boilerplate removal: this extractor against trafilatura alone, on the fixture pages.

Prints, per extractor, the share of `must_keep` strings kept, the share of `must_drop` strings dropped and the
median milliseconds per page. Pages: tests/fixtures/pages/*.html (with NAME.expected.json),
tests/fixtures/gold/*.html (NAME.gold.json) and, when present, tests/fixtures/mirror/**/*.html (scored when an
expected/gold file sits beside them, timed always).

    .venv/bin/python benchmarks/bench_boilerplate.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura

from extractors.normalize import match_form
from extractors.options import ExtractionOptions
from extractors.page import extract_html_page
from extractors.page.encoding import decode_html_bytes

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


@dataclass
class Page:
    path: Path
    data: bytes
    keep: list[str] = field(default_factory=list)
    drop: list[str] = field(default_factory=list)


@dataclass
class Score:
    kept: int = 0
    keep_total: int = 0
    dropped: int = 0
    drop_total: int = 0
    millis: list[float] = field(default_factory=list)


def _norm(text: str) -> str:
    return " ".join(match_form(unicodedata.normalize("NFC", text)).casefold().split())


def _expectations(page: Path) -> dict[str, list[str]]:
    stem = page.name.removesuffix(page.suffix)
    for name in (f"{stem}.expected.json", f"{stem}.gold.json"):
        candidate = page.with_name(name)
        if candidate.exists():
            return json.loads(candidate.read_text(encoding="utf-8"))
    return {}


def load_pages() -> list[Page]:
    paths = sorted((FIXTURES / "pages").glob("*.html")) + sorted((FIXTURES / "gold").glob("*.html"))
    paths += [path for path in sorted((FIXTURES / "mirror").glob("**/*.html")) if "_src" not in path.parts]
    pages = []
    for path in paths:
        expected = _expectations(path)
        pages.append(Page(path, path.read_bytes(), expected.get("must_keep", []), expected.get("must_drop", [])))
    return pages


def ours(data: bytes) -> str:
    return extract_html_page(data, ExtractionOptions()).text


def trafilatura_alone(data: bytes) -> str:
    html = decode_html_bytes(data).text
    return trafilatura.extract(html, include_images=True, include_tables=True, include_comments=False) or ""


def measure(extractor: Callable[[bytes], str], pages: list[Page], repeat: int) -> Score:
    score = Score()
    for page in pages:
        timings = []
        for _ in range(repeat):
            start = time.perf_counter()
            text = extractor(page.data)
            timings.append((time.perf_counter() - start) * 1000)
        score.millis.append(statistics.median(timings))
        body = _norm(text)
        score.kept += sum(1 for item in page.keep if _norm(item) in body)
        score.dropped += sum(1 for item in page.drop if _norm(item) not in body)
        score.keep_total += len(page.keep)
        score.drop_total += len(page.drop)
    return score


def _share(part: int, total: int) -> str:
    return f"{part / total:.3f}" if total else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    pages = load_pages()
    print(f"{len(pages)} pages")
    print(f"{'extractor':<20} {'kept':>7} {'dropped':>8} {'median ms':>10} {'max ms':>8}")
    for name, extractor in (("vnportal", ours), ("trafilatura alone", trafilatura_alone)):
        extractor(pages[0].data)  # warm caches and lazy imports before timing
        score = measure(extractor, pages, args.repeat)
        print(
            f"{name:<20} {_share(score.kept, score.keep_total):>7} {_share(score.dropped, score.drop_total):>8} "
            f"{statistics.median(score.millis):>10.2f} {max(score.millis):>8.2f}"
        )


if __name__ == "__main__":
    main()
