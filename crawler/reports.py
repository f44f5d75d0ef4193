"""What the commands print at the end: the crawl summary and the list of recent runs (text and JSON)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crawler.crawl_stats import TOTAL_KEYS, PortalTally, portal_tallies
from crawler.outcome import FAILED, INTERRUPTED, first_failure, portals_down
from crawler.progress import format_duration
from crawler.run import CrawlResult
from crawler.summary import crawl_notes
from crawler.yield_check import DROPS_KEY
from models.identity import utc
from models.records import RunRecord

PORTAL_TABLE_MAX = 10  # beyond this many portals, only those with a problem are listed
HEADLINE = {FAILED: "Failed after", INTERRUPTED: "Stopped after"}
# Counters of runs stored before per-portal counting existed.
LEGACY_KEYS = {
    "fetched": "response_received_count",
    "stored": "vnportal/article_pages_stored",
    "failed": "vnportal/failures",
}


def _portal_lines(result: CrawlResult, portals: list[str], verbose: bool) -> list[str]:
    tallies = portal_tallies(result.stats)
    down = set(portals_down(portals, result.stats))
    dropped = {drop.slug for drop in result.yield_drops}
    shown = [s for s in portals if verbose or len(portals) <= PORTAL_TABLE_MAX or s in down or s in dropped]
    width = max((len(s) for s in shown), default=0)
    lines = []
    for slug in shown:
        tally = tallies.get(slug, PortalTally())
        line = f"    {slug:{width}}  {tally.fetched:6} fetched {tally.stored:6} stored {tally.failed:5} failed"
        if slug in down and tally.failed:
            line += f"  NOTHING FETCHED, first failure: {first_failure(result.stats, slug) or '?'}"
        elif slug in down:
            line += "  NOTHING FETCHED"
        lines.append(line)
    hidden = len(portals) - len(shown)
    if hidden:
        lines.append(f"    … and {hidden} more portals without a problem (-v lists them)")
    return ["  per portal:", *lines] if lines else []


def crawl_summary(
    result: CrawlResult,
    portals: list[str],
    counts: Mapping[str, int],
    db_url: str,
    export_dir: Path | None = None,
    verbose: bool = False,
) -> list[str]:
    stats = result.stats
    outcome = result.outcome
    if outcome.status in HEADLINE:
        lines = ["", f"{HEADLINE[outcome.status]} {result.seconds:.1f} s: {outcome.reason}."]
    else:
        lines = ["", f"Done in {result.seconds:.1f} s."] + ([f"  note: {outcome.reason}"] if outcome.reason else [])
    lines.append(
        f"  this run: {stats.get('response_received_count', 0)} responses, "
        f"{stats.get('vnportal/article_pages_stored', 0)} article pages = "
        f"{stats.get('vnportal/articles_stored', 0)} distinct articles, "
        f"{stats.get('vnportal/non_articles', 0)} non-article pages, "
        f"{stats.get('vnportal/failures', 0)} failures (listed in crawl_failures)"
    )
    lines += [f"  {note}" for note in crawl_notes(stats)]  # rejections per reason, skips, limits reached
    lines += _portal_lines(result, sorted(portals), verbose)
    lines += [f"  WARNING {drop.message()}" for drop in result.yield_drops]
    lines.append("  database: " + ", ".join(f"{count} {name}" for name, count in counts.items()))
    if not stats.get(TOTAL_KEYS["fetched"]) and stats.get("vnportal/failures"):
        lines.append(
            "  No page could be fetched: check the network and the portal's base_url (`vnportal portals`); "
            "each failure and its reason is in the crawl_failures table."
        )
    if result.run_id is not None:
        lines.append(f"  run: {result.run_id} ({outcome.status}; `vnportal runs` lists recent runs)")
    lines.append(f"  database URL: {db_url}")
    if export_dir is not None:
        lines.append(f"  CSV files: {export_dir}")
    return lines


def run_counter(run: RunRecord, name: str) -> int:
    value = run.stats.get(TOTAL_KEYS[name], run.stats.get(LEGACY_KEYS[name], 0))
    return int(value) if isinstance(value, int | float) else 0


def run_seconds(run: RunRecord, now: datetime | None = None) -> float:
    end = run.finished_at or now or datetime.now(UTC)
    return max(0.0, (utc(end) - utc(run.started_at)).total_seconds())


def run_as_json(run: RunRecord) -> dict[str, Any]:
    return {
        "id": run.id,
        "started_at": utc(run.started_at).isoformat(timespec="seconds"),
        "finished_at": utc(run.finished_at).isoformat(timespec="seconds") if run.finished_at else None,
        "seconds": round(run_seconds(run), 1),
        "status": run.status,
        "reason": run.reason,
        "portals": run.portals,
        "fetched": run_counter(run, "fetched"),
        "stored": run_counter(run, "stored"),
        "failed": run_counter(run, "failed"),
        "yield_drops": run.stats.get(DROPS_KEY),
        "host": run.host,
        "pid": run.pid,
    }


def _portal_list(portals: list[str], limit: int = 40) -> str:
    joined = ",".join(portals)
    if len(joined) <= limit:
        return joined
    return f"{portals[0]} +{len(portals) - 1} more"


def runs_table(runs: list[RunRecord]) -> list[str]:
    header = (
        f"{'id':>5}  {'started (UTC)':16}  {'duration':>8}  {'status':11}  "
        f"{'fetched':>7}  {'stored':>6}  {'failed':>6}  {'portals':40}  reason"
    )
    lines = [header]
    for run in runs:
        reason = run.reason or ""
        if run.stats.get(DROPS_KEY):
            reason = "; ".join(filter(None, [reason, f"yield dropped: {run.stats[DROPS_KEY]}"]))
        lines.append(
            f"{run.id:>5}  {utc(run.started_at):%Y-%m-%d %H:%M}  {format_duration(run_seconds(run)):>8}  "
            f"{run.status:11}  {run_counter(run, 'fetched'):>7}  {run_counter(run, 'stored'):>6}  "
            f"{run_counter(run, 'failed'):>6}  {_portal_list(run.portals):40}  {reason}".rstrip()
        )
    return lines
