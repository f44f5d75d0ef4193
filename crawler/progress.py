"""Progress of long work on stderr: a block redrawn in place on a terminal, and a timestamped log line every
so often when stderr is a file, a pipe or a journal (cron, systemd, CI)."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TextIO

TERMINAL_INTERVAL = 0.5  # seconds between redraws on a terminal
LOG_INTERVAL = 30.0  # seconds between progress lines in a log
CLEAR_BELOW = "\x1b[J"


def format_duration(seconds: float) -> str:
    """45s, 3m07s, 2h05m."""
    whole = int(seconds)
    if whole < 60:
        return f"{seconds:.0f}s" if seconds >= 10 or seconds == whole else f"{seconds:.1f}s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes}m{secs:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:.1f}/s" if seconds > 0 else "-"


class ProgressDisplay:
    """Shows what `render()` returns, at most every `interval` seconds (nothing at all when disabled)."""

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        enabled: bool = True,
        interval: float | None = None,
        terminal: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.terminal = self.stream.isatty() if terminal is None else terminal
        self.interval = interval if interval is not None else (TERMINAL_INTERVAL if self.terminal else LOG_INTERVAL)
        self.enabled = enabled
        self.clock = clock
        self.started = clock()
        self.last_shown = self.started
        self.drawn = 0  # lines of the block currently on the terminal

    def elapsed(self) -> float:
        return self.clock() - self.started

    def update(self, render: Callable[[], list[str]], *, force: bool = False) -> None:
        if not self.enabled:
            return
        now = self.clock()
        if not force and now - self.last_shown < self.interval:
            return
        self.last_shown = now
        lines = render()
        if self.terminal:
            self.erase()
            self.stream.write("".join(line + "\n" for line in lines))
            self.drawn = len(lines)
        else:
            stamp = datetime.now().strftime("%H:%M:%S")
            self.stream.write("".join(f"{stamp} {line}\n" for line in lines))
        self.stream.flush()

    def erase(self) -> None:
        """Remove the block from a terminal (before a log line is printed, or at the end)."""
        if self.terminal and self.drawn:
            self.stream.write(f"\x1b[{self.drawn}A{CLEAR_BELOW}")
            self.stream.flush()
            self.drawn = 0

    def finish(self) -> None:
        """The block stays on a terminal as the last state; a log gets no extra line (a summary follows)."""
        self.drawn = 0

    @contextmanager
    def above_logs(self) -> Iterator[None]:
        """While active, a log record printed to the terminal first erases the block, which the next
        update redraws below it: log lines are never overwritten."""
        display = self

        class EraseFirst(logging.Filter):
            def filter(self, record: logging.LogRecord) -> bool:
                display.erase()
                return True

        eraser = EraseFirst()
        handlers = [h for h in logging.getLogger().handlers if self.terminal]
        for handler in handlers:
            handler.addFilter(eraser)
        try:
            yield
        finally:
            for handler in handlers:
                handler.removeFilter(eraser)
