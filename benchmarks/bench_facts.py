"""Median milliseconds per ~1,000-word article for `extract_facts`, beside a naive pipeline.

The articles are built from the invented fixture bodies (tests/fixtures/facts/article-*.txt and the text
dumps' bodies in tests/fixtures/gold/), paragraphs rotated so that each article differs. The naive
pipeline is underthesea `ner` (persons) + dateparser `search_dates` + one document-number regex.

    .venv/bin/python benchmarks/bench_facts.py [--articles 40] [--naive 5]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from extractors.facts import extract_facts
from extractors.facts.dates import find_dates
from extractors.facts.documents import find_documents
from extractors.facts.officials import find_officials
from extractors.facts.terms import find_sittings, find_terms

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
TARGET_WORDS = 1000
NAIVE_DOCUMENT = re.compile(r"\d+(?:/\d{4})?[-/][A-ZĐ][\wĐđ]*[/-][A-ZĐ][\wĐđ-]*")


@dataclass(frozen=True)
class Row:
    name: str
    median_ms: float
    runs: int


def _paragraphs() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "facts").glob("article-*.txt"))]
    for dump in sorted((FIXTURES / "gold").glob("*.txt")):
        lines = dump.read_text(encoding="utf-8").splitlines()
        texts.append("\n".join(line for line in lines if len(line.split()) > 25))
    return [p.strip() for text in texts for p in text.split("\n") if len(p.split()) > 25]


def build_articles(count: int) -> list[str]:
    paragraphs = _paragraphs()
    articles = []
    for index in range(count):
        chosen, words, step = [], 0, index
        while words < TARGET_WORDS:
            paragraph = paragraphs[step % len(paragraphs)]
            chosen.append(paragraph)
            words += len(paragraph.split())
            step += index % 3 + 1
        articles.append("\n\n".join(chosen))
    return articles


def median_ms(function: Callable[[str], object], articles: list[str]) -> float:
    timings = []
    for article in articles:
        started = time.perf_counter()
        function(article)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def naive_pipeline() -> Callable[[str], object]:
    from dateparser.search import search_dates
    from underthesea import ner

    settings = {"DATE_ORDER": "DMY", "STRICT_PARSING": True}

    def run(text: str) -> object:
        people = [token for token, *_rest, tag in ner(text) if tag.endswith("PER")]
        days = search_dates(text, languages=["vi"], settings=settings) or []
        return people, days, NAIVE_DOCUMENT.findall(text)

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--naive", type=int, default=5, help="articles for the (slow) naive pipeline; 0 skips it")
    options = parser.parse_args()
    articles = build_articles(options.articles)
    extract_facts(articles[0])  # warm caches and lazy imports
    rows = [
        Row("extract_facts (all)", median_ms(extract_facts, articles), len(articles)),
        Row("  documents", median_ms(find_documents, articles), len(articles)),
        Row("  terms + sittings", median_ms(lambda t: (find_terms(t), find_sittings(t)), articles), len(articles)),
        Row("  dates", median_ms(lambda t: find_dates(t, None), articles), len(articles)),
        Row("  officials", median_ms(find_officials, articles), len(articles)),
    ]
    if options.naive:
        naive = naive_pipeline()
        naive(articles[0])
        rows.append(
            Row(
                "naive: underthesea ner + search_dates + regex",
                median_ms(naive, articles[: options.naive]),
                options.naive,
            )
        )
    words = statistics.median(len(a.split()) for a in articles)
    print(f"{len(articles)} invented articles, median {words:.0f} words, one core\n")
    print(f"{'pipeline':<48} {'median ms':>10} {'runs':>5}")
    for row in rows:
        print(f"{row.name:<48} {row.median_ms:>10.2f} {row.runs:>5}")


if __name__ == "__main__":
    main()
