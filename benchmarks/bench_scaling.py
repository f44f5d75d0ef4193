"""Milliseconds per page against page size (10 KB -> 5 MB): extraction must stay linear in its input.

Pages are fixture pages whose article body is inflated with the invented fixture paragraphs (the profile
path: a Liferay page; the fallback path: an unknown template through trafilatura; a text dump), plus hostile
pages of the same size: one 1 MB token, thousands of dates, many empty paragraphs, deep nesting, a menu of
links. Whole extraction is page + facts (`extract_article_from_html`/`_text`); CPU seconds (process time)
are printed beside wall time because the machine is shared. Pin to one core for stable figures:

    taskset -c 0 .venv/bin/python benchmarks/bench_scaling.py [--sizes 10000,100000,1000000,5000000]

The size caps (`ExtractionOptions.max_page_bytes`, `max_body_chars`) are lifted unless --caps is given, so
the figures show the extractors' own growth.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from extractors.article import extract_article_from_html, extract_article_from_text
from extractors.options import ExtractionOptions

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
PROFILE_PAGE = FIXTURES / "pages" / "liferay-hard-wrapped.html"
FALLBACK_PAGE = FIXTURES / "pages" / "generic-hard-wrapped.html"
TEXT_DUMP = FIXTURES / "gold" / "gold-text-council-session.txt"
KB = 1000


def paragraphs() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "facts").glob("article-*.txt"))]
    return [line.strip() for text in texts for line in text.splitlines() if len(line.split()) > 25]


def _filler(size: int, pool: list[str], wrap: Callable[[str], str]) -> str:
    pieces, total, index = [], 0, 0
    while total < size:
        piece = wrap(pool[index % len(pool)])
        pieces.append(piece)
        total += len(piece.encode())
        index += 1
    return "".join(pieces)


def inflated_page(template: Path, size: int, pool: list[str]) -> str:
    """The template with paragraphs added before its first body paragraph until it weighs `size` bytes."""
    page = template.read_text(encoding="utf-8")
    at = page.index("<p")
    return page[:at] + _filler(size - len(page.encode()), pool, lambda p: f"<p>{p}</p>\n") + page[at:]


def inflated_dump(size: int, pool: list[str]) -> str:
    lines = TEXT_DUMP.read_text(encoding="utf-8").splitlines()
    body = next(i for i, line in enumerate(lines) if len(line.split()) > 25)
    filler = _filler(size - len("\n".join(lines).encode()), pool, lambda p: p + "\n")
    return "\n".join(lines[:body]) + "\n" + filler + "\n".join(lines[body:])


def hostile(kind: str, size: int) -> str:
    page = PROFILE_PAGE.read_text(encoding="utf-8")
    at = page.index("<p")
    fillers: dict[str, Callable[[int], str]] = {
        "one long token": lambda n: "<p>Đồng chí Lê Văn An cho biết " + "a" * n + ".</p>",
        "dates": lambda n: "<p>" + "ngày 12/3/2024, " * (n // 16) + "</p>",
        "empty paragraphs": lambda n: "<p></p> " * (n // 8),
        "deep nesting": lambda n: "<div>" * (n // 11) + "<p>Văn bản.</p>" + "</div>" * (n // 11),
        "menu of links": lambda n: "".join(f'<a href="/t/{i}">Mục {i}</a> ' for i in range(n // 28)),
        "names and titles": lambda n: "<p>" + "Bí thư Huyện ủy Nguyễn Văn An, " * (n // 33) + "</p>",
    }
    return page[:at] + fillers[kind](size) + page[at:]


@dataclass
class Timing:
    wall_ms: float
    cpu_ms: float
    warnings: list[str]


def timed(run: Callable[[], object]) -> Timing:
    wall, cpu = time.perf_counter(), time.process_time()
    article = run()
    warnings = list(article.content.warnings)  # type: ignore[attr-defined]
    return Timing((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000, warnings)


def report(name: str, size: int, timing: Timing) -> None:
    per_100kb = timing.cpu_ms / (size / (100 * KB))
    extra = f"  {', '.join(timing.warnings)}" if timing.warnings else ""
    print(f"{name:<22} {size / KB:>8.0f} {timing.wall_ms:>10.0f} {timing.cpu_ms:>10.0f} {per_100kb:>12.1f}{extra}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000,5000000", help="page sizes in bytes")
    parser.add_argument("--hostile-size", type=int, default=1_000_000)
    parser.add_argument("--caps", action="store_true", help="keep the default size caps")
    args = parser.parse_args()
    options = ExtractionOptions() if args.caps else ExtractionOptions(max_page_bytes=None, max_body_chars=None)
    pool = paragraphs()
    sizes = [int(size) for size in args.sizes.split(",")]
    extract_article_from_html(PROFILE_PAGE.read_bytes(), options)  # imports, compiled patterns, caches
    print(f"{'page':<22} {'KB':>8} {'wall ms':>10} {'CPU ms':>10} {'CPU ms/100KB':>12}")
    for size in sizes:
        for name, template in (("profile (Liferay)", PROFILE_PAGE), ("fallback (unknown)", FALLBACK_PAGE)):
            page = inflated_page(template, size, pool).encode()
            report(name, len(page), timed(lambda page=page: extract_article_from_html(page, options)))
        dump = inflated_dump(size, pool)
        report("text dump", len(dump.encode()), timed(lambda dump=dump: extract_article_from_text(dump, options)))
    for kind in ("one long token", "dates", "empty paragraphs", "deep nesting", "menu of links", "names and titles"):
        page = hostile(kind, args.hostile_size).encode()
        report(kind, len(page), timed(lambda page=page: extract_article_from_html(page, options)))


if __name__ == "__main__":
    main()
