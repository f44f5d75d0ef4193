"""A misbehaving portal on 127.0.0.1 for crawl tests: one listing page, and one article route per fault.

Every article is the fixture `tests/fixtures/fetch_faults/article.html` (five officials), its first sentence
dated by its number so that each is a distinct article. The server logs each request's path and arrival
time, so tests can check when retries came.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Self
from urllib.parse import urlsplit

from fault_pages import FAULTS, article_bytes, truncated_gzip, with_one_cp1258_byte, with_one_cp1258_paragraph

LISTING = "/web/songlam/tin-tuc"
ARTICLE_PATH = LISTING + "/-/view_content/{number}-{slug}"
REGISTRY_TEMPLATE = FAULTS / "portals.toml"
SHORT_RETRY_AFTER_S = 2
LONG_RETRY_AFTER_S = 3600
SLOW_REPLY_S = 0.5


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    declared_length: int | None = None  # a Content-Length other than the body's, to cut a reply short
    delay_s: float = 0.0


@dataclass(frozen=True)
class Route:
    number: int
    slug: str
    reply: Callable[[FaultServer, str], Reply]  # (server, query) -> reply

    @property
    def path(self) -> str:
        return ARTICLE_PATH.format(number=self.number, slug=self.slug)


def numbered_article(number: int, page: bytes | None = None) -> bytes:
    """The fixture, or a damaged copy of it, made distinct by the day of its first sentence."""
    return (page or article_bytes()).replace("Sáng 19/12".encode(), f"Sáng {number}/12".encode(), 1)


def _sound(number: int) -> Reply:
    return Reply(body=numbered_article(number))


def _redirect(location: str) -> Reply:
    return Reply(302, headers={"Location": location})


def _retry_later(server: FaultServer, path: str, wait_s: int, then: Reply | None) -> Reply:
    """503 with Retry-After on the first request (every request when `then` is None)."""
    if then is not None and server.hits(path) > 1:
        return then
    return Reply(503, b"<p>He thong dang ban</p>", {"Content-Type": "text/html", "Retry-After": str(wait_s)})


def _gzip_cut_short(number: int) -> Reply:
    headers = {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"}
    return Reply(body=truncated_gzip(numbered_article(number)), headers=headers)


def _longer_than_sent(number: int) -> Reply:
    body = numbered_article(number)
    return Reply(body=body[: len(body) // 2], declared_length=len(body))


ROUTES = [
    Route(1, "sach", lambda s, q: _sound(1)),
    Route(2, "mot-byte", lambda s, q: Reply(body=numbered_article(2, with_one_cp1258_byte(article_bytes())))),
    Route(3, "mot-doan", lambda s, q: Reply(body=numbered_article(3, with_one_cp1258_paragraph(article_bytes())))),
    Route(4, "gzip-cut", lambda s, q: _gzip_cut_short(4)),
    Route(5, "thieu-byte", lambda s, q: _longer_than_sent(5)),
    Route(6, "vong-lap", lambda s, q: _redirect(ROUTES[5].path if q else ROUTES[5].path + "?lan=2")),
    Route(7, "chuyen-mai", lambda s, q: _redirect(f"{ROUTES[6].path}?n={int(q.partition('=')[2] or 0) + 1}")),
    Route(8, "ban-lau", lambda s, q: _retry_later(s, ROUTES[7].path, LONG_RETRY_AFTER_S, None)),
    Route(9, "ban-chut", lambda s, q: _retry_later(s, ROUTES[8].path, SHORT_RETRY_AFTER_S, _sound(9))),
    Route(10, "cham", lambda s, q: Reply(body=numbered_article(10), delay_s=SLOW_REPLY_S)),
]
BY_PATH = {route.path: route for route in ROUTES}


def listing_page() -> bytes:
    items = "\n    ".join(f'<li><a href="{r.path}">Bài {r.number}</a></li>' for r in ROUTES)
    return (FAULTS / "listing.html").read_text(encoding="utf-8").replace("{items}", items).encode()


class FaultHandler(BaseHTTPRequestHandler):
    server: FaultServer  # type: ignore[assignment]

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        parts = urlsplit(self.path)
        self.server.log_request_at(parts.path, time.time())
        reply = self._reply(parts.path, parts.query)
        time.sleep(reply.delay_s)
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(reply.declared_length or len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)

    def _reply(self, path: str, query: str) -> Reply:
        if path == LISTING:
            return Reply(body=listing_page())
        route = BY_PATH.get(path)
        return route.reply(self.server, query) if route else Reply(404, b"<p>Khong tim thay</p>")

    def log_message(self, *_args: object) -> None:  # quiet: the tests read `requests`
        return


class FaultServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), FaultHandler)
        self.requests: list[tuple[str, float]] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def log_request_at(self, path: str, at: float) -> None:
        with self._lock:
            self.requests.append((path, at))

    def hits(self, path: str) -> int:
        with self._lock:
            return sum(1 for seen, _at in self.requests if seen == path)

    def arrivals(self, path: str) -> list[float]:
        with self._lock:
            return [at for seen, at in self.requests if seen == path]

    def write_registry(self, directory: Path) -> Path:
        path = directory / "portals.toml"
        text = REGISTRY_TEMPLATE.read_text(encoding="utf-8").replace("{port}", str(self.server_address[1]))
        path.write_text(text, encoding="utf-8")
        return path

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.shutdown()
        self.server_close()
