"""What every `vnportal` command gets for free: one-line errors with honest exit statuses, `-q`/`-v`/`--debug`,
and the helpers commands use to talk to the terminal.

A command only raises: a `crawler.errors.VnportalError` (or a click exception) for what it detects itself;
registry, database and file-system failures are translated by `VnportalGroup` (see `crawler.errors.explain`).
"""

from __future__ import annotations

import signal
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import click

from crawler.errors import ExitCode, Interrupted, VnportalError, explain
from crawler.progress import ProgressDisplay
from models.access import shown
from models.session import resolve_url

QUIET, NORMAL, VERBOSE, DEBUG_LOGS = -1, 0, 1, 2
# Scrapy's log level by verbosity: its INFO lines (~190 per crawl) only with -v.
SCRAPY_LOG_LEVEL = {QUIET: "ERROR", NORMAL: "WARNING", VERBOSE: "INFO", DEBUG_LOGS: "DEBUG"}
# Loggers whose errors repeat what the run records anyway (each failed request is a crawl_failures row and
# a summary line): shown from -v on.
RECORDED_ELSEWHERE = (
    "scrapy.downloadermiddlewares.retry",
    "scrapy.downloadermiddlewares.robotstxt",
    "scrapy.core.scraper",
    "crawler.robots",
    "crawler.offsite",
)


@dataclass
class CliState:
    verbosity: int = NORMAL
    debug: bool = False
    db_label: str = "in use"  # the database named in error messages, once a command has resolved it

    @property
    def quiet(self) -> bool:
        return self.verbosity <= QUIET


def state() -> CliState:
    context = click.get_current_context(silent=True)
    found = context.find_object(CliState) if context is not None else None
    return found if found is not None else CliState()


def note(message: str) -> None:
    """An informational line on stderr (what is being done), hidden by -q."""
    if not state().quiet:
        click.echo(message, err=True)


def warn(message: str) -> None:
    """A line on stderr the user should read even with -q."""
    click.echo(message, err=True)


def database_url(raw: str | None) -> str:
    """The `--db` value resolved (else $VNPORTAL_DB, else ./vnportal.db), remembered for error messages."""
    url = resolve_url(raw)
    state().db_label = shown(url)
    return url.render_as_string(hide_password=False)


def progress_display() -> ProgressDisplay:
    return ProgressDisplay(enabled=not state().quiet)


def scrapy_log_settings() -> dict[str, Any]:
    """LOG_LEVEL for a crawl at the chosen verbosity; below -v, loggers whose news the summary repeats are
    muted (`VNPORTAL_MUTED_LOGGERS`)."""
    verbosity = max(QUIET, min(state().verbosity, DEBUG_LOGS))
    muted = list(RECORDED_ELSEWHERE) if verbosity < VERBOSE else []
    return {"LOG_LEVEL": SCRAPY_LOG_LEVEL[verbosity], "VNPORTAL_MUTED_LOGGERS": muted}


def _report(error: VnportalError, original: BaseException, debug: bool) -> None:
    sys.stdout.flush()  # what the command printed comes before the error in a merged log
    if debug:
        traceback.print_exception(original, file=sys.stderr)
        if error.detail:
            sys.stderr.write(error.detail.rstrip() + "\n")
    for line in error.lines():
        click.echo(line, err=True)


def _raise_interrupted(signum: int, _frame: Any) -> None:
    raise Interrupted(signum)


@contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """SIGTERM (systemd, `timeout`, kill) ends a command like Ctrl-C: cleaned up, exit 143."""
    try:
        previous = signal.signal(signal.SIGTERM, _raise_interrupted)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class VnportalGroup(click.Group):
    """Runs a subcommand and turns what it raises into one or two lines on stderr and an exit status."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with _sigterm_interrupts():
                return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except (Exception, KeyboardInterrupt) as error:
            cli = ctx.find_object(CliState) or CliState()
            known = explain(error, cli.db_label)
            if known is None:
                if cli.debug:
                    raise
                click.echo(f"Error: unexpected {type(error).__name__}: {error}", err=True)
                click.echo("  this is a bug in vnportal: run again with --debug and report the traceback", err=True)
                raise click.exceptions.Exit(int(ExitCode.FAILED)) from error
            _report(known, error, cli.debug)
            raise click.exceptions.Exit(int(known.exit_code)) from error
