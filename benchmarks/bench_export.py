"""Export speed and memory: every table and view of a synthetic database of N articles, in each format.

    .venv/bin/python benchmarks/bench_export.py                 # 100,000 articles, csv, jsonl, parquet
    .venv/bin/python benchmarks/bench_export.py --articles 25000 --formats parquet

The database (SQLite, in a temporary folder unless --db) holds N articles of ~1,500 characters with five
title mentions, two citations, one term and three dated mentions each — the shape of the demo's facts, made
up. Each export runs in a fresh process that reports its own peak resident memory, so figures for two sizes
show whether memory stays flat as rows grow.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models.migrate import upgrade_database  # noqa: E402
from models.session import make_engine  # noqa: E402

SENTENCE = "Đảng ủy phường tổ chức hội nghị triển khai kế hoạch số năm đồng chí Bí thư Chủ tịch UBND huyện xã"
WORDS = SENTENCE.split(" ")
CHILD = """
import json, resource, sys, time
from pathlib import Path
from models.export import ExportOptions, export_dataset
start = time.perf_counter()
paths = export_dataset(sys.argv[1], Path(sys.argv[2]), ExportOptions(format=sys.argv[3]))
seconds = time.perf_counter() - start
size = sum(p.stat().st_size for p in paths)
print(json.dumps({"seconds": seconds, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "files": len(paths), "megabytes": size / 1e6}))
"""


def _text(rng: random.Random, words: int = 250) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def build(db: Path, articles: int, seed: int = 7) -> None:
    upgrade_database(make_engine(f"sqlite:///{db}"))
    rng = random.Random(seed)
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    con.executemany(
        "INSERT INTO portals (id, slug, name, base_url, level, province, cms) VALUES (?, ?, ?, ?, 'district', ?, 'x')",
        [
            (p, f"portal-{p}", f"Cổng thông tin điện tử huyện Số {p}", f"http://p{p}.test/", f"Tỉnh {p % 4}")
            for p in range(1, 11)
        ],
    )
    con.executemany(
        "INSERT INTO officials (id, name, name_key) VALUES (?, ?, ?)",
        [(i, f"Nguyễn Văn {i}", f"nguyen van {i}") for i in range(1, 20001)],
    )
    con.executemany(
        "INSERT INTO documents (id, number, type, issuer, year, code, scope, place_key, doc_key) "
        "VALUES (?, ?, 'KH', 'HU', 2025, ?, 'local', 'x', ?)",
        [(i, str(i), f"{i}-KH/HU", f"{i}|KH|HU|2025|x") for i in range(1, 50001)],
    )
    start = date(2020, 1, 1)
    for first in range(0, articles, 5000):
        batch = range(first + 1, min(articles, first + 5000) + 1)
        con.executemany(
            "INSERT INTO articles (id, portal_id, canonical_url, url, title, published_on, text, text_hash, "
            "search_text, extracted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '2025-01-01 00:00:00')",
            [
                (
                    a,
                    a % 10 + 1,
                    f"http://p.test/{a}",
                    f"http://p.test/{a}",
                    f"Tin số {a}",
                    (start + timedelta(days=a % 2000)).isoformat(),
                    body := _text(rng),
                    f"{a:064x}",
                    body.lower(),
                )
                for a in batch
            ],
        )
        con.executemany(
            "INSERT INTO official_mentions (article_id, official_id, title, status, start_offset, end_offset, "
            "snippet) VALUES (?, ?, ?, 'current', 10, 30, 'đồng chí Nguyễn Văn A, Bí thư Huyện ủy')",
            [(a, rng.randint(1, 20000), f"Bí thư {k}") for a in batch for k in range(5)],
        )
        con.executemany(
            "INSERT INTO document_citations (article_id, document_id, issued_on, raw, snippet) "
            "VALUES (?, ?, '2025-02-28', 'Kế hoạch số 45-KH/HU', 'theo Kế hoạch số 45-KH/HU')",
            [(a, (2 * a + k) % 50000 + 1) for a in batch for k in range(2)],
        )
        con.executemany(
            "INSERT INTO terms (article_id, ordinal, start_year, end_year, organisation, snippet) "
            "VALUES (?, 21, 2025, 2030, 'Đảng bộ xã', 'Đại hội lần thứ XXI')",
            [(a,) for a in batch],
        )
        con.executemany(
            "INSERT INTO dated_mentions (article_id, day, year_inferred, snippet) VALUES (?, '2025-03-01', 0, 'x')",
            [(a,) for a in batch for _ in range(3)],
        )
        con.commit()
    con.close()


def run_export(db: Path, out: Path, file_format: str) -> dict[str, float]:
    command = [sys.executable, "-c", CHILD, f"sqlite:///{db}", str(out), file_format]
    result = subprocess.run(command, capture_output=True, text=True, check=True, cwd=Path(__file__).parents[1])
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--formats", default="csv,jsonl,parquet")
    parser.add_argument("--db", type=Path, help="reuse or create the synthetic database here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vnportal-bench-") as folder:
        db = args.db or Path(folder) / "bench.db"
        if not db.exists():
            began = time.perf_counter()
            build(db, args.articles)
            megabytes = db.stat().st_size / 1e6
            print(f"built {args.articles} articles in {time.perf_counter() - began:.1f} s ({megabytes:.0f} MB)")
        for file_format in args.formats.split(","):
            figures = run_export(db, Path(folder) / file_format, file_format)
            print(
                f"{file_format:8} {figures['seconds']:7.1f} s  peak RSS {figures['peak_rss_mb']:6.0f} MB  "
                f"{figures['files']:.0f} files, {figures['megabytes']:.0f} MB"
            )


if __name__ == "__main__":
    main()
