"""How a crawl run ended, decided from its stats: `finished`, `failed` or `interrupted`, with the reason that
goes into `crawl_runs.reason` and the summary."""

from __future__ import annotations

import signal
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from crawler.crawl_stats import TOTAL_KEYS, PortalTally, portal_key, portal_tallies

FINISHED, FAILED, INTERRUPTED = "finished", "failed", "interrupted"


@dataclass(frozen=True)
class RunOutcome:
    status: str
    reason: str | None = None
    signum: int | None = None  # the signal that interrupted the run


def uses_shared_frontier(settings: Any) -> bool:
    """Workers of a scrapy-redis frontier: one of them fetching nothing is no failure."""
    return "scrapy_redis" in str(settings.get("SCHEDULER", ""))


def _fetched(stats: Mapping[str, Any]) -> int:
    return int(stats.get(TOTAL_KEYS["fetched"], 0))


def portals_down(portals: Iterable[str], stats: Mapping[str, Any]) -> list[str]:
    """Portals of the run from which not one page could be fetched."""
    tallies = portal_tallies(stats)
    return [slug for slug in sorted(set(portals)) if tallies.get(slug, PortalTally()).fetched == 0]


def first_failure(stats: Mapping[str, Any], slug: str) -> str | None:
    value = stats.get(portal_key(slug, "first_failure"))
    return str(value) if value else None


def _nothing_fetched(stats: Mapping[str, Any], portals: list[str]) -> str:
    failed = int(stats.get(TOTAL_KEYS["failed"], 0))
    example = next((first_failure(stats, slug) for slug in portals if first_failure(stats, slug)), None)
    return f"nothing fetched: {failed} requests failed" + (f" (first: {example})" if example else "")


def decide_outcome(
    stats: Mapping[str, Any],
    portals: Iterable[str],
    *,
    signum: int | None = None,
    error: str | None = None,
    shared_frontier: bool = False,
) -> RunOutcome:
    """`error`: why the crawl could not run at all; `signum`: the signal that stopped it."""
    slugs = sorted(set(portals))
    if error is not None:
        return RunOutcome(FAILED, f"the crawl could not run: {error}")
    finish = stats.get("finish_reason")
    if signum is not None or finish == "shutdown":
        received = signum if signum is not None else signal.SIGINT
        name = signal.Signals(received).name
        return RunOutcome(INTERRUPTED, f"interrupted by {name} after {_fetched(stats)} pages fetched", received)
    notes = []
    if finish not in (None, FINISHED):
        notes.append(f"stopped early: {finish}")
    if not _fetched(stats):
        if not shared_frontier:
            return RunOutcome(FAILED, "; ".join([_nothing_fetched(stats, slugs), *notes]))
        notes.append("this worker fetched nothing (the frontier's other workers took every request)")
    else:
        down = portals_down(slugs, stats)
        if down:
            notes.append(f"nothing fetched from {', '.join(down)}")
    return RunOutcome(FINISHED, "; ".join(notes) or None)
