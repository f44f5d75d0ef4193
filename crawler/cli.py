"""The `vnportal` command line: a thin layer over the Python API (crawler.run, models, extractors)."""

from __future__ import annotations

import importlib.util
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from crawler.registry import Portal, Registry, RegistryError, load_registry, portal_entry, portal_for_start_url
from crawler.run import DEMO_SETTINGS, MIRROR_ROOT, crawl, default_frontier, distributed_settings, resolve_db_url
from crawler.spiders.portal import select_portals
from crawler.summary import crawl_notes
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
    help="A portals.toml extending the bundled registry (its portals use the bundled [cms.*] profiles).",
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
    for portal in chosen:
        if as_json:
            row = {"slug": portal.slug, "name": portal.name, "level": portal.level, "province": portal.province,
                   "cms": portal.cms, "base_url": portal.base_url, "demo": portal.demo}
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            click.echo(f"{portal.slug:32} {portal.level:9} {portal.cms:20} {portal.province:18} {portal.base_url}")
    if not as_json:
        click.echo(f"{len(chosen)} portals", err=True)


@main.command(name="crawl")
@click.option("--portal", "slugs", multiple=True, help="Portal slug to crawl (repeatable); see `vnportal portals`.")
@click.option("--all", "all_portals", is_flag=True, help="Crawl every real portal of the registry.")
@click.option("--start-url", help="Crawl a portal that is in no registry, from this address; prints its entry.")
@click.option("--cms", help="With --start-url: the portal's CMS profile (default: read from the first page).")
@REGISTRY_OPTION
@DB_OPTION
@click.option("--refetch", is_flag=True, help="Fetch article pages again even if stored recently.")
@click.option("--jobdir", type=click.Path(file_okay=False, path_type=Path),
              help="Keep the crawl state here so an interrupted crawl resumes (Scrapy JOBDIR).")
@REDIS_OPTION
@FRONTIER_OPTION
@click.option("--set", "extra", multiple=True, metavar="NAME=VALUE", help="Override a Scrapy setting.")
def crawl_command(
    slugs: tuple[str, ...], all_portals: bool, start_url: str | None, cms: str | None, registry: Path | None,
    db_url: str | None, refetch: bool, jobdir: Path | None, redis_url: str | None, frontier: str | None,
    extra: tuple[str, ...],
) -> None:
    """Crawl portals of the registry into the database (polite: robots.txt, delays, autothrottle).

    A first crawl of a portal walks all its listing pages; later crawls stop a listing once its pages hold
    only stored articles. Any limit that leaves pages unvisited is printed in the summary.
    """
    if (bool(slugs) + all_portals + bool(start_url)) != 1:
        raise click.UsageError("give either --portal SLUG (repeatable), --all, or --start-url URL")
    if cms and not start_url:
        raise click.UsageError("--cms goes with --start-url")
    loaded = _load_registry(registry)
    try:
        if start_url:
            chosen = [portal_for_start_url(start_url, cms, loaded)]
        else:
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
    if registry:
        overrides["VNPORTAL_REGISTRY"] = str(registry)
    overrides.update(_distributed(redis_url, frontier, chosen))
    url = resolve_db_url(db_url)
    click.echo(f"Crawling {len(chosen)} portal(s) into {url} …", err=True)
    result = crawl(chosen, url, overrides)
    _print_summary(url, result.seconds, result.stats)
    if start_url:
        click.echo("\nThe portal entry this crawl used (add it to a registry file, check level and province):\n")
        click.echo(portal_entry(result.portals[0], loaded.profiles))


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
    for note in crawl_notes(stats):
        click.echo(f"  {note}")
    click.echo("  database: " + ", ".join(f"{count} {name}" for name, count in counts.items()))
    if not stats.get("response_received_count") and stats.get("vnportal/failures"):
        click.echo(
            "  No page could be fetched: check the network and the portal's base_url (`vnportal portals`); "
            "each failure and its reason is in the crawl_failures table."
        )
    click.echo(f"  database URL: {db_url}")
    if export_dir is not None:
        click.echo(f"  CSV files: {export_dir}")


@main.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for the CSV files (created if missing).")
@DB_OPTION
def export(out_dir: Path, db_url: str | None) -> None:
    """Export every table and view as CSV (UTF-8 with BOM for Excel, formula-injection safe)."""
    from models.export import export_csv

    url = resolve_db_url(db_url)
    paths = export_csv(url, out_dir)
    for path in paths:
        click.echo(str(path))
    click.echo(f"{len(paths)} CSV files in {out_dir}", err=True)


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
