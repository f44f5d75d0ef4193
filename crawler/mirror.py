"""A local mirror of portal sites for demos and crawl tests (standard library only).

Each sub-directory of the mirror root that holds a ``routes.toml`` is one portal, served by its own
``ThreadingHTTPServer`` on a free 127.0.0.1 port, so every portal is its own host with its own robots.txt.

``routes.toml`` lists ``[[route]]`` tables::

    path = "/web/an-khanh/tin-tuc"        # exact path (percent-decoded before matching)
    query = "p_p_id=...&..._cur=2"        # exact query; "" or absent = no query (parameter order ignored)
    file = "listing-2.html"               # body, relative to the portal directory
    redirect = "/2025/03/slug/"           # instead of file: a redirect (301 unless `status` says otherwise)
    status = 200                          # optional
    content_type = "text/plain; charset=utf-8"   # optional, default from the file extension
    charset = "windows-1258"              # optional, replaces the charset of the default content type

A request that matches no route gets 404 with the portal's ``404.html`` body when there is one.
"""

from __future__ import annotations

import mimetypes
import threading
import tomllib
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol, Self
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

ROUTES_FILE = "routes.toml"
NOT_FOUND_FILE = "404.html"
DEFAULT_REDIRECT_STATUS = 301
TEXT_CHARSET = "utf-8"
# Extensions whose default type mimetypes gets wrong or leaves out on minimal systems.
EXTRA_TYPES = {".html": "text/html", ".htm": "text/html", ".aspx": "text/html", ".txt": "text/plain"}


@dataclass(frozen=True)
class Route:
    path: str
    query: str
    status: int
    file: Path | None = None
    redirect: str | None = None
    content_type: str = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes


def query_key(query: str) -> str:
    """Order-independent form of a query string, so `a=1&b=2` and `b=2&a=1` route alike."""
    return urlencode(sorted(parse_qsl(query, keep_blank_values=True)))


def route_key(path: str, query: str) -> str:
    return f"{path}?{query}"


def default_content_type(file: Path, charset: str | None) -> str:
    mime = EXTRA_TYPES.get(file.suffix.lower()) or mimetypes.guess_type(file.name)[0]
    mime = mime or "application/octet-stream"
    if mime.startswith("text/") or charset:
        return f"{mime}; charset={charset or TEXT_CHARSET}"
    return mime


def parse_route(entry: dict[str, Any], portal_dir: Path) -> Route:
    path, query = unquote(entry["path"]), query_key(entry.get("query", ""))
    if "redirect" in entry:
        status = int(entry.get("status", DEFAULT_REDIRECT_STATUS))
        return Route(path=path, query=query, status=status, redirect=entry["redirect"])
    file = portal_dir / entry["file"]
    if not file.is_file():
        # Caught at start-up: at request time the handler could only drop the connection.
        raise FileNotFoundError(f"{portal_dir / ROUTES_FILE}: route {path} names missing file {file}")
    content_type = entry.get("content_type") or default_content_type(file, entry.get("charset"))
    return Route(path, query, int(entry.get("status", 200)), file=file, content_type=content_type)


def load_routes(portal_dir: Path) -> dict[str, Route]:
    data = tomllib.loads((portal_dir / ROUTES_FILE).read_text(encoding="utf-8"))
    routes = [parse_route(entry, portal_dir) for entry in data.get("route", [])]
    return {route_key(route.path, route.query): route for route in routes}


def not_found_reply(portal_dir: Path) -> Reply:
    page = portal_dir / NOT_FOUND_FILE
    body = page.read_bytes() if page.is_file() else b"Not Found"
    content_type = "text/html; charset=utf-8" if page.is_file() else "text/plain; charset=utf-8"
    return Reply(HTTPStatus.NOT_FOUND, {"Content-Type": content_type}, body)


def route_reply(route: Route) -> Reply:
    if route.redirect is not None:
        return Reply(route.status, {"Location": route.redirect}, b"")
    assert route.file is not None
    return Reply(route.status, {"Content-Type": route.content_type}, route.file.read_bytes())


class Site(Protocol):
    """Anything that answers a request target ("/path?query") of its host."""

    def reply(self, target: str) -> Reply: ...


@dataclass
class Portal:
    """One portal directory and its parsed routes."""

    directory: Path
    routes: dict[str, Route]

    def reply(self, target: str) -> Reply:
        parts = urlsplit(target)
        route = self.routes.get(route_key(unquote(parts.path), query_key(parts.query)))
        return route_reply(route) if route else not_found_reply(self.directory)


class MirrorHandler(BaseHTTPRequestHandler):
    """Serves one portal; the portal is attached to the server object."""

    server_version = "MirrorServer/1.0"
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle on, each keep-alive reply waits ~40 ms for
    # the client's delayed ACK (25 pages/s instead of thousands).
    disable_nagle_algorithm = True

    def do_GET(self) -> None:  # noqa: N802 - name fixed by BaseHTTPRequestHandler
        self.respond(with_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self.respond(with_body=False)

    def respond(self, with_body: bool) -> None:
        reply = self.server.reply(self)  # type: ignore[attr-defined]
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        if with_body:
            self.wfile.write(reply.body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - base class signature
        # A demo crawl makes hundreds of requests: access logs on stderr would drown the CLI output.
        return


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, portal: Portal) -> None:
        super().__init__(("127.0.0.1", 0), MirrorHandler)
        self.portal = portal

    def reply(self, handler: BaseHTTPRequestHandler) -> Reply:
        return self.portal.reply(handler.path)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients that hang up mid-response (a crawler shutting down) are not errors worth a traceback.
        return


class ProxyServer(ThreadingHTTPServer):
    """Serves every portal as an HTTP proxy would: the portal is chosen by the requested host name."""

    daemon_threads = True

    def __init__(self, portals: dict[str, Site]) -> None:
        super().__init__(("127.0.0.1", 0), MirrorHandler)
        self.portals = portals

    def reply(self, handler: BaseHTTPRequestHandler) -> Reply:
        target = urlsplit(handler.path)
        host = (target.hostname or handler.headers.get("Host", "").split(":")[0]).lower()
        portal = self.portals.get(host)
        if portal is None:
            return Reply(HTTPStatus.BAD_GATEWAY, {"Content-Type": "text/plain; charset=utf-8"}, b"unknown mirror host")
        return portal.reply(target.path + (f"?{target.query}" if target.query else ""))

    def handle_error(self, request: Any, client_address: Any) -> None:
        return


def portal_dirs(root: Path) -> list[Path]:
    return sorted(child for child in root.iterdir() if (child / ROUTES_FILE).is_file())


class _Served:
    """A context manager that closes its servers on exit."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class MirrorServer(_Served):
    """Serve every portal under `root` on its own free 127.0.0.1 port until `close()`."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._servers: dict[str, QuietServer] = {}
        try:
            for directory in portal_dirs(self.root):
                self._start(directory)
        except BaseException:
            self.close()
            raise
        if not self._servers:
            raise FileNotFoundError(f"no portal with {ROUTES_FILE} under {self.root}")

    def _start(self, directory: Path) -> None:
        server = QuietServer(Portal(directory, load_routes(directory)))
        self._servers[directory.name] = server
        thread = threading.Thread(target=server.serve_forever, name=f"mirror-{directory.name}", daemon=True)
        thread.start()

    @property
    def portals(self) -> list[str]:
        return list(self._servers)

    def base_url(self, portal: str) -> str:
        host, port = self._servers[portal].server_address[:2]
        return f"http://{host}:{port}"

    def close(self) -> None:
        for server in self._servers.values():
            server.shutdown()
            server.server_close()
        self._servers.clear()


class ServedProxy(_Served):
    """Sites served behind one free 127.0.0.1 port as an HTTP proxy, each answering for its host name."""

    def __init__(self, sites: dict[str, Site]) -> None:
        self._server = ProxyServer(sites)
        threading.Thread(target=self._server.serve_forever, name="mirror-proxy", daemon=True).start()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


class MirrorProxy(ServedProxy):
    """Serve every portal under `root` behind one free 127.0.0.1 port, as an HTTP proxy.

    Portal folder NAME answers as host `NAME.mirror.test` (a reserved top-level domain: never a real site),
    so crawled URLs stay the same from one run to the next whatever port the proxy gets.
    """

    HOST_SUFFIX = ".mirror.test"

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        portals = {
            f"{directory.name}{self.HOST_SUFFIX}": Portal(directory, load_routes(directory))
            for directory in portal_dirs(self.root)
        }
        if not portals:
            raise FileNotFoundError(f"no portal with {ROUTES_FILE} under {self.root}")
        super().__init__(portals)

    @classmethod
    def site_url(cls, portal: str) -> str:
        return f"http://{portal}{cls.HOST_SUFFIX}"
