"""The progress display: redrawn in place on a terminal, periodic timestamped lines in a log, silent with -q."""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass

from crawler.crawl_stats import portal_key
from crawler.extensions import PORTALS_SHOWN, progress_lines
from crawler.progress import ProgressDisplay, format_duration


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Harness:
    shown: ProgressDisplay
    stream: io.StringIO
    clock: Clock


def display(terminal: bool, interval: float = 30.0, enabled: bool = True) -> Harness:
    stream, clock = io.StringIO(), Clock()
    return Harness(
        ProgressDisplay(stream, terminal=terminal, interval=interval, enabled=enabled, clock=clock), stream, clock
    )


def test_log_gets_a_timestamped_line_once_per_interval() -> None:
    harness = display(terminal=False)
    shown, stream, clock = harness.shown, harness.stream, harness.clock
    for second in range(0, 95, 5):
        clock.now = 100.0 + second
        shown.update(lambda second=second: [f"export: articles.csv, {second} rows"])
    lines = stream.getvalue().splitlines()
    assert [line.split(" ", 1)[1] for line in lines] == [
        "export: articles.csv, 30 rows",
        "export: articles.csv, 60 rows",
        "export: articles.csv, 90 rows",
    ]
    assert all(re.match(r"\d\d:\d\d:\d\d ", line) for line in lines)


def test_terminal_block_is_redrawn_in_place() -> None:
    harness = display(terminal=True, interval=0.5)
    shown, stream, clock = harness.shown, harness.stream, harness.clock
    clock.now += 1
    shown.update(lambda: ["crawl: 1 fetched", "  a  1"])
    clock.now += 1
    shown.update(lambda: ["crawl: 2 fetched", "  a  2"])
    assert stream.getvalue() == "crawl: 1 fetched\n  a  1\n" + "\x1b[2A\x1b[J" + "crawl: 2 fetched\n  a  2\n"


def test_log_record_erases_the_block_first() -> None:
    harness = display(terminal=True, interval=0.5)
    shown, stream, clock = harness.shown, harness.stream, harness.clock
    handler = logging.StreamHandler(stream)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        with shown.above_logs():
            clock.now += 1
            shown.update(lambda: ["crawl: 1 fetched"])
            logging.getLogger("vnportal.test").warning("portal slow")
    finally:
        root.removeHandler(handler)
    assert stream.getvalue() == "crawl: 1 fetched\n\x1b[1A\x1b[Jportal slow\n"


def test_quiet_display_writes_nothing() -> None:
    harness = display(terminal=False, enabled=False)
    shown, stream, clock = harness.shown, harness.stream, harness.clock
    clock.now += 100
    shown.update(lambda: ["crawl: 1 fetched"], force=True)
    assert stream.getvalue() == ""


def test_crawl_lines_give_totals_rate_elapsed_and_each_portal() -> None:
    stats = {
        portal_key("xa-b", "fetched"): 30,
        portal_key("xa-b", "stored"): 12,
        portal_key("xa-b", "failed"): 1,
        portal_key("phuong-a", "fetched"): 10,
    }
    head, first, second = progress_lines(stats, 20.0)
    assert head == "crawl: 40 fetched, 12 stored, 1 failed (2.0/s, 20s)"
    assert first.split() == ["phuong-a", "10", "fetched", "0", "stored", "0", "failed"]
    assert second.split()[:2] == ["xa-b", "30"]


def test_many_portals_show_the_busiest() -> None:
    stats = {portal_key(f"xa-{n:02d}", "fetched"): n for n in range(PORTALS_SHOWN + 5)}
    lines = progress_lines(stats, 1.0)
    assert len(lines) == 1 + PORTALS_SHOWN + 1
    assert "xa-00" not in "".join(lines) and lines[-1] == "  … and 5 more portals"


def test_durations_read_naturally() -> None:
    assert [format_duration(s) for s in (0.4, 45, 187, 7500)] == ["0.4s", "45s", "3m07s", "2h05m"]
