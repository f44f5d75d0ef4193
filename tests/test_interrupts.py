"""Real `vnportal` processes as cron and systemd see them: Ctrl-C, SIGTERM and kill -9 during `vnportal demo`,
a portal that is down for the whole run, and how much the terminal shows at each verbosity."""

from __future__ import annotations

import signal
import socket
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REGISTRIES = Path(__file__).parent / "fixtures" / "registry"
# Slow enough to be caught mid-crawl (a request per portal every ~0.5 s), with few requests in flight so the
# graceful stop is quick, and progress lines every 0.2 s.
SLOW = ["--set", "DOWNLOAD_DELAY=0.5", "--set", "CONCURRENT_REQUESTS=3", "--set", "VNPORTAL_PROGRESS_INTERVAL=0.2"]
TIMEOUT = 120


@dataclass
class Finished:
    code: int
    stdout: str
    stderr: str


def vnportal(*args: str) -> list[str]:
    return [sys.executable, "-m", "crawler.cli", *args]


def start_demo(workdir: Path, *extra: str) -> subprocess.Popen[str]:
    command = vnportal("demo", "--db", str(workdir / "demo.db"), "--out", str(workdir / "csv"), *extra)
    return subprocess.Popen(command, cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_until_fetching(process: subprocess.Popen[str]) -> list[str]:
    """Read the progress log until a page was fetched (the run row exists by then)."""
    seen = []
    assert process.stderr is not None
    for line in process.stderr:
        seen.append(line)
        if " crawl: " in line and " crawl: 0 fetched" not in line:
            return seen
    raise AssertionError("the demo ended before fetching: " + "".join(seen))


def finish(process: subprocess.Popen[str], earlier: list[str]) -> Finished:
    stdout, stderr = process.communicate(timeout=TIMEOUT)
    return Finished(process.returncode, stdout, "".join(earlier) + stderr)


def runs(db: Path) -> list[tuple[str, str | None]]:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT status, reason FROM crawl_runs ORDER BY id").fetchall()


@pytest.mark.parametrize(("signum", "code", "name"), [(signal.SIGINT, 130, "SIGINT"), (signal.SIGTERM, 143, "SIGTERM")])
def test_signal_stops_the_demo_as_interrupted_without_an_export(
    tmp_path: Path, signum: int, code: int, name: str
) -> None:
    process = start_demo(tmp_path, *SLOW)
    seen = wait_until_fetching(process)
    process.send_signal(signum)
    done = finish(process, seen)
    assert done.code == code, done.stderr
    ((status, reason),) = runs(tmp_path / "demo.db")
    assert status == "interrupted"
    assert reason is not None and reason.startswith(f"interrupted by {name} after")
    assert f"Error: crawl interrupted by {name}" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "csv").exists()  # nothing partial exported
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_killed_demo_is_closed_as_interrupted_by_the_next_run(tmp_path: Path) -> None:
    process = start_demo(tmp_path, *SLOW, "--set", "VNPORTAL_HEARTBEAT_SECONDS=0.1")
    wait_until_fetching(process)
    process.kill()
    process.wait(timeout=TIMEOUT)
    assert runs(tmp_path / "demo.db") == [("running", None)]
    with sqlite3.connect(tmp_path / "demo.db") as connection:
        started, beat = connection.execute("SELECT started_at, heartbeat_at FROM crawl_runs").fetchone()
    assert beat > started  # the crawl kept its run alive until it was killed
    again = subprocess.run(
        vnportal("demo", "--db", str(tmp_path / "demo.db"), "--out", str(tmp_path / "csv")),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert again.returncode == 0, again.stderr  # the dead crawl's lock went with it
    (killed_status, killed_reason), (status, _) = runs(tmp_path / "demo.db")
    assert (killed_status, status) == ("interrupted", "finished")
    assert killed_reason is not None and "ended without closing the run (killed?)" in killed_reason


@pytest.fixture
def unreachable_registry(tmp_path: Path) -> Path:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    registry = tmp_path / "unreachable.toml"
    template = (REGISTRIES / "unreachable.toml.in").read_text(encoding="utf-8")
    registry.write_text(template.replace("{port}", str(port)), encoding="utf-8")
    return registry


def crawl_unreachable(tmp_path: Path, registry: Path, *options: str) -> Finished:
    command = vnportal(
        *options,
        "crawl",
        "--registry",
        str(registry),
        "--portal",
        "phuong-mat-ket-noi",
        "--db",
        str(tmp_path / "down.db"),
        "--set",
        "RETRY_TIMES=0",
        "--set",
        "DOWNLOAD_DELAY=0",
        "--set",
        "AUTOTHROTTLE_ENABLED=false",
    )
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=TIMEOUT)
    return Finished(done.returncode, done.stdout, done.stderr)


def test_portal_down_for_the_whole_run_fails_in_two_lines(tmp_path: Path, unreachable_registry: Path) -> None:
    done = crawl_unreachable(tmp_path, unreachable_registry)
    assert done.code == 1
    crawling, error, hint = done.stderr.splitlines()
    assert crawling.startswith("Crawling 1 portal(s)")
    assert error.startswith("Error: crawl failed: nothing fetched: 2 requests failed (first: http://127.0.0.1:")
    assert "check the network and the portals' base_url" in hint
    assert "NOTHING FETCHED" in done.stdout  # the summary's per-portal line
    ((status, reason),) = runs(tmp_path / "down.db")
    assert status == "failed" and reason is not None and reason.startswith("nothing fetched")


def test_verbose_shows_scrapy_log_and_quiet_shows_only_the_error(tmp_path: Path, unreachable_registry: Path) -> None:
    verbose = crawl_unreachable(tmp_path, unreachable_registry, "-v")
    quiet = crawl_unreachable(tmp_path, unreachable_registry, "-q")
    assert "[scrapy.core.engine] INFO: Spider opened" in verbose.stderr
    assert "Gave up retrying" in verbose.stderr
    assert quiet.stdout == ""
    assert quiet.stderr.splitlines()[0].startswith("Error: crawl failed: nothing fetched")
    assert quiet.code == verbose.code == 1
