"""Serving synthetic sites: in a thread for tests, or as its own process for the crawl benchmark.

`python -m crawler.sitegen --articles 5000 --port-file PATH` serves the benchmark's sites (one per
CMS family) until killed, and writes its proxy address to PATH once it listens. The host `control.invalid`
answers `/served` with the addresses served since the last `/reset`, so the benchmark can replay exactly
the pages a crawl fetched.
"""

from __future__ import annotations

import argparse
import json
import threading
from collections.abc import Iterable
from pathlib import Path

from crawler.mirror import Reply, ServedProxy, Site
from crawler.sitegen.site import SiteSpec, SyntheticSite

CONTROL_HOST = "control.invalid"


class ServedLog:
    """Every address served, in order, from any server thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._targets: list[str] = []

    def add(self, url: str) -> None:
        with self._lock:
            self._targets.append(url)

    def take(self) -> list[str]:
        with self._lock:
            taken, self._targets = self._targets, []
            return taken


class LoggedSite:
    def __init__(self, site: SyntheticSite, log: ServedLog) -> None:
        self.site = site
        self.log = log

    def reply(self, target: str) -> Reply:
        self.log.add(self.site.absolute(target))
        return self.site.reply(target)


class ControlSite:
    def __init__(self, log: ServedLog) -> None:
        self.log = log

    def reply(self, target: str) -> Reply:
        served = self.log.take() if target.startswith(("/served", "/reset")) else []
        body = json.dumps(served if target.startswith("/served") else []).encode()
        return Reply(200, {"Content-Type": "application/json"}, body)


class SyntheticProxy(ServedProxy):
    """Serve `sites` behind one free 127.0.0.1 port as an HTTP proxy (each site answers for its host)."""

    def __init__(self, sites: Iterable[SyntheticSite], log: ServedLog | None = None) -> None:
        self.sites = list(sites)
        self.log = log or ServedLog()
        answers: dict[str, Site] = {site.spec.host: LoggedSite(site, self.log) for site in self.sites}
        answers[CONTROL_HOST] = ControlSite(self.log)
        super().__init__(answers)

    def serve_forever(self) -> None:
        threading.Event().wait()


def main(argv: list[str] | None = None) -> None:
    from crawler.sitegen import benchmark_specs

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--port-file", type=Path, required=True)
    args = parser.parse_args(argv)
    specs: list[SiteSpec] = benchmark_specs(args.articles, args.seed)
    with SyntheticProxy(SyntheticSite(spec) for spec in specs) as proxy:
        args.port_file.write_text(proxy.url, encoding="utf-8")
        proxy.serve_forever()
