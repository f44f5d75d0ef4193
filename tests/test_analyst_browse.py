"""`vnportal serve` in a real browser: headless Chromium (Debian's package) driven by Playwright opens each
canned question on the demo database and finds the expected rows, and the described views."""

from __future__ import annotations

import importlib.util
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from analyst_support import run_demo

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
MISSING = [name for name in ("datasette", "playwright") if importlib.util.find_spec(name) is None]
pytestmark = [
    pytest.mark.skipif(bool(MISSING), reason=f"needs {', '.join(MISSING)}: pip install -e '.[analyst]'"),
    pytest.mark.skipif(not Path(CHROMIUM).is_file(), reason="no chromium: apt-get install -y chromium"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(port: int, process: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"vnportal serve exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"vnportal serve did not listen on {port} within {seconds} s")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = run_demo(tmp_path_factory.mktemp("demo"))
    port = free_port()
    command = [sys.executable, "-m", "crawler.cli", "serve", "--db", f"sqlite:///{db}", "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(port, process)
        yield f"http://127.0.0.1:{port}/{db.stem}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser.new_page()
        browser.close()


def table_rows(page: object, url: str) -> list[list[str]]:
    page.goto(url)  # type: ignore[attr-defined]
    cells = page.locator("table.rows-and-columns tbody tr")  # type: ignore[attr-defined]
    return [row.locator("td").all_inner_texts() for row in cells.all()]


@pytest.mark.parametrize(
    ("query", "params", "expected"),
    [
        (
            "who_held_which_post",
            {"title": "Chủ tịch UBND phường", "name": "Lò Văn Toàn"},
            [("Lò Văn Toàn", "Phó Chủ tịch UBND phường"), ("Lò Văn Toàn", "Chủ tịch UBND phường")],
        ),
        ("articles_citing_document", {"code": "45-KH/HU", "place": ""}, [("demo-huyen-son-ha", "huyện Sơn Hà")]),
        (
            "congresses_of_a_term_in_a_province",
            {"start_year": "2025", "province": "Tây Lâm"},
            [("Đảng bộ xã Nà Bó", "2025-04-15"), ("Đảng bộ huyện Sơn Hà",)],
        ),
        ("most_cited_documents_per_province", {}, [("Tây Lâm", "118-KH/HU", "huyện Sơn Hà")]),
    ],
)
def test_each_canned_question_shows_its_rows(
    page: object, server: str, query: str, params: dict[str, str], expected: list[tuple[str, ...]]
) -> None:
    rows = table_rows(page, f"{server}/{query}?{urlencode(params)}")
    for wanted in expected:
        assert any(all(value in row for value in wanted) for row in rows), (wanted, rows[:5])


def test_views_show_their_description(page: object, server: str) -> None:
    page.goto(f"{server}/v_documents")  # type: ignore[attr-defined]
    assert "One row per document, with its citations." in page.content()  # type: ignore[attr-defined]


def test_columns_show_their_meaning(page: object, server: str) -> None:
    page.goto(f"{server}/documents")  # type: ignore[attr-defined]
    assert "national (one document everywhere)" in page.content()  # type: ignore[attr-defined]
