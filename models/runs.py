"""Crawl-run bookkeeping: which process runs a crawl, its heartbeat, and runs whose process is gone.

A run row says `running` until its crawl closes it. A crawl killed with SIGKILL (or a lost machine) never
closes it, so every new run first looks at the `running` rows: one whose process is gone from this host, or
whose heartbeat is older than the lease, is marked `interrupted` with the reason.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.identity import utc
from models.records import RunRecord
from models.tables import CrawlRunRow

# A live crawl refreshes its heartbeat every minute (crawler setting VNPORTAL_HEARTBEAT_SECONDS); a run on
# another host is declared gone only after this long without one.
DEFAULT_LEASE = timedelta(minutes=15)


@dataclass(frozen=True)
class RunOwner:
    """The process a run belongs to."""

    host: str
    pid: int

    @classmethod
    def current(cls) -> RunOwner:
        return cls(socket.gethostname(), os.getpid())


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by another user
        return True
    except OSError:
        return False
    return True


def abandonment_reason(row: CrawlRunRow, owner: RunOwner, now: datetime, lease: timedelta) -> str | None:
    """Why a `running` row cannot be running any more, or None while it may still be."""
    if row.host == owner.host and row.pid == owner.pid:
        return None
    if row.host == owner.host and row.pid is not None and not process_alive(row.pid):
        return f"process {row.pid} on {row.host} ended without closing the run (killed?)"
    last = utc(row.heartbeat_at or row.started_at)
    if now - last > lease:
        who = f"process {row.pid} on {row.host}" if row.pid is not None else "its process"
        return f"no heartbeat since {last:%Y-%m-%d %H:%M} UTC ({who} gone?)"
    return None


def close_abandoned_runs(session: Session, owner: RunOwner, lease: timedelta = DEFAULT_LEASE) -> list[int]:
    """Mark `running` runs whose process is gone as `interrupted`; return their ids."""
    now = datetime.now(UTC)
    closed = []
    for row in session.execute(select(CrawlRunRow).where(CrawlRunRow.status == "running")).scalars():
        reason = abandonment_reason(row, owner, now, lease)
        if reason is not None:
            row.status, row.reason = "interrupted", reason
            row.finished_at = row.heartbeat_at or row.started_at
            closed.append(row.id)
    return closed


def new_run(session: Session, portal_slugs: list[str], owner: RunOwner) -> CrawlRunRow:
    now = datetime.now(UTC)
    run = CrawlRunRow(
        started_at=now,
        heartbeat_at=now,
        status="running",
        portals=list(portal_slugs),
        host=owner.host[:255],
        pid=owner.pid,
    )
    session.add(run)
    session.flush()
    return run


def run_record(row: CrawlRunRow) -> RunRecord:
    return RunRecord(
        id=row.id,
        started_at=row.started_at,
        finished_at=row.finished_at,
        status=row.status,
        portals=list(row.portals or []),
        stats=dict(row.stats or {}),
        reason=row.reason,
        host=row.host,
        pid=row.pid,
        heartbeat_at=row.heartbeat_at,
    )


def recent_runs(session: Session, limit: int | None = None, status: str | None = None) -> list[RunRecord]:
    """Runs newest first, optionally only those with `status`."""
    stmt = select(CrawlRunRow).order_by(CrawlRunRow.id.desc())
    if status is not None:
        stmt = stmt.where(CrawlRunRow.status == status)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [run_record(row) for row in session.execute(stmt).scalars()]
