"""Whole extraction (page + facts) per portal page, on one core: median and 90th percentile milliseconds.

Pages: every HTML page of the fixtures (tests/fixtures/pages, gold/, heldout*/, the demo mirror's article
pages) and, when rebuilt, the real-text corpus's tune split (tests/fixtures/real/inputs); `--pages DIR` adds
more.
The gold pages are also timed with 80 KB of invented menus and sidebars added, as real portal pages carry.
Each page is extracted `--repeat` times and its fastest run kept (the machine is shared: CPU time, not wall
time). Pin to a core:

    taskset -c 0 .venv/bin/python benchmarks/bench_pages.py [--repeat 5] [--profile] [--pages DIR]

The target is a median of 12 ms or less per page.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import time
from pathlib import Path

from extractors.article import extract_article_from_html
from extractors.facts.dates import _scan_dates
from extractors.facts.terms import _head_kind
from extractors.normalize import _match_form_long, _match_form_short
from extractors.options import ExtractionOptions
from extractors.page import selectors
from extractors.page.vocab import is_sentence_prose

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
TARGET_MS = 12.0


def pages() -> dict[str, list[Path]]:
    return {
        "fixture pages": sorted((FIXTURES / "pages").glob("*.html")),
        "gold + held-out": sorted([*FIXTURES.glob("gold/*.html"), *FIXTURES.glob("heldout*/*.html")]),
        "mirror articles": sorted(FIXTURES.glob("mirror/*/articles/*.html")),
        "real corpus (tune)": _real_pages("tune"),
    }


MENU_ITEMS = (
    "Giới thiệu",
    "Tin tức - Sự kiện",
    "Văn bản chỉ đạo điều hành",
    "Thủ tục hành chính",
    "Lịch công tác",
    "Chuyển đổi số",
    "Hỏi đáp",
    "Liên hệ",
    "Quy hoạch - Kế hoạch",
    "Thông tin tuyên truyền",
)


def with_portal_chrome(page: str, kilobytes: int) -> str:
    """The page with invented portal boilerplate before its body: a mega menu, a "Văn bản mới" sidebar with
    numbers and dates, a visit counter; real portal pages weigh 60-150 KB, mostly this."""
    items, index = [], 0
    while sum(len(item) for item in items) < kilobytes * 1000:
        index += 1
        label = MENU_ITEMS[index % len(MENU_ITEMS)]
        items.append(f'<li class="menu-item"><a href="/web/guest/muc-{index}">{label} {index}</a></li>')
        if index % 4 == 0:
            items.append(
                f'<li class="van-ban"><a href="/van-ban/{index}">Quyết định số {index}/QĐ-UBND ngày '
                f"{index % 28 + 1}/{index % 12 + 1}/2024 về việc phê duyệt kế hoạch</a></li>"
            )
    chrome = (
        '<div id="header"><ul class="mega-menu">' + "".join(items) + "</ul></div>"
        '<div class="thongke"><p>Đang truy cập: 27</p><p>Tổng lượt truy cập: 1.204.881</p></div>'
    )
    at = page.find("<body")
    at = page.find(">", at) + 1 if at >= 0 else 0
    return page[:at] + chrome + page[at:]


def _real_pages(split: str) -> list[Path]:
    """Rebuilt real-corpus pages of one split (benchmarks/real_corpus.py rebuild); the test split is never
    used here."""
    locators = FIXTURES / "real" / "locators.json"
    if not locators.is_file():
        return []
    articles = json.loads(locators.read_text(encoding="utf-8"))["articles"]
    paths = [FIXTURES / "real" / "inputs" / f"{a['name']}.html" for a in articles if a["split"] == split]
    return [path for path in paths if path.is_file()]


def forget_page_caches() -> None:
    """Caches keyed by a page's own text would make every run after the first a free one."""
    for cached in (_match_form_long, _match_form_short, _scan_dates, _head_kind, is_sentence_prose):
        cached.cache_clear()
    selectors.forget()


def fastest_ms(data: bytes, options: ExtractionOptions, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        forget_page_caches()
        started = time.process_time()
        extract_article_from_html(data, options)
        best = min(best, time.process_time() - started)
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="print where the time goes")
    parser.add_argument("--sort", default="tottime", help="profile order: tottime or cumulative")
    parser.add_argument("--profile-group", default="", help="profile only the groups whose name starts so")
    parser.add_argument("--chrome-kb", type=int, default=80, help="boilerplate added to the menu-heavy variants")
    parser.add_argument("--pages", type=Path, action="append", default=[], help="also time the HTML pages here")
    args = parser.parse_args()
    options = ExtractionOptions()
    found = pages() | {str(folder): sorted(folder.glob("**/*.htm*")) for folder in args.pages}
    groups = {name: [p.read_bytes() for p in paths] for name, paths in found.items() if paths}
    gold_pages = [p.read_text(encoding="utf-8", errors="replace") for p in found["gold + held-out"]]
    groups[f"gold + {args.chrome_kb} KB menus"] = [with_portal_chrome(p, args.chrome_kb).encode() for p in gold_pages]
    for data in next(iter(groups.values()))[:3]:
        extract_article_from_html(data, options)  # imports, compiled patterns
    if args.profile:
        groups = {name: datas for name, datas in groups.items() if name.startswith(args.profile_group)}
        profiler = cProfile.Profile()
        profiler.enable()
        for datas in groups.values():
            for data in datas:
                extract_article_from_html(data, options)
        profiler.disable()
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(30)
        return
    print(f"{'pages':<18} {'n':>4} {'median ms':>10} {'p90 ms':>8} {'max ms':>8} {'KB median':>10}")
    everything: list[float] = []
    for name, datas in groups.items():
        timings = [fastest_ms(data, options, args.repeat) for data in datas]
        everything += timings
        p90 = statistics.quantiles(timings, n=10)[-1] if len(timings) > 1 else timings[0]
        size = statistics.median(len(data) for data in datas) / 1000
        median = statistics.median(timings)
        print(f"{name:<18} {len(datas):>4} {median:>10.1f} {p90:>8.1f} {max(timings):>8.1f} {size:>10.0f}")
    print(f"{'all':<18} {len(everything):>4} {statistics.median(everything):>10.1f}   (target {TARGET_MS:.0f} ms)")


if __name__ == "__main__":
    main()
