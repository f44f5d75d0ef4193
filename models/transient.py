"""Which database errors are lost races rather than bad data: the transaction is worth running again."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, OperationalError

# PostgreSQL: serialization failure, deadlock detected, lock not available
TRANSIENT_SQLSTATES = frozenset({"40001", "40P01", "55P03"})
# SQLite reports a writer it waited busy_timeout for, or a snapshot another writer invalidated, this way
SQLITE_BUSY_MESSAGES = ("database is locked", "database is busy", "database table is locked")
WRITE_ATTEMPTS = 3
RETRY_PAUSE_S = 0.05  # times the attempt number


def is_transient(error: BaseException) -> bool:
    if not isinstance(error, DBAPIError):
        return False
    if getattr(error.orig, "sqlstate", None) in TRANSIENT_SQLSTATES:
        return True
    message = str(error.orig).lower()
    return isinstance(error, OperationalError) and any(busy in message for busy in SQLITE_BUSY_MESSAGES)
