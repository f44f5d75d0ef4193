"""Throughput of the demo mirror server: pages served per second over keep-alive HTTP/1.1.

    .venv/bin/python benchmarks/bench_mirror_server.py [--requests 3000] [--clients 4]

Every client cycles through the manifest's pages (home, listings, articles) of all three portals.
"""

from __future__ import annotations

import argparse
import http.client
import json
import threading
import time
from pathlib import Path

from crawler.mirror import MirrorServer

MIRROR = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "mirror"


def page_targets(server: MirrorServer) -> list[tuple[str, str]]:
    manifest = json.loads((MIRROR / "manifest.json").read_text(encoding="utf-8"))
    targets = []
    for name, portal in manifest["portals"].items():
        paths = [portal["home"], *portal["listings"], *(a["path"] for a in portal["articles"])]
        targets += [(server.base_url(name), path) for path in paths]
    return targets


def client(targets: list[tuple[str, str]], count: int, offset: int) -> None:
    connections: dict[str, http.client.HTTPConnection] = {}
    for index in range(count):
        base, path = targets[(offset + index) % len(targets)]
        if base not in connections:
            connections[base] = http.client.HTTPConnection(base.removeprefix("http://"), timeout=10)
        connection = connections[base]
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        assert response.status == 200, (path, response.status)
    for connection in connections.values():
        connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    with MirrorServer(MIRROR) as server:
        targets = page_targets(server)
        share = args.requests // args.clients
        threads = [threading.Thread(target=client, args=(targets, share, i * 7)) for i in range(args.clients)]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - start
    total = share * args.clients
    print(f"{total} pages in {elapsed:.2f} s: {total / elapsed:.0f} pages/s with {args.clients} clients")


if __name__ == "__main__":
    main()
