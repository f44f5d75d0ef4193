"""The `vnportal` command line: a thin layer over the Python API (crawler.run, models, extractors)."""

from __future__ import annotations

import importlib.util
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from crawler.registry import Portal, Registry, RegistryError, load_registry
from crawler.run import DEMO_SETTINGS, MIRROR_ROOT, crawl, default_frontier, distributed_settings, resolve_db_url
from crawler.spiders.portal import select_portals
from extractors.article import UnsupportedInput, extract_article_from_file
from extractors.contract import article_record
from extractors.options import ExtractionOptions

DB_OPTION = click.option(
    "--db",
    "db_url",
    envvar="VNPORTAL_DB",
    help="SQLAlchemy database URL [env VNPORTAL_DB; default sqlite:///vnportal.db in this folder].",
)
REDIS_OPTION = click.option(
    "--redis",
    "redis_url",
    envvar="VNPORTAL_REDIS_URL",
    help="Share the crawl frontier in Redis (scrapy-redis) with other workers [env VNPORTAL_REDIS_URL].",
)
FRONTIER_OPTION = click.option(
    "--frontier",
    help="With --redis: the shared frontier's name; workers with the same name split one crawl "
    "[default: today's date and the portal slugs].",
)
REGISTRY_OPTION = click.option(
    "--registry",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A portals.toml to use instead of the bundled registry.",
)


def _load_registry(path: Path | None) -> Registry:
    try:
        return load_registry(path)
    except RegistryError as error:
        raise click.ClickException(str(error)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="vnportal")
def main() -> None:
    """Crawl Vietnamese local-government portals and extract officials, documents, terms and dates.

    Start with `vnportal demo` (no network needed), then `vnportal portals` and `vnportal crawl`.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--url", help="The page's address (used for the canonical URL and CMS hints).")
@click.option(
    "--published-on",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Publication date (YYYY-MM-DD) when known from elsewhere; resolves days written without a year.",
)
def extract(paths: tuple[Path, ...], url: str | None, published_on: datetime | None) -> None:
    """Extract one JSON object per PATH, one per line (JSON Lines) on standard output.

    PATH is an .html/.htm page or a .txt page dump (the page's visible text). Each object has source,
    title, published_on, author, text, officials, documents, terms and dates (plus evidence offsets).
    """
    day: date | None = published_on.date() if published_on is not None else None
    options = ExtractionOptions(url=url, published_on=day)
    failures = 0
    for path in paths:
        try:
            article = extract_article_from_file(path, options)
        except (OSError, UnsupportedInput) as error:
            failures += 1
            click.echo(f"vnportal extract: {error}", err=True)
            continue
        if day is not None:
            article.content.published_on = day
        sys.stdout.write(json.dumps(article_record(article, str(path)), ensure_ascii=False) + "\n")
    if failures:
        raise SystemExit(1)


@main.command()
@REGISTRY_OPTION
@click.option("--demo/--real", "demo", default=None, help="Only the bundled demo portals, or only real ones.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines instead of a table.")
def portals(registry: Path | None, demo: bool | None, as_json: bool) -> None:
    """List the portals of the registry (slug, level, province, CMS, address)."""
    chosen = _load_registry(registry).select(demo=demo)
    if not as_json:
        click.echo(f"{'SLUG':32} {'LEVEL':9} {'CMS':20} {'PROVINCE':18} {'BASE URL':40} NAME")
    for portal in chosen:
        if as_json:
            row = {"slug": portal.slug, "name": portal.name, "level": portal.level, "province": portal.province,
                   "cms": portal.cms, "base_url": portal.base_url, "demo": portal.demo}
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            click.echo(
                f"{portal.slug:32} {portal.level:9} {portal.cms:20} {portal.province:18} {portal.base_url:40} "
                f"{portal.name}"
            )
    if not as_json:
        click.echo(f"{len(chosen)} portals")


@main.command(name="crawl")
@click.option("--portal", "slugs", multiple=True, help="Portal slug to crawl (repeatable); see `vnportal portals`.")
@click.option("--all", "all_portals", is_flag=True, help="Crawl every real portal of the registry.")
@REGISTRY_OPTION
@DB_OPTION
@click.option("--refetch", is_flag=True, help="Fetch article pages again even if stored recently.")
@click.option("--jobdir", type=click.Path(file_okay=False, path_type=Path),
              help="Keep the crawl state here so an interrupted crawl resumes (Scrapy JOBDIR).")
@REDIS_OPTION
@FRONTIER_OPTION
@click.option("--set", "extra", multiple=True, metavar="NAME=VALUE", help="Override a Scrapy setting.")
def crawl_command(
    slugs: tuple[str, ...], all_portals: bool, registry: Path | None, db_url: str | None,
    refetch: bool, jobdir: Path | None, redis_url: str | None, frontier: str | None, extra: tuple[str, ...],
) -> None:
    """Crawl portals of the registry into the database (polite: robots.txt, delays, autothrottle)."""
    if bool(slugs) == all_portals:
        raise click.UsageError("give either --portal SLUG (repeatable) or --all")
    loaded = _load_registry(registry)
    try:
        chosen = select_portals(loaded, "all" if all_portals else ",".join(slugs))
    except RegistryError as error:
        raise click.ClickException(str(error)) from None
    if any(p.mirror for p in chosen):
        raise click.ClickException("demo portals are served by `vnportal demo`, not crawled directly")
    overrides: dict[str, Any] = dict(_parse_settings(extra))
    if refetch:
        overrides["VNPORTAL_REFETCH_AFTER_DAYS"] = 0
    if jobdir:
        overrides["JOBDIR"] = str(jobdir)
    overrides.update(_distributed(redis_url, frontier, chosen))
    url = resolve_db_url(db_url)
    click.echo(f"Crawling {len(chosen)} portal(s) into {url} …", err=True)
    result = crawl(chosen, url, overrides)
    _print_summary(url, result.seconds, result.stats)


def _distributed(redis_url: str | None, frontier: str | None, portals: list[Portal]) -> dict[str, Any]:
    if not redis_url:
        if frontier:
            raise click.UsageError("--frontier needs --redis URL")
        return {}
    if importlib.util.find_spec("scrapy_redis") is None:
        raise click.ClickException('--redis needs scrapy-redis: pip install -e ".[distributed]"')
    name = frontier or default_frontier(portals)
    click.echo(f"Sharing frontier '{name}' in Redis at {redis_url}", err=True)
    return distributed_settings(redis_url, name)


def _parse_settings(pairs: tuple[str, ...]) -> list[tuple[str, str]]:
    parsed = []
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise click.UsageError(f"--set expects NAME=VALUE, got {pair!r}")
        parsed.append((name.strip(), value))
    return parsed


def _print_summary(db_url: str, seconds: float, stats: dict[str, Any], export_dir: Path | None = None) -> None:
    from models.store import Store

    counts = Store(db_url).counts()
    click.echo("")
    click.echo(f"Done in {seconds:.1f} s.")
    click.echo(
        f"  this run: {stats.get('response_received_count', 0)} responses, "
        f"{stats.get('vnportal/article_pages_stored', 0)} article pages = "
        f"{stats.get('vnportal/articles_stored', 0)} distinct articles, "
        f"{stats.get('vnportal/non_articles', 0)} non-article pages, "
        f"{stats.get('vnportal/failures', 0)} failures (listed in crawl_failures)"
    )
    click.echo("  database: " + ", ".join(f"{count} {name}" for name, count in counts.items()))
    if not stats.get("response_received_count") and stats.get("vnportal/failures"):
        click.echo(
            "  No page could be fetched: check the network and the portal's base_url (`vnportal portals`); "
            "each failure and its reason is in the crawl_failures table."
        )
    click.echo(f"  database URL: {db_url}")
    if export_dir is not None:
        click.echo(f"  CSV files: {export_dir}")


DAY = click.DateTime(formats=["%Y-%m-%d"])


def _read_only(db_url: str | None) -> Any:
    from models.readonly import DatabaseNotReady, open_read_only

    try:
        return open_read_only(resolve_db_url(db_url))
    except DatabaseNotReady as error:
        raise click.ClickException(str(error)) from None


@main.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for the files (created if missing).")
@click.option("--format", "file_format", type=click.Choice(["csv", "jsonl", "parquet"]), default="csv",
              show_default=True, help="CSV (UTF-8 with BOM, formula-safe), JSON Lines, or Parquet (extra analyst).")
@click.option("--portal", "slugs", multiple=True, help="Only this portal's articles and their facts (repeatable).")
@click.option("--since", type=DAY, help="Only articles published on or after this day (YYYY-MM-DD).")
@click.option("--until", type=DAY, help="Only articles published on or before this day (YYYY-MM-DD).")
@click.option("--tables", help="Comma-separated tables and views to export [default: every one].")
@DB_OPTION
def export(
    out_dir: Path, file_format: str, slugs: tuple[str, ...], since: datetime | None, until: datetime | None,
    tables: str | None, db_url: str | None,
) -> None:
    """Export tables and views as CSV, JSON Lines or Parquet, with a datapackage.json describing them.

    The database is only read. Files are streamed: memory stays flat however large the database is.
    """
    from models.export import ExportError, ExportOptions, export_dataset

    options = ExportOptions(
        format=file_format, portals=slugs, since=since.date() if since else None,
        until=until.date() if until else None,
        tables=tuple(t.strip() for t in (tables or "").split(",") if t.strip()),
    )
    try:
        paths = export_dataset(_read_only(db_url), out_dir, options)
    except ExportError as error:
        raise click.ClickException(str(error)) from None
    for path in paths:
        click.echo(str(path))
    click.echo(f"{len(paths) - 1} {file_format} files and datapackage.json in {out_dir}", err=True)


@main.command()
@click.argument("query")
@click.option("--portal", help="Only this portal's articles.")
@click.option("--since", type=DAY, help="Only articles published on or after this day (YYYY-MM-DD).")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True, help="At most this many.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines instead of text.")
@DB_OPTION
def search(
    query: str, portal: str | None, since: datetime | None, limit: int, as_json: bool, db_url: str | None
) -> None:
    """Find articles holding every word of QUERY, ignoring tone marks and case ("bi thu huyen uy" finds
    "Bí thư Huyện ủy", d finds đ), best first, each with a passage around the match."""
    from sqlalchemy.orm import Session

    from models.search import search as search_articles

    with Session(_read_only(db_url)) as session:
        hits = search_articles(session, query, portal=portal, since=since.date() if since else None, limit=limit)
    for hit in hits:
        if as_json:
            click.echo(json.dumps(hit.as_dict(), ensure_ascii=False))
        else:
            click.echo(f"{hit.published_on or '----------'}  {hit.portal}  {hit.title or ''}\n  {hit.url}\n"
                       f"  {hit.snippet}\n")
    click.echo(f"{len(hits)} articles", err=True)


@main.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=8001, show_default=True, help="Port to listen on.")
def serve(db_url: str | None, host: str, port: int) -> None:
    """Browse the database in Datasette, read-only, with every table and column described and canned
    questions (who held which post when, which articles cite a document, the congresses of a term in a
    province, the most cited documents per province). Needs the `analyst` extra and a SQLite database."""
    from models.browse import serve as serve_database
    from models.readonly import sqlite_path
    from models.schema_docs import columns_of
    from models.session import resolve_url

    path = sqlite_path(resolve_url(resolve_db_url(db_url)))
    if path is None:
        raise click.ClickException("Datasette reads SQLite only: export the PostgreSQL data or serve a SQLite copy")
    engine = _read_only(db_url)
    columns = columns_of(engine)
    engine.dispose()
    try:
        raise SystemExit(serve_database(path, columns, host, port))
    except RuntimeError as error:
        raise click.ClickException(str(error)) from None


@main.command()
@DB_OPTION
@click.option("--portal", "slug", help="Only the pages of this portal.")
def reextract(db_url: str | None, slug: str | None) -> None:
    """Run extraction again over the stored raw HTML (no re-crawl), replacing each article's facts."""
    from models.reextract import ReextractionSummary
    from models.reextract import reextract as reextract_all
    from models.store import Store

    url = resolve_db_url(db_url)

    def show(summary: ReextractionSummary) -> None:
        if sys.stderr.isatty() and summary.pages % 50 == 0:
            click.echo(f"\r  {summary.pages} pages re-extracted", err=True, nl=False)

    summary = reextract_all(Store(url), slug, progress=show)
    click.echo(
        f"Re-extracted {summary.pages} pages: {summary.articles} articles, "
        f"{summary.non_articles} non-article pages, {summary.failures} failures (recorded in crawl_failures)."
    )


@main.command()
@DB_OPTION
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("vnportal-export"), show_default=True, help="Folder for the CSV export.")
@click.option("--mirror", "mirror_root", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="The mirror folder (default: the bundled tests/fixtures/mirror).")
@REDIS_OPTION
@FRONTIER_OPTION
def demo(
    db_url: str | None, out_dir: Path, mirror_root: Path | None, redis_url: str | None, frontier: str | None
) -> None:
    """Serve the bundled mirror on 127.0.0.1, crawl it with Scrapy into the database, export CSV.

    The three demo portals answer as *.mirror.test hosts through a local proxy on a free port, so a second
    run stores the same URLs and adds no duplicate rows.
    """
    from crawler.mirror import MirrorProxy
    from models.export import export_csv

    root = mirror_root or MIRROR_ROOT
    if not root.is_dir():
        raise click.ClickException(
            f"the demo mirror is not at {root}; install from a checkout (pip install -e .) or pass --mirror DIR"
        )
    url = resolve_db_url(db_url)
    portals = _load_registry(None).select(demo=True)
    overrides = {**DEMO_SETTINGS, **_distributed(redis_url, frontier, portals)}
    with MirrorProxy(root) as proxy:
        click.echo(f"Serving {len(portals)} demo portals from {root} at {proxy.url}; crawling into {url} …", err=True)
        result = crawl(portals, url, {**overrides, "VNPORTAL_MIRROR_PROXY": proxy.url})
    paths = export_csv(url, out_dir)
    _print_summary(url, result.seconds, result.stats, export_dir=out_dir)
    click.echo(f"  {len(paths)} CSV files written.")


if __name__ == "__main__":
    main()
