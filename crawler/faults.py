"""Downloader middlewares that turn silent fetch faults into recorded failures.

Each raises a `FetchFault` (never `IgnoreRequest`, which the spider treats as a decision, not a failure),
so the request's errback records it in `crawl_failures` with the reason below:

- `IncompleteBodyMiddleware` (595, sees the body before HttpCompressionMiddleware at 590 inflates it):
  a gzip/deflate body that ends before its stream does (Scrapy inflates "as much as possible" and would
  store the rest of the page as lost), a body shorter than its Content-Length (Scrapy's
  ResponseDataLossError, whose recorded reason was an empty "ResponseDataLossError()"), or a response
  flagged `dataloss` (DOWNLOAD_FAIL_ON_DATALOSS off). Retried like any failed download first.
- `RedirectLoopMiddleware` (610, sees a 3xx before RedirectMiddleware at 600): a redirect back to an
  address of its own chain, or one more than REDIRECT_MAX_TIMES (Scrapy drops both silently).
- `RetryAfterMiddleware` (560, before RetryMiddleware at 550): a 429/503 with `Retry-After` is retried
  after that wait, without blocking the crawl; a wait longer than `VNPORTAL_MAX_RETRY_AFTER` seconds
  is a failure saying so.
"""

from __future__ import annotations

import zlib
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urldefrag, urljoin

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.task import deferLater
from w3lib.url import safe_url_string

from crawler.refusals import redirected_from

try:
    from scrapy.exceptions import ResponseDataLossError
except ImportError:  # Scrapy before 2.14 fails such a download with twisted's ResponseFailed

    class ResponseDataLossError(Exception):  # type: ignore[no-redef]
        """Never raised: stands in for the exception this Scrapy does not have."""


INFLATE_CHUNK = 64 * 1024
GZIP_MAGIC = b"\x1f\x8b"
GZIP_WBITS, ZLIB_WBITS, RAW_DEFLATE_WBITS = 16 + zlib.MAX_WBITS, zlib.MAX_WBITS, -zlib.MAX_WBITS
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_AFTER_STATUSES = frozenset({429, 503})
DEFAULT_MAX_RETRY_AFTER_S = 120.0
SHORT_BODY = "body shorter than its Content-Length: the connection closed before the end"


class FetchFault(Exception):
    """A response that must not be stored as a page: the message is the failure's recorded reason."""


class IncompleteResponse(FetchFault):
    pass


class RedirectLoop(FetchFault):
    stat = "redirect_loops"


class TooManyRedirects(FetchFault):
    stat = "redirect_limit"


class RetryAfterTooLong(FetchFault):
    pass


# --- incomplete bodies -------------------------------------------------------------------------------


def _inflated_to_the_end(body: bytes, wbits: int, max_size: int) -> bool | None:
    """Whether the compressed stream(s) in `body` reach their end; None when the output exceeds
    `max_size` before that (too large to check here: HttpCompressionMiddleware refuses it)."""
    size, data = 0, body
    while True:
        inflater = zlib.decompressobj(wbits)
        while not inflater.eof:
            chunk = inflater.decompress(data, INFLATE_CHUNK)
            data = inflater.unconsumed_tail
            size += len(chunk)
            if max_size and size > max_size:
                return None
            if not chunk and not data:
                return False  # every byte read, the stream not finished
        # gzip allows several members in a row; bytes after the last one are ignored, as gzip does
        data = inflater.unused_data
        if wbits != GZIP_WBITS or not data.startswith(GZIP_MAGIC):
            return True


def compressed_body_problem(body: bytes, encoding: str, max_size: int = 0) -> str | None:
    """Why a `Content-Encoding: gzip|deflate` body cannot be complete, or None."""
    # "deflate" is zlib-wrapped by the standard, raw deflate from some Microsoft servers
    formats = [GZIP_WBITS] if encoding in ("gzip", "x-gzip") else [ZLIB_WBITS, RAW_DEFLATE_WBITS]
    errors = []
    for wbits in formats:
        try:
            complete = _inflated_to_the_end(body, wbits, max_size)
        except zlib.error as error:
            errors.append(str(error))
            continue
        if complete is False:
            return f"truncated {encoding} body: its {len(body):,} bytes end before the compressed stream does"
        return None
    return f"corrupt {encoding} body ({'; '.join(errors)})"


class IncompleteBodyMiddleware:
    """Setting: DOWNLOAD_MAXSIZE bounds the check as it bounds decompression."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.max_size = crawler.settings.getint("DOWNLOAD_MAXSIZE")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IncompleteBodyMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Request | Response:
        problem = self._problem(request, response)
        return response if problem is None else self._retry_or_fail(request, problem)

    def process_exception(self, request: Request, exception: Exception, spider: Any = None) -> Request | None:
        if not isinstance(exception, ResponseDataLossError):
            return None
        return self._retry_or_fail(request, SHORT_BODY)

    def _retry_or_fail(self, request: Request, problem: str) -> Request:
        self.crawler.stats.inc_value("vnportal/incomplete_bodies")
        retry = get_retry_request(request, spider=self.crawler.spider, reason="incomplete_body")
        if retry is not None:
            return retry
        raise IncompleteResponse(f"{problem} ({request.url})")

    def _problem(self, request: Request, response: Response) -> str | None:
        if "dataloss" in response.flags:
            return SHORT_BODY
        encodings = [
            name.strip().lower()
            for value in response.headers.getlist(b"Content-Encoding")
            for name in value.decode("latin-1").split(",")
        ]
        if request.method == "HEAD" or not response.body or not encodings:
            return None
        outermost = encodings[-1]  # applied last, so it wraps the body as received
        if outermost not in ("gzip", "x-gzip", "deflate"):
            return None
        max_size = request.meta.get("download_maxsize", self.max_size)
        return compressed_body_problem(response.body, outermost, max_size)


# --- redirect loops ----------------------------------------------------------------------------------


def redirect_target(request: Request, response: Response) -> str:
    """Where a 3xx sends the request, as RedirectMiddleware computes it (without the fragment)."""
    location = response.headers[b"Location"]
    target = safe_url_string(location)
    if location.startswith(b"//"):
        target = f"{request.url.split(':', 1)[0]}:{target}"
    return urldefrag(urljoin(request.url, target)).url


class RedirectLoopMiddleware:
    """Settings: REDIRECT_ENABLED, REDIRECT_MAX_TIMES (Scrapy's own)."""

    def __init__(self, crawler: Crawler, max_times: int) -> None:
        self.crawler = crawler
        self.max_times = max_times

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedirectLoopMiddleware:
        if not crawler.settings.getbool("REDIRECT_ENABLED"):
            raise NotConfigured
        return cls(crawler, crawler.settings.getint("REDIRECT_MAX_TIMES"))

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Response:
        if response.status not in REDIRECT_STATUSES or b"Location" not in response.headers:
            return response
        if request.meta.get("dont_redirect") or request.meta.get("handle_httpstatus_all"):
            return response
        if response.status in request.meta.get("handle_httpstatus_list", ()):
            return response
        chain = [*redirected_from(request.meta), request.url]
        ttl = request.meta.get("redirect_ttl", self.max_times)
        problem = redirect_problem(chain, redirect_target(request, response), self.max_times, exhausted=ttl <= 0)
        if problem is not None:
            self.crawler.stats.inc_value(f"vnportal/{problem.stat}")
            raise problem
        return response


def redirect_problem(
    chain: list[str], target: str, max_times: int, exhausted: bool = False
) -> RedirectLoop | TooManyRedirects | None:
    """Why following `target` after the addresses of `chain` (oldest first) must stop, if it must."""
    chain = [urldefrag(url).url for url in chain]
    if urldefrag(target).url in chain:
        return RedirectLoop(f"redirect loop: {' -> '.join([*chain, target])}")
    if len(chain) > max_times or exhausted:
        return TooManyRedirects(f"more than {max_times} redirects (REDIRECT_MAX_TIMES): {chain[0]} -> … -> {target}")
    return None


# --- Retry-After -------------------------------------------------------------------------------------


def retry_after_seconds(value: bytes | None, now: datetime | None = None) -> float | None:
    """`Retry-After` as seconds to wait: delta-seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


async def pause(seconds: float) -> None:
    """Wait without blocking the reactor: other requests go on meanwhile."""
    from twisted.internet import reactor  # here: importing it installs a reactor, Scrapy chooses which

    await maybe_deferred_to_future(deferLater(reactor, seconds, lambda: None))


class RetryAfterMiddleware:
    """Settings: VNPORTAL_MAX_RETRY_AFTER (seconds, default 120); RETRY_ENABLED, RETRY_TIMES and
    RETRY_HTTP_CODES as Scrapy's RetryMiddleware reads them."""

    def __init__(self, crawler: Crawler, max_wait: float, codes: frozenset[int]) -> None:
        self.crawler = crawler
        self.max_wait = max_wait
        self.codes = codes

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        settings = crawler.settings
        if not settings.getbool("RETRY_ENABLED"):
            raise NotConfigured
        codes = RETRY_AFTER_STATUSES & {int(code) for code in settings.getlist("RETRY_HTTP_CODES")}
        return cls(crawler, settings.getfloat("VNPORTAL_MAX_RETRY_AFTER", DEFAULT_MAX_RETRY_AFTER_S), frozenset(codes))

    async def process_response(self, request: Request, response: Response, spider: Any = None) -> Request | Response:
        if response.status not in self.codes or request.meta.get("dont_retry"):
            return response
        wait = retry_after_seconds(response.headers.get(b"Retry-After"))
        if wait is None:
            return response  # RetryMiddleware retries it at once, as before
        if wait > self.max_wait:
            self.crawler.stats.inc_value("vnportal/retry_after_refused")
            raise RetryAfterTooLong(
                f"HTTP {response.status}: the server asks to retry after {wait:,.0f} s, longer than "
                f"VNPORTAL_MAX_RETRY_AFTER ({self.max_wait:,.0f} s); not retried"
            )
        retry = get_retry_request(request, spider=self.crawler.spider, reason=f"retry_after_{response.status}")
        if retry is None:
            return response  # retries used up: recorded as the HTTP error it is
        self.crawler.stats.inc_value("vnportal/retry_after_waits")
        await pause(wait)
        return retry
