"""The `vnportal` command line: a thin layer over the Python API (crawler.run, models, extractors)."""

from __future__ import annotations

import importlib.util
import json
import signal
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from crawler.cli_support import (
    CliState,
    VnportalGroup,
    database_url,
    note,
    progress_display,
    scrapy_log_settings,
    state,
    warn,
)
from crawler.errors import ConfigurationError, CrawlFailed, Interrupted
from crawler.outcome import FAILED, INTERRUPTED
from crawler.progress import format_duration, rate
from crawler.registry import Portal, Registry, load_registry, portal_entry, portal_for_start_url
from crawler.run import (
    DEMO_SETTINGS,
    MIRROR_ROOT,
    CrawlResult,
    crawl,
    default_frontier,
    distributed_settings,
    project_settings,
)
from crawler.setting_values import check_setting_values, parse_setting_pairs
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
SET_OPTION = click.option(
    "--set",
    "extra",
    multiple=True,
    metavar="NAME=VALUE",
    help="Override a Scrapy or vnportal setting (repeatable); checked against the setting's type.",
)
REGISTRY_OPTION = click.option(
    "--registry",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A portals.toml extending the bundled registry (its portals use the bundled [cms.*] profiles).",
)


def _load_registry(path: Path | None) -> Registry:
    return load_registry(path)  # a RegistryError is a configuration error (exit 2), see crawler.errors


@click.group(cls=VnportalGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="vnportal")
@click.option("-v", "--verbose", count=True, help="More output: -v shows Scrapy's log, -vv its debug log.")
@click.option("-q", "--quiet", is_flag=True, help="Only errors and warnings: no progress, no summary.")
@click.option("--debug", is_flag=True, envvar="VNPORTAL_DEBUG", help="Show the traceback of an error.")
@click.pass_context
def main(ctx: click.Context, verbose: int, quiet: bool, debug: bool) -> None:
    """Crawl Vietnamese local-government portals and extract officials, documents, terms and dates.

    Start with `vnportal demo` (no network needed), then `vnportal portals` and `vnportal crawl`.

    Exit status: 0 success; 1 failed (or a crawl fetched nothing); 2 bad usage or configuration;
    75 busy (another crawl holds a portal on this database); 130 interrupted (Ctrl-C; SIGTERM: 143).
    """
    ctx.obj = CliState(verbosity=-1 if quiet else verbose, debug=debug)


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
            row = {
                "slug": portal.slug,
                "name": portal.name,
                "level": portal.level,
                "province": portal.province,
                "cms": portal.cms,
                "base_url": portal.base_url,
                "demo": portal.demo,
            }
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            click.echo(
                f"{portal.slug:32} {portal.level:9} {portal.cms:20} {portal.province:18} {portal.base_url:40} "
                f"{portal.name}"
            )
    if not as_json:
        click.echo(f"{len(chosen)} portals")  # on stdout with the list it counts


@main.command(name="crawl")
@click.option("--portal", "slugs", multiple=True, help="Portal slug to crawl (repeatable); see `vnportal portals`.")
@click.option("--all", "all_portals", is_flag=True, help="Crawl every real portal of the registry.")
@click.option("--start-url", help="Crawl a portal that is in no registry, from this address; prints its entry.")
@click.option("--cms", help="With --start-url: the portal's CMS profile (default: read from the first page).")
@REGISTRY_OPTION
@DB_OPTION
@click.option("--refetch", is_flag=True, help="Fetch article pages again even if stored recently.")
@click.option(
    "--jobdir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Keep the crawl state here so an interrupted crawl resumes (Scrapy JOBDIR).",
)
@REDIS_OPTION
@FRONTIER_OPTION
@SET_OPTION
def crawl_command(
    slugs: tuple[str, ...],
    all_portals: bool,
    start_url: str | None,
    cms: str | None,
    registry: Path | None,
    db_url: str | None,
    refetch: bool,
    jobdir: Path | None,
    redis_url: str | None,
    frontier: str | None,
    extra: tuple[str, ...],
) -> None:
    """Crawl portals of the registry into the database (polite: robots.txt, delays, autothrottle).

    A first crawl of a portal walks all its listing pages; later crawls stop a listing once its pages hold
    only stored articles. Any limit that leaves pages unvisited is printed in the summary. With --start-url,
    a portal in no registry is crawled and the `[[portal]]` entry it used is printed, to save.

    Exits 1 when nothing could be fetched, 75 when another crawl holds one of the portals on this database,
    130 when interrupted; the run's row in crawl_runs says the same (`vnportal runs`).
    """
    if (bool(slugs) + all_portals + bool(start_url)) != 1:
        raise click.UsageError("give either --portal SLUG (repeatable), --all, or --start-url URL")
    if cms and not start_url:
        raise click.UsageError("--cms goes with --start-url")
    loaded = _load_registry(registry)
    if start_url:
        chosen = [portal_for_start_url(start_url, cms, loaded)]
    else:
        chosen = select_portals(loaded, "all" if all_portals else ",".join(slugs))
    if any(p.mirror for p in chosen):
        raise ConfigurationError("demo portals are served by `vnportal demo`, not crawled directly")
    overrides: dict[str, Any] = _crawl_settings(extra)
    if refetch:
        overrides["VNPORTAL_REFETCH_AFTER_DAYS"] = 0
    if jobdir:
        overrides["JOBDIR"] = str(jobdir)
    if registry:
        overrides["VNPORTAL_REGISTRY"] = str(registry)
    overrides.update(_distributed(redis_url, frontier, chosen))
    url = database_url(db_url)
    note(f"Crawling {len(chosen)} portal(s) into {state().db_label} …")
    result = crawl(chosen, url, overrides)
    _print_summary(url, result, chosen)
    if start_url and not state().quiet:
        click.echo("\nThe portal entry this crawl used (add it to a registry file, check level and province):\n")
        click.echo(portal_entry(result.portals[0], loaded.profiles))
    _exit_for(result)


def _crawl_settings(extra: tuple[str, ...], base: dict[str, Any] | None = None) -> dict[str, Any]:
    """Logging and progress for the chosen verbosity, then the user's checked `--set` values."""
    user = parse_setting_pairs(extra)
    for warning in check_setting_values(user, project_settings()):
        warn(f"Warning: {warning}")
    return {**(base or {}), **scrapy_log_settings(), "VNPORTAL_PROGRESS_ENABLED": not state().quiet, **user}


def _exit_for(result: CrawlResult) -> None:
    outcome = result.outcome
    if outcome.status == INTERRUPTED:
        raise Interrupted(outcome.signum or signal.SIGINT, f"crawl {outcome.reason}")
    if outcome.status == FAILED:
        raise CrawlFailed(
            f"crawl failed: {outcome.reason}",
            "check the network and the portals' base_url (`vnportal portals`); every failure is in crawl_failures",
        )


def _distributed(redis_url: str | None, frontier: str | None, portals: list[Portal]) -> dict[str, Any]:
    if not redis_url:
        if frontier:
            raise click.UsageError("--frontier needs --redis URL")
        return {}
    if importlib.util.find_spec("scrapy_redis") is None:
        raise ConfigurationError("--redis needs scrapy-redis", 'install it: pip install -e ".[distributed]"')
    name = frontier or default_frontier(portals)
    note(f"Sharing frontier '{name}' in Redis at {redis_url}")
    return distributed_settings(redis_url, name)


def _print_summary(db_url: str, result: CrawlResult, portals: list[Portal], export_dir: Path | None = None) -> None:
    from crawler.reports import crawl_summary
    from models.store import Store

    for drop in result.yield_drops:
        warn(f"Warning: {drop.message()}")
    if state().quiet:
        return
    with Store(db_url) as store:
        counts = store.counts()
    slugs = [p.slug for p in portals]
    lines = crawl_summary(result, slugs, counts, state().db_label, export_dir, verbose=state().verbosity > 0)
    for line in lines:
        click.echo(line)


DAY = click.DateTime(formats=["%Y-%m-%d"])


@main.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder for the files (created if missing).",
)
@click.option(
    "--format",
    "file_format",
    type=click.Choice(["csv", "jsonl", "parquet"]),
    default="csv",
    show_default=True,
    help="CSV (UTF-8 with BOM, formula-safe), JSON Lines, or Parquet (extra analyst).",
)
@click.option("--portal", "slugs", multiple=True, help="Only this portal's articles and their facts (repeatable).")
@click.option("--since", type=DAY, help="Only articles published on or after this day (YYYY-MM-DD).")
@click.option("--until", type=DAY, help="Only articles published on or before this day (YYYY-MM-DD).")
@click.option("--tables", help="Comma-separated tables and views to export [default: every one].")
@DB_OPTION
def export(
    out_dir: Path,
    file_format: str,
    slugs: tuple[str, ...],
    since: datetime | None,
    until: datetime | None,
    tables: str | None,
    db_url: str | None,
) -> None:
    """Export tables and views as CSV, JSON Lines or Parquet, with a datapackage.json describing them.

    Reads the database without changing it (a missing database is an error, never created). Files are
    streamed, so memory stays flat however large the database is, and appear in DIR only when the whole
    export succeeded.
    """
    from models.access import open_read_only
    from models.export import ExportOptions

    options = ExportOptions(
        format=file_format,
        portals=slugs,
        since=since.date() if since else None,
        until=until.date() if until else None,
        tables=tuple(t.strip() for t in (tables or "").split(",") if t.strip()),
    )
    engine = open_read_only(database_url(db_url))
    try:
        paths = _export_into(engine, out_dir, options)
    finally:
        engine.dispose()
    for path in paths:
        click.echo(str(path))
    note(f"{len(paths) - 1} {file_format} files and datapackage.json in {out_dir}")


def _export_into(engine_or_url: Any, out_dir: Path, options: Any = None) -> list[Path]:
    from crawler.staging import moved_paths, staged_output
    from models.export import ExportError, ExportOptions, export_dataset

    display = progress_display()
    try:
        with staged_output(out_dir) as staging:
            written = export_dataset(
                engine_or_url,
                staging,
                options or ExportOptions(),
                progress=lambda name, rows: display.update(lambda: [f"export: {name}, {rows} rows"]),
            )
    except ExportError as error:
        raise ConfigurationError(str(error), "see `vnportal export --help`") from None
    finally:
        display.finish()
    return moved_paths(written, staging, out_dir)


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

    from models.access import open_read_only
    from models.search import search as search_articles

    engine = open_read_only(database_url(db_url))
    try:
        with Session(engine) as session:
            day = since.date() if since else None
            hits = search_articles(session, query, portal=portal, since=day, limit=limit)
    finally:
        engine.dispose()
    for hit in hits:
        if as_json:
            click.echo(json.dumps(hit.as_dict(), ensure_ascii=False))
        else:
            click.echo(
                f"{hit.published_on or '----------'}  {hit.portal}  {hit.title or ''}\n  {hit.url}\n  {hit.snippet}\n"
            )
    note(f"{len(hits)} articles")


@main.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=8001, show_default=True, help="Port to listen on.")
def serve(db_url: str | None, host: str, port: int) -> None:
    """Browse the database in Datasette, read-only, with every table and column described and canned
    questions (who held which post when, which articles cite a document, the congresses of a term in a
    province, the most cited documents per province). Needs the `analyst` extra and a SQLite database."""
    from models.access import open_read_only, sqlite_file
    from models.browse import serve as serve_database
    from models.schema_docs import columns_of
    from models.session import resolve_url

    url = database_url(db_url)
    path = sqlite_file(resolve_url(url))
    if path is None:
        raise ConfigurationError("Datasette reads SQLite only", "export the data (`vnportal export`) or serve a copy")
    engine = open_read_only(url)
    try:
        columns = columns_of(engine)
    finally:
        engine.dispose()
    try:
        status = serve_database(path, columns, host, port)
    except RuntimeError as error:
        raise ConfigurationError(str(error), 'install it: pip install -e ".[analyst]"') from None
    raise SystemExit(status)


@main.command()
@DB_OPTION
@click.option("--portal", "slug", help="Only the pages of this portal.")
def reextract(db_url: str | None, slug: str | None) -> None:
    """Run extraction again over the stored raw HTML (no re-crawl), replacing each article's facts.

    The database must exist (it is never created here). Exits 1 when a page could not be re-extracted
    (each one is recorded in crawl_failures).
    """
    from models.access import open_existing
    from models.reextract import ReextractionSummary
    from models.reextract import reextract as reextract_all
    from models.store import Store

    store = Store(engine=open_existing(database_url(db_url)))
    with store:
        if slug is not None:
            _require_stored_portal(store, slug)
        display = progress_display()

        def lines(summary: ReextractionSummary) -> list[str]:
            return [
                f"reextract: {summary.pages} pages, {summary.articles} articles, {summary.failures} failed "
                f"({rate(summary.pages, display.elapsed())}, {format_duration(display.elapsed())})"
            ]

        summary = reextract_all(store, slug, progress=lambda done: display.update(lambda: lines(done)))
        display.finish()
    click.echo(
        f"Re-extracted {summary.pages} pages: {summary.articles} articles, "
        f"{summary.non_articles} non-article pages, {summary.failures} failures (recorded in crawl_failures)."
    )
    if summary.failures:
        raise CrawlFailed(f"{summary.failures} pages could not be re-extracted", "their reasons are in crawl_failures")


def _require_stored_portal(store: Any, slug: str) -> None:
    from sqlalchemy import select

    from models.tables import PortalRow

    with store.engine.connect() as connection:
        stored = list(connection.execute(select(PortalRow.slug).order_by(PortalRow.slug)).scalars())
    if slug not in stored:
        known = ", ".join(stored) or "none yet"
        raise ConfigurationError(f"no portal '{slug}' in this database", f"portals stored: {known}")


@main.command()
@DB_OPTION
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="How many runs.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines instead of a table.")
def runs(db_url: str | None, limit: int, as_json: bool) -> None:
    """List recent crawl runs, newest first: when, how long, how they ended and why, what they fetched.

    Reads the database without changing it; a run still marked running whose process was killed is closed
    as interrupted by the next crawl.
    """
    from crawler.reports import run_as_json, runs_table
    from models.access import open_read_only
    from models.store import Store

    with Store(engine=open_read_only(database_url(db_url)), upgrade=False) as store:
        recent = store.recent_runs(limit=limit)
    if as_json:
        for run in recent:
            click.echo(json.dumps(run_as_json(run), ensure_ascii=False))
        return
    for line in runs_table(recent):
        click.echo(line)
    if not recent:
        note("no crawl runs yet")


@main.command()
@DB_OPTION
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("vnportal-export"),
    show_default=True,
    help="Folder for the CSV export.",
)
@click.option(
    "--mirror",
    "mirror_root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="The mirror folder (default: the bundled tests/fixtures/mirror).",
)
@REDIS_OPTION
@FRONTIER_OPTION
@SET_OPTION
def demo(
    db_url: str | None,
    out_dir: Path,
    mirror_root: Path | None,
    redis_url: str | None,
    frontier: str | None,
    extra: tuple[str, ...],
) -> None:
    """Serve the bundled mirror on 127.0.0.1, crawl it with Scrapy into the database, export CSV.

    The three demo portals answer as *.mirror.test hosts through a local proxy on a free port, so a second
    run stores the same URLs and adds no duplicate rows. Nothing is exported when the crawl did not finish.
    """
    from crawler.mirror import MirrorProxy

    root = mirror_root or MIRROR_ROOT
    if not root.is_dir():
        raise ConfigurationError(
            f"the demo mirror is not at {root}", "install from a checkout (pip install -e .) or pass --mirror DIR"
        )
    url = database_url(db_url)
    portals = _load_registry(None).select(demo=True)
    overrides = _crawl_settings(extra, {**DEMO_SETTINGS, **_distributed(redis_url, frontier, portals)})
    with MirrorProxy(root) as proxy:
        note(f"Serving {len(portals)} demo portals from {root} at {proxy.url}; crawling into {state().db_label} …")
        result = crawl(portals, url, {**overrides, "VNPORTAL_MIRROR_PROXY": proxy.url})
    if result.outcome.status != "finished":
        _print_summary(url, result, portals)
        _exit_for(result)
    paths = _export_into(url, out_dir)
    _print_summary(url, result, portals, export_dir=out_dir)
    if not state().quiet:
        click.echo(f"  {len(paths)} CSV files written.")


if __name__ == "__main__":
    main()
