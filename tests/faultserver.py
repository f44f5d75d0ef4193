"""A portal that misbehaves on purpose, for crawl tests: redirects off the site and to internal addresses,
a slow robots.txt. Standard library only; one free 127.0.0.1 port per server.

The server also answers as an HTTP proxy (absolute request targets), so a registry portal named
`NAME.mirror.test` reaches it through `VNPORTAL_MIRROR_PROXY`, like the demo mirror. Every request is
recorded in `hits` ("host/path"), so a test can assert what a crawl never fetched.
"""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, Self
from urllib.parse import urlsplit

FIXTURES = Path(__file__).parent / "fixtures" / "faults"


@dataclass(frozen=True)
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0

    @classmethod
    def fixture(cls, name: str, **kwargs: Any) -> Page:
        return cls((FIXTURES / name).read_bytes(), **kwargs)


@dataclass(frozen=True)
class Redirect:
    """`{via}` in the location becomes `proxy` or `direct`: how the redirected request reached the server."""

    location: str
    status: int = 302


Route = Page | Redirect


@dataclass
class _State:
    routes: dict[str, Route]
    hits: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def do_GET(self) -> None:  # noqa: N802 - name fixed by BaseHTTPRequestHandler
        state: _State = self.server.state  # type: ignore[attr-defined]
        target = urlsplit(self.path)
        host = target.netloc or self.headers.get("Host", "")
        with state.lock:
            state.hits.append(f"{host}{target.path}")
        route = state.routes.get(target.path)
        if isinstance(route, Redirect):
            via = "proxy" if target.netloc else "direct"
            self._reply(route.status, b"", {"Location": route.location.format(via=via)})
        elif isinstance(route, Page):
            time.sleep(route.delay)
            self._reply(route.status, route.body, {"Content-Type": route.content_type})
        else:
            self._reply(404, b"not found", {"Content-Type": "text/plain"})

    def _reply(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - base class signature
        return


class FaultServer:
    """Serves `routes` (path -> Page or Redirect) on 127.0.0.1 until closed."""

    def __init__(self, routes: dict[str, Route] | None = None) -> None:
        self.state = _State(dict(routes or {}))
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.state = self.state  # type: ignore[attr-defined]
        self._server.handle_error = lambda request, client_address: None  # type: ignore[method-assign]
        threading.Thread(target=self._server.serve_forever, name="fault-server", daemon=True).start()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def route(self, path: str, route: Route) -> None:
        self.state.routes[path] = route

    @property
    def hits(self) -> list[str]:
        with self.state.lock:
            return list(self.state.hits)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()


def write_registry(directory: Path, fixture: str, **fields: object) -> Path:
    """A registry fixture of `tests/fixtures/faults/` with its `{placeholders}` (ports, names) filled in."""
    text = (FIXTURES / fixture).read_text(encoding="utf-8").format(**fields)
    path = directory / fixture
    path.write_text(text, encoding="utf-8")
    return path


def crawl_command(registry: Path, db: Path, proxy: str, *slugs: str, extra: tuple[str, ...] = ()) -> list[str]:
    """`vnportal crawl` of `slugs` without politeness delays; `*.mirror.test` hosts go to `proxy`."""
    portals = [arg for slug in slugs for arg in ("--portal", slug)]
    settings = {
        "DOWNLOAD_DELAY": "0",
        "AUTOTHROTTLE_ENABLED": "False",
        "RETRY_TIMES": "0",
        "VNPORTAL_MIRROR_PROXY": proxy,
        "LOG_LEVEL": "WARNING",
    }
    sets = [arg for name, value in settings.items() for arg in ("--set", f"{name}={value}")]
    return [
        sys.executable,
        "-m",
        "crawler.cli",
        "crawl",
        "--registry",
        str(registry),
        "--db",
        f"sqlite:///{db}",
        *portals,
        *sets,
        *extra,
    ]
