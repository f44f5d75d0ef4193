"""Crawl benchmark: a generated mirror of 5,000+ articles across the CMS families, crawled end to end.

    .venv/bin/python benchmarks/bench_crawl.py [--articles 5000] [--workdir DIR]

One synthetic site per CMS family (crawler.sitegen: Liferay with HTTrack-hashed pager names, a notice
portlet above some articles, aliases, a calendar whose pager never ends and language links that nest;
SharePoint "Tân Dân" with listing parameters leaking into article links and articles reachable only from
"Các tin khác"; WordPress whose listings stop early, the rest in its sitemap; DotNetNuke with query-only
pagination and friendly aliases; FITC with print views; everywhere hard-wrapped bodies, attachment-only
notices, re-posts, document registers and teaser roundups). The sites are generated at run time and served
on loopback by a separate process. Then, in the same run:

1. `vnportal crawl` of the five portals into a fresh SQLite database (the full pipeline);
2. bare Scrapy following the same links (benchmarks/bare_crawl.py: no extraction, no storage);
3. `vnportal crawl` again over the unchanged sites (incremental).

Reported: share of articles stored, pages stored as articles that are not, duplicates, pages/s of each crawl
and their ratio, peak memory (crawl process and its extraction workers), the second crawl's fetch count,
and the machine's load. Figures are printed (and written to WORKDIR/report.json), never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.sitegen import SyntheticSite, benchmark_specs, registry_entries  # noqa: E402
from crawler.sitegen.server import CONTROL_HOST  # noqa: E402
from crawler.sitegen.site import Truth  # noqa: E402

FAST = {
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "CONCURRENT_REQUESTS": "32",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "8",
    "RETRY_TIMES": "0",
    "LOG_LEVEL": "WARNING",
}


@dataclass
class CrawlFigures:
    seconds: float
    responses: int
    pages_per_second: float
    peak_pss_mb: float  # the crawl process and its extraction workers together (shared pages counted once)
    peak_rss_main_mb: float
    cpu_main_s: float = 0.0  # CPU seconds of the crawl process, and of its workers (last seen alive)
    cpu_workers_s: float = 0.0
    stats: dict[str, Any] = field(default_factory=dict)


class MemorySampler:
    """Peak memory of a process (resident) and of it with its descendants (proportional: a page shared by
    two processes counts half in each), and their CPU time, sampled from /proc."""

    def __init__(self, pid: int, interval: float = 0.25) -> None:
        self.pid = pid
        self.interval = interval
        self.peak_total = self.peak_main = 0
        self.cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    @staticmethod
    def _memory_kb(pid: int, field: str) -> int:
        """VmRSS (all resident pages) or Pss (shared pages divided among the processes sharing them)."""
        source = "status" if field == "VmRSS:" else "smaps_rollup"
        try:
            for line in Path(f"/proc/{pid}/{source}").read_text().splitlines():
                if line.startswith(field):
                    return int(line.split()[1])
        except OSError:
            pass
        return 0

    def _tree(self) -> list[int]:
        parents: dict[int, int] = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
        tree, frontier = [self.pid], [self.pid]
        while frontier:
            children = [pid for pid, parent in parents.items() if parent in frontier]
            tree += children
            frontier = children
        return tree

    @staticmethod
    def _cpu_s(pid: int) -> float | None:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.peak_main = max(self.peak_main, self._memory_kb(self.pid, "VmRSS:"))
            tree = self._tree()
            self.peak_total = max(self.peak_total, sum(self._memory_kb(pid, "Pss:") for pid in tree))
            for pid in tree:
                seconds = self._cpu_s(pid)
                if seconds is not None:
                    self.cpu[pid] = seconds

    def stop(self) -> tuple[float, float, float, float]:
        self._stop.set()
        self._thread.join()
        main = self.cpu.get(self.pid, 0.0)
        workers = sum(seconds for pid, seconds in self.cpu.items() if pid != self.pid)
        return self.peak_total / 1024, self.peak_main / 1024, main, workers


def start_server(articles: int, workdir: Path) -> tuple[subprocess.Popen[bytes], str]:
    port_file = workdir / "server.url"
    port_file.unlink(missing_ok=True)
    command = [sys.executable, "-m", "crawler.sitegen", "--articles", str(articles)]
    server = subprocess.Popen([*command, "--port-file", str(port_file)], cwd=ROOT)
    for _ in range(600):
        if port_file.exists() and port_file.read_text():
            return server, port_file.read_text().strip()
        time.sleep(0.1)
    server.kill()
    raise SystemExit("the synthetic site server did not start")


def control(proxy: str, path: str) -> list[str]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": proxy}))
    with opener.open(f"http://{CONTROL_HOST}{path}", timeout=30) as reply:
        return json.loads(reply.read())


def last_run_stats(db: Path) -> dict[str, Any]:
    """The run row's stats, with the run's duration (stats are stored before Scrapy adds its own)."""
    query = "SELECT stats, julianday(finished_at) - julianday(started_at) FROM crawl_runs ORDER BY id DESC LIMIT 1"
    with sqlite3.connect(db) as connection:
        stats, days = connection.execute(query).fetchone()
    return {**json.loads(stats), "elapsed_time_seconds": days * 86400}


def figures(stats: dict[str, Any], peak: tuple[float, float, float, float]) -> CrawlFigures:
    seconds = float(stats.get("elapsed_time_seconds", 0.0))
    responses = int(stats.get("response_received_count", 0))
    return CrawlFigures(seconds, responses, responses / seconds if seconds else 0.0, *peak, stats=stats)


def run_full(db: Path, registry: Path, slugs: list[str], proxy: str, hosts: list[str], workdir: Path) -> CrawlFigures:
    command = [sys.executable, "-m", "crawler.cli", "crawl", "--registry", str(registry), "--db", f"sqlite:///{db}"]
    command += [part for slug in slugs for part in ("--portal", slug)]
    settings = {**FAST, "VNPORTAL_MIRROR_PROXY": proxy, "VNPORTAL_MIRROR_HOSTS": ",".join(hosts)}
    command += [part for name, value in settings.items() for part in ("--set", f"{name}={value}")]
    with (workdir / "crawl.log").open("ab") as log:
        process = subprocess.Popen(command, cwd=workdir, stdout=log, stderr=subprocess.STDOUT)
        sampler = MemorySampler(process.pid)
        process.wait()
    peak = sampler.stop()
    if process.returncode:
        raise SystemExit(f"vnportal crawl failed ({process.returncode}); see {workdir / 'crawl.log'}")
    return figures(last_run_stats(db), peak)


def run_bare(proxy: str, allowed: list[str], starts: list[str], workdir: Path) -> CrawlFigures:
    (workdir / "allowed.txt").write_text("\n".join(allowed), encoding="utf-8")
    stats_file = workdir / "bare-stats.json"
    command = [
        sys.executable,
        str(ROOT / "benchmarks" / "bare_crawl.py"),
        "--allowed",
        str(workdir / "allowed.txt"),
        "--stats",
        str(stats_file),
        *[part for n, v in FAST.items() for part in ("--set", f"{n}={v}")],
        *starts,
    ]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "http_proxy": proxy})
    sampler = MemorySampler(process.pid)
    process.wait()
    return figures(json.loads(stats_file.read_text(encoding="utf-8")), sampler.stop())


@dataclass
class Quality:
    articles: int
    stored: int
    false_articles: int
    duplicates: int
    notices_expected: int
    notices_stored: int
    missing_examples: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.stored / self.articles if self.articles else 0.0


def score(db: Path, truths: list[Truth]) -> Quality:
    with sqlite3.connect(db) as connection:
        by_url = {url: article for url, article in connection.execute("SELECT url, article_id FROM article_urls")}
        kinds = dict(connection.execute("SELECT id, kind FROM articles"))
    articles = [article for truth in truths for article in truth.articles]
    stored = duplicates = notices = 0
    missing = []
    for article in articles:
        ids = {by_url[url] for url in article.urls if url in by_url}
        stored += bool(ids)
        duplicates += len(ids) > 1
        notices += article.kind == "notice" and any(kinds.get(i) == "notice" for i in ids)
        if not ids and len(missing) < 5:
            missing.append(article.urls[0])
    false = sum(1 for truth in truths for url in truth.non_articles if url in by_url)
    expected_notices = sum(1 for a in articles if a.kind == "notice")
    return Quality(len(articles), stored, false, duplicates, expected_notices, notices, missing)


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f} (1/5/15 min) on {os.cpu_count()} CPUs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="vnportal-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    specs = benchmark_specs(args.articles)
    sites = [SyntheticSite(spec) for spec in specs]
    registry = workdir / "bench-portals.toml"
    registry.write_text(registry_entries(specs), encoding="utf-8")
    slugs = [f"bench-{spec.cms}" for spec in specs]
    hosts = [spec.host for spec in specs]
    db = workdir / "bench.db"
    db.unlink(missing_ok=True)
    server, proxy = start_server(args.articles, workdir)
    report: dict[str, Any] = {"load_before": load(), "articles_generated": args.articles}
    try:
        control(proxy, "/reset")
        full = run_full(db, registry, slugs, proxy, hosts, workdir)
        served = control(proxy, "/served")
        report["load_after_full"] = load()
        starts = [site.absolute(url.format(site=site.spec.site)) for site in sites for url in site.t["start_urls"]]
        bare = run_bare(proxy, sorted(set(served)), starts, workdir)
        report["load_after_bare"] = load()
        control(proxy, "/reset")
        second = run_full(db, registry, slugs, proxy, hosts, workdir)
        report["load_after_second"] = load()
    finally:
        server.kill()
    quality = score(db, [site.truth() for site in sites])
    report.update(
        quality=asdict(quality) | {"share": quality.share},
        full={k: v for k, v in asdict(full).items() if k != "stats"},
        bare={k: v for k, v in asdict(bare).items() if k != "stats"},
        ratio=full.pages_per_second / bare.pages_per_second if bare.pages_per_second else 0.0,
        second={k: v for k, v in asdict(second).items() if k != "stats"},
        second_share_of_first=second.responses / full.responses if full.responses else 0.0,
        full_notes={k: v for k, v in full.stats.items() if k.startswith(("vnportal/", "finish_reason"))},
    )
    (workdir / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print_report(report)


def print_report(r: dict[str, Any]) -> None:
    q = r["quality"]
    print(
        f"articles: {q['stored']}/{q['articles']} stored ({q['share']:.2%}); false articles: {q['false_articles']}; "
        f"duplicates: {q['duplicates']}; notices stored as notices: {q['notices_stored']}/{q['notices_expected']}"
    )
    if q["missing_examples"]:
        print("  missing, e.g.: " + ", ".join(q["missing_examples"]))
    for name in ("full", "bare", "second"):
        f = r[name]
        print(
            f"{name:6}: {f['responses']} responses in {f['seconds']:.1f} s = {f['pages_per_second']:.1f} pages/s; "
            f"peak memory {f['peak_pss_mb']:.0f} MB with workers (PSS), "
            f"main process {f['peak_rss_main_mb']:.0f} MB (RSS); "
            f"CPU {f['cpu_main_s']:.0f} s main + {f['cpu_workers_s']:.0f} s workers"
        )
    print(f"ratio full/bare: {r['ratio']:.2f}; second crawl fetched {r['second_share_of_first']:.1%} of the first")
    print(f"load: before {r['load_before']}; after full {r['load_after_full']}; after bare {r['load_after_bare']}")


if __name__ == "__main__":
    main()
