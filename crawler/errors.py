"""Errors a command reports in one or two lines, with the exit status a cron job can trust.

Exit statuses (every command):

| code | meaning |
|---|---|
| 0 | success |
| 1 | failed: the run failed or fetched nothing, the database is unreachable or not writable, a bug |
| 2 | bad usage or configuration: options, `--set` values, the registry, a database that does not exist |
| 75 | busy (EX_TEMPFAIL): another crawl holds one of the portals on this database, or the database is locked |
| 130 | interrupted by Ctrl-C / SIGINT (128 + the signal: SIGTERM gives 143) |

`explain()` turns the failures we know (registry, database, file system, interrupts) into a
`VnportalError`; anything else is a bug, reported as one line plus "run again with --debug".
"""

from __future__ import annotations

import re
import signal
from collections.abc import Callable, Iterator
from enum import IntEnum

from crawler.registry import RegistryError
from models.access import DatabaseAccessError
from models.session import DatabaseConfigError


class ExitCode(IntEnum):
    OK = 0
    FAILED = 1
    USAGE = 2
    BUSY = 75  # sysexits.h EX_TEMPFAIL: try again later
    INTERRUPTED = 128 + signal.SIGINT


class VnportalError(Exception):
    """A failure the user can act on: `message` says what happened, `hint` what to do next."""

    exit_code: int = ExitCode.FAILED

    def __init__(self, message: str, hint: str | None = None, *, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.detail = detail  # a traceback from elsewhere (the crawl's reactor), shown with --debug

    def lines(self) -> list[str]:
        return [f"Error: {self.message}"] + ([f"  {self.hint}"] if self.hint else [])


class ConfigurationError(VnportalError):
    exit_code = ExitCode.USAGE


class CrawlFailed(VnportalError):
    exit_code = ExitCode.FAILED


class Busy(VnportalError):
    exit_code = ExitCode.BUSY


class Interrupted(VnportalError):
    def __init__(self, signum: int = signal.SIGINT, message: str | None = None) -> None:
        super().__init__(message or f"interrupted by {signal.Signals(signum).name}")
        self.exit_code = 128 + signum


def _causes(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        orig = getattr(current, "orig", None)  # SQLAlchemy wraps the driver's error
        if isinstance(orig, BaseException) and id(orig) not in seen:
            yield orig
            seen.add(id(orig))
        current = current.__cause__ or current.__context__


def _first_line(error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error).strip()
    return text.splitlines()[0] if text else type(error).__name__


DatabaseProblem = Callable[[str, str], VnportalError]
CHECK_DB = "check --db / $VNPORTAL_DB"
# Driver messages (SQLite, psycopg) and what they mean for the user, first match wins.
DATABASE_PROBLEMS: tuple[tuple[re.Pattern[str], DatabaseProblem], ...] = (
    (
        re.compile(r"database is locked|database table is locked", re.I),
        lambda db, _: Busy(
            f"the database {db} is locked by another process (a crawl or a long write)",
            "try again when it has finished",
        ),
    ),
    (
        re.compile(r"readonly database|read-only", re.I),
        lambda db, _: CrawlFailed(
            f"the database {db} is read-only",
            "check the permissions of the file and its folder, or choose another --db",
        ),
    ),
    (
        re.compile(r"unable to open database file", re.I),
        lambda db, _: CrawlFailed(
            f"cannot open the database file {db}",
            "check that its folder exists and is writable, or choose another --db",
        ),
    ),
    (
        re.compile(r"file is not a database|file is encrypted", re.I),
        lambda db, _: ConfigurationError(f"{db} is not a SQLite database", CHECK_DB),
    ),
    (
        re.compile(r"disk is full|disk I/O error", re.I),
        lambda db, line: CrawlFailed(f"the database {db} cannot be written: {line}", "free disk space and retry"),
    ),
    (
        re.compile(r'database "[^"]+" does not exist|role "[^"]+" does not exist|authentication failed', re.I),
        lambda db, line: ConfigurationError(
            f"the database server refused {db}: {line.split('FATAL:')[-1].strip()}", CHECK_DB
        ),
    ),
    (
        re.compile(
            r"connection refused|could not connect|failed to resolve host|connection failed|timeout expired|"
            r"server closed the connection|could not translate host name|Name or service not known",
            re.I,
        ),
        lambda db, line: CrawlFailed(
            f"cannot reach the database server of {db}: {line}",
            f"is the server running and reachable from here? {CHECK_DB}",
        ),
    ),
)


def _database_problem(error: BaseException, db: str) -> VnportalError | None:
    for cause in _causes(error):
        module = type(cause).__module__
        if not module.startswith(("sqlalchemy", "sqlite3", "psycopg", "psycopg2")):
            continue
        line = _first_line(cause)
        for pattern, problem in DATABASE_PROBLEMS:
            if pattern.search(line):
                return problem(db, line)
    return None


def explain(error: BaseException, db: str = "in use") -> VnportalError | None:
    """A one-line error for a failure we can describe (`db` names the database in messages); None for a bug."""
    if isinstance(error, VnportalError):
        return error
    if isinstance(error, KeyboardInterrupt):
        return Interrupted(signal.SIGINT)
    if isinstance(error, RegistryError):
        return ConfigurationError(str(error), "fix the registry entry named above (`vnportal portals` checks it)")
    if isinstance(error, DatabaseAccessError):
        return ConfigurationError(str(error), error.hint)
    if isinstance(error, DatabaseConfigError):
        return ConfigurationError(str(error), CHECK_DB)
    known = _database_problem(error, db)
    if known is not None:
        return known
    for cause in _causes(error):
        if isinstance(cause, OSError) and cause.strerror:
            where = f": {cause.filename}" if cause.filename else ""
            return CrawlFailed(f"{cause.strerror}{where}", "check the path and its permissions")
    return None
