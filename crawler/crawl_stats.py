"""Crawl counters per portal, kept in the Scrapy stats (so they reach `crawl_runs.stats` with the rest).

Keys are `vnportal/portal/<slug>/<counter>`: `fetched` (responses below 400, robots.txt excluded),
`stored` (article pages stored), `failed` (failed requests, extraction and storage errors) and
`skipped_fresh` (article pages not fetched again because they were stored recently).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

PREFIX = "vnportal/portal/"
# Run totals over every portal, stored with the run (the `vnportal runs` columns).
TOTAL_KEYS = {"fetched": "vnportal/fetched", "stored": "vnportal/stored", "failed": "vnportal/failed"}


def portal_key(slug: str, counter: str) -> str:
    return f"{PREFIX}{slug}/{counter}"


@dataclass
class PortalTally:
    fetched: int = 0
    stored: int = 0
    failed: int = 0
    skipped_fresh: int = 0

    @property
    def articles_seen(self) -> int:
        """Articles this run found on the portal, whether fetched again or still fresh: the portal's yield."""
        return self.stored + self.skipped_fresh

    def add(self, other: PortalTally) -> None:
        for name in COUNTERS:
            setattr(self, name, getattr(self, name) + getattr(other, name))


COUNTERS = tuple(f.name for f in fields(PortalTally))


def portal_tallies(stats: Mapping[str, Any]) -> dict[str, PortalTally]:
    """Per-portal counters found in a stats mapping (a live crawl's or a stored run's), by slug."""
    tallies: dict[str, PortalTally] = {}
    for key, value in stats.items():
        if not key.startswith(PREFIX) or not isinstance(value, int | float):
            continue
        slug, _, counter = key[len(PREFIX) :].rpartition("/")
        if slug and counter in COUNTERS:
            tally = tallies.setdefault(slug, PortalTally())
            setattr(tally, counter, int(value))
    return tallies


def total(tallies: Mapping[str, PortalTally]) -> PortalTally:
    summed = PortalTally()
    for tally in tallies.values():
        summed.add(tally)
    return summed


def storable_stats(stats: Mapping[str, Any]) -> dict[str, int | float | str]:
    """The stats that fit a JSON column (Scrapy also keeps datetimes and objects there)."""
    return {key: value for key, value in stats.items() if isinstance(value, int | float | str)}
