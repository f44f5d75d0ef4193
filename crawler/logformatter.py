"""Log lines without whole items: a dropped page would otherwise print its entire HTML."""

from __future__ import annotations

import logging
from typing import Any

from scrapy import logformatter
from scrapy.exceptions import DropItem


class VnportalLogFormatter(logformatter.LogFormatter):
    def dropped(self, item: Any, exception: BaseException, response: Any, spider: Any = None) -> dict[str, Any]:
        # Non-article pages and failures are expected outcomes, recorded in the database and the stats.
        return {
            "level": logging.DEBUG if isinstance(exception, DropItem) else logging.WARNING,
            "msg": "Dropped: %(exception)s",
            "args": {"exception": exception},
        }

    def scraped(self, item: Any, response: Any, spider: Any = None) -> dict[str, Any]:
        return {
            "level": logging.DEBUG,
            "msg": "Scraped from %(src)s",
            "args": {"src": getattr(response, "url", response)},
        }
