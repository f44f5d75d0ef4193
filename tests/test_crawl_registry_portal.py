"""A portal given only by the README's "Adding a portal" entry (or only by its address) is crawled whole.

The portal is a synthetic Liferay site answering for `vidu.example.gov.vn` on a local proxy; the crawl runs
`vnportal crawl` in a subprocess (a Twisted reactor cannot restart inside the test process).
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.sitegen import SiteSpec, SyntheticProxy, SyntheticSite
from crawler.sitegen.site import Truth

README = Path(__file__).parents[1] / "README.md"
HOST = "vidu.example.gov.vn"
SPEC = SiteSpec(
    cms="liferay",
    host=HOST,
    articles=150,
    seed=3,
    site="vidu",
    scheme="https",
    site_name="Trang thông tin điện tử phường Ví Dụ",
    unit="phường Ví Dụ",
)
FAST = ["DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False", "CONCURRENT_REQUESTS_PER_DOMAIN=8", "RETRY_TIMES=0"]


def readme_portal_entry() -> str:
    section = README.read_text(encoding="utf-8").split("## Adding a portal", 1)[1]
    return section.split("```toml\n", 1)[1].split("```", 1)[0]


@pytest.fixture(scope="module")
def site() -> Iterator[tuple[SyntheticSite, str]]:
    synthetic = SyntheticSite(SPEC)
    with SyntheticProxy([synthetic]) as proxy:
        yield synthetic, proxy.url


def crawl(args: list[str], proxy: str, db: Path, *extra: str) -> str:
    settings = [f"VNPORTAL_MIRROR_PROXY={proxy}", f"VNPORTAL_MIRROR_HOSTS={HOST}", *FAST, *extra]
    command = [sys.executable, "-m", "crawler.cli", "crawl", *args, "--db", f"sqlite:///{db}"]
    command += [part for setting in settings for part in ("--set", setting)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def run_stats(db: Path) -> list[dict[str, object]]:
    with sqlite3.connect(db) as connection:
        return [json.loads(stats) for (stats,) in connection.execute("SELECT stats FROM crawl_runs ORDER BY id")]


def stored_urls(db: Path) -> set[str]:
    with sqlite3.connect(db) as connection:
        return {url for (url,) in connection.execute("SELECT url FROM article_urls")}


def article_count(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT count(*) FROM articles").fetchone()[0]


def assert_whole_portal_stored(db: Path, truth: Truth) -> None:
    urls = stored_urls(db)
    missing = [article.urls[0] for article in truth.articles if not urls & set(article.urls)]
    assert missing == []
    assert article_count(db) == len(truth.articles)
    assert not urls & set(truth.non_articles)


def test_readme_entry_crawls_the_portal_verbatim_with_registry(site: tuple[SyntheticSite, str], tmp_path: Path) -> None:
    synthetic, proxy = site
    registry = tmp_path / "my-portals.toml"
    registry.write_text(readme_portal_entry(), encoding="utf-8")
    crawl(["--registry", str(registry), "--portal", "phuong-vi-du"], proxy, tmp_path / "vidu.db")
    assert_whole_portal_stored(tmp_path / "vidu.db", synthetic.truth())


def test_start_url_reads_the_cms_from_the_first_page_and_prints_the_entry(
    site: tuple[SyntheticSite, str], tmp_path: Path
) -> None:
    synthetic, proxy = site
    output = crawl(["--start-url", f"https://{HOST}/web/vidu/tin-tuc"], proxy, tmp_path / "start.db")
    assert_whole_portal_stored(tmp_path / "start.db", synthetic.truth())
    entry = output.split("[[portal]]", 1)[1]
    assert 'cms = "liferay"' in entry
    assert f'base_url = "https://{HOST}/"' in entry
    assert 'level = "ward"' in entry


def test_a_second_crawl_of_an_unchanged_portal_fetches_little(site: tuple[SyntheticSite, str], tmp_path: Path) -> None:
    synthetic, proxy = site
    args = ["--start-url", f"https://{HOST}/web/vidu/tin-tuc", "--cms", "liferay"]
    crawl(args, proxy, tmp_path / "twice.db")
    crawl(args, proxy, tmp_path / "twice.db")
    first, second = (stats["response_received_count"] for stats in run_stats(tmp_path / "twice.db"))
    assert second < 0.1 * first  # type: ignore[operator]
    assert article_count(tmp_path / "twice.db") == len(synthetic.truth().articles)


def test_a_crawl_stopped_at_a_limit_says_so_in_its_summary_and_run(
    site: tuple[SyntheticSite, str], tmp_path: Path
) -> None:
    _, proxy = site
    args = ["--start-url", f"https://{HOST}/web/vidu/tin-tuc", "--cms", "liferay"]
    output = crawl(args, proxy, tmp_path / "limit.db", "VNPORTAL_MAX_LISTING_PAGES=2")
    (stats,) = run_stats(tmp_path / "limit.db")
    not_visited = stats["vnportal/limit/listing_pages_not_visited"]
    assert not_visited >= 1  # type: ignore[operator]
    message = f"{not_visited} listing pages not visited (VNPORTAL_MAX_LISTING_PAGES=2)"
    assert stats["vnportal/stopped_at_limit"] == message
    assert f"stopped at limit: {message}" in output
