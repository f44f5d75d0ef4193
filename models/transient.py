"""Which database errors are lost races rather than bad data: the transaction is worth running again.

Only PostgreSQL's: SQLite writers begin IMMEDIATE (`models.session`), so they wait up to busy_timeout for
each other at BEGIN and never lose a race afterwards; a "database is locked" after that wait is a lock
held too long by someone else, reported at once rather than after several more waits.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

# serialization failure, deadlock detected, lock not available
TRANSIENT_SQLSTATES = frozenset({"40001", "40P01", "55P03"})
WRITE_ATTEMPTS = 3
RETRY_PAUSE_S = 0.05  # times the attempt number


def is_transient(error: BaseException) -> bool:
    return isinstance(error, DBAPIError) and getattr(error.orig, "sqlstate", None) in TRANSIENT_SQLSTATES
