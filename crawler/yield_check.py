"""A portal whose yield falls sharply against its own recent runs: its template changed or it moved.

The yield is `PortalTally.articles_seen` (article pages stored plus those skipped as still fresh), so daily
incremental runs compare with each other and with full re-crawls alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from statistics import median
from typing import Any

from crawler.crawl_stats import PortalTally, portal_key, portal_tallies
from models.records import RunRecord

DROPS_KEY = "vnportal/yield_drops"


@dataclass(frozen=True)
class YieldRule:
    ratio: float = 0.3  # flagged below this share of the median
    history: int = 5  # successful runs compared against
    min_runs: int = 3  # fewer earlier runs than this: no judgement yet
    min_median: float = 5  # a median below this is too noisy to judge

    @classmethod
    def from_settings(cls, settings: Any) -> YieldRule:
        return cls(
            ratio=settings.getfloat("VNPORTAL_YIELD_DROP_RATIO", cls.ratio),
            history=settings.getint("VNPORTAL_YIELD_HISTORY_RUNS", cls.history),
            min_median=settings.getfloat("VNPORTAL_YIELD_MIN_MEDIAN", cls.min_median),
        )


@dataclass(frozen=True)
class YieldDrop:
    slug: str
    seen: int
    median: float
    runs: int

    def message(self) -> str:
        return (
            f"{self.slug}: {self.seen} articles found, against a median of {self.median:g} over its last "
            f"{self.runs} successful runs: template changed or portal moved?"
        )


def yield_drops(
    portals: Iterable[str], stats: Mapping[str, Any], earlier: Iterable[RunRecord], rule: YieldRule = YieldRule()
) -> list[YieldDrop]:
    """Portals of this run (with its `stats`) whose yield fell below `rule.ratio` of their median over the
    `earlier` runs (newest first; only finished runs that crawled the portal count)."""
    if rule.ratio <= 0:
        return []
    current = portal_tallies(stats)
    past = [(set(run.portals), portal_tallies(run.stats)) for run in earlier if run.status == "finished"]
    drops = []
    for slug in sorted(set(portals)):
        history = [tallies.get(slug, PortalTally()).articles_seen for crawled, tallies in past if slug in crawled]
        history = history[: rule.history]
        if len(history) < rule.min_runs:
            continue
        typical = median(history)
        seen = current.get(slug, PortalTally()).articles_seen
        if typical >= rule.min_median and seen < rule.ratio * typical:
            drops.append(YieldDrop(slug, seen, typical, len(history)))
    return drops


def drops_as_stats(drops: list[YieldDrop]) -> dict[str, int | float | str]:
    """How the flags are kept in the run's stats."""
    if not drops:
        return {}
    flagged: dict[str, int | float | str] = {portal_key(d.slug, "yield_median"): d.median for d in drops}
    flagged[DROPS_KEY] = "; ".join(d.message() for d in drops)
    return flagged
