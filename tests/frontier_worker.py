"""One `--redis` worker on the demo mirror, for tests/test_frontier.py (run as a script in a subprocess).

Usage: python frontier_worker.py REDIS_URL FRONTIER DB_URL SETTINGS_JSON. Like `vnportal demo --redis`, but
with settings of the test's choosing (a download delay keeps a worker busy long enough to be killed).
"""

from __future__ import annotations

import json
import sys

from crawler.mirror import MirrorProxy
from crawler.registry import load_registry
from crawler.run import DEMO_SETTINGS, MIRROR_ROOT, crawl, distributed_settings


def main(redis_url: str, frontier: str, db_url: str, settings: str) -> None:
    portals = load_registry().select(demo=True)
    with MirrorProxy(MIRROR_ROOT) as proxy:
        overrides = {**DEMO_SETTINGS, **distributed_settings(redis_url, frontier), "VNPORTAL_MIRROR_PROXY": proxy.url}
        result = crawl(portals, db_url, {**overrides, **json.loads(settings)})
    print(json.dumps({k: v for k, v in result.stats.items() if k.startswith(("vnportal/", "scheduler/"))}))


if __name__ == "__main__":
    main(*sys.argv[1:5])
