"""The fault middlewares (crawler/faults.py) on single responses; tests/test_fault_crawl.py runs them in a
real crawl."""

from __future__ import annotations

import asyncio
import gzip
import zlib
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import pytest
from fault_pages import article_bytes, truncated_gzip
from scrapy import Request, Spider
from scrapy.http import HtmlResponse, Response
from scrapy.utils.test import get_crawler

from crawler.faults import (
    IncompleteBodyMiddleware,
    IncompleteResponse,
    RedirectLoop,
    RedirectLoopMiddleware,
    RetryAfterMiddleware,
    RetryAfterTooLong,
    TooManyRedirects,
    compressed_body_problem,
    retry_after_seconds,
)

URL = "http://127.0.0.1:8000/web/songlam/tin-tuc/-/view_content/4-bai"
PAGE = article_bytes()


def crawler_with(**settings: Any) -> Any:
    crawler = get_crawler(Spider, settings)
    crawler.spider = Spider.from_crawler(crawler, name="faults")
    return crawler


def gzip_response(body: bytes, request: Request | None = None, **kwargs: Any) -> Response:
    headers = {"Content-Encoding": "gzip", "Content-Type": "text/html; charset=utf-8"}
    return Response(URL, body=body, headers=headers, request=request or Request(URL), **kwargs)


# --- compressed bodies -------------------------------------------------------------------------------


def test_complete_gzip_body_has_no_problem() -> None:
    assert compressed_body_problem(gzip.compress(PAGE), "gzip") is None


def test_gzip_body_cut_short_is_truncated() -> None:
    problem = compressed_body_problem(truncated_gzip(PAGE), "gzip")
    assert problem is not None and problem.startswith("truncated gzip body")


def test_gzip_cut_inside_its_trailer_is_truncated() -> None:
    assert compressed_body_problem(gzip.compress(PAGE)[:-4], "x-gzip") is not None


def test_two_complete_gzip_members_have_no_problem() -> None:
    assert compressed_body_problem(gzip.compress(PAGE[:900]) + gzip.compress(PAGE[900:]), "gzip") is None


def test_second_gzip_member_cut_short_is_truncated() -> None:
    body = gzip.compress(PAGE[:900]) + truncated_gzip(PAGE[900:])
    assert compressed_body_problem(body, "gzip") is not None


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS], ids=["zlib", "raw"])
def test_deflate_bodies_complete_and_cut(wbits: int) -> None:
    compressor = zlib.compressobj(wbits=wbits)
    body = compressor.compress(PAGE) + compressor.flush()
    assert compressed_body_problem(body, "deflate") is None
    assert (compressed_body_problem(body[: len(body) // 2], "deflate") or "").startswith("truncated deflate")


def test_corrupt_gzip_body_says_so() -> None:
    assert (compressed_body_problem(b"\x1f\x8b\x08\x00garbage" * 20, "gzip") or "").startswith("corrupt gzip body")


def test_body_inflating_past_the_size_limit_is_left_to_http_compression() -> None:
    assert compressed_body_problem(truncated_gzip(PAGE * 50, keep=0.9), "gzip", max_size=10_000) is None


def test_truncated_gzip_response_is_retried_then_fails() -> None:
    middleware = IncompleteBodyMiddleware(crawler_with(RETRY_TIMES=1))
    retried = middleware.process_response(Request(URL), gzip_response(truncated_gzip(PAGE)))
    assert isinstance(retried, Request) and retried.meta["retry_times"] == 1
    with pytest.raises(IncompleteResponse, match="truncated gzip body"):
        middleware.process_response(retried, gzip_response(truncated_gzip(PAGE), request=retried))


def test_response_flagged_dataloss_fails() -> None:
    middleware = IncompleteBodyMiddleware(crawler_with(RETRY_TIMES=0))
    response = HtmlResponse(URL, body=PAGE[:500], flags=["dataloss"], request=Request(URL))
    with pytest.raises(IncompleteResponse, match="shorter than its Content-Length"):
        middleware.process_response(Request(URL), response)


def test_sound_gzip_response_passes_untouched() -> None:
    middleware = IncompleteBodyMiddleware(crawler_with())
    response = gzip_response(gzip.compress(PAGE))
    assert middleware.process_response(Request(URL), response) is response


# --- redirects ---------------------------------------------------------------------------------------


def redirect(request: Request, location: str) -> Response:
    return Response(request.url, status=302, headers={"Location": location}, request=request)


def hop(request: Request, to: str) -> Request:
    """The request RedirectMiddleware would send next."""
    urls = [*request.meta.get("redirect_urls", []), request.url]
    return request.replace(url=to, meta={**request.meta, "redirect_urls": urls, "redirect_times": len(urls)})


def test_redirect_back_to_the_start_is_a_loop() -> None:
    middleware = RedirectLoopMiddleware.from_crawler(crawler_with())
    second = hop(Request(URL), URL + "?lan=2")
    with pytest.raises(RedirectLoop, match=rf"redirect loop: {URL} -> {URL}\?lan=2 -> {URL}$"):
        middleware.process_response(second, redirect(second, URL))


def test_redirect_to_itself_is_a_loop() -> None:
    middleware = RedirectLoopMiddleware.from_crawler(crawler_with())
    same_page = "/web/songlam/tin-tuc/-/view_content/4-bai#top"
    with pytest.raises(RedirectLoop):
        middleware.process_response(Request(URL), redirect(Request(URL), same_page))


def test_one_redirect_more_than_the_limit_fails() -> None:
    middleware = RedirectLoopMiddleware.from_crawler(crawler_with(REDIRECT_MAX_TIMES=2))
    request = Request(URL)
    for n in (1, 2):
        assert middleware.process_response(request, redirect(request, f"{URL}?n={n}")).status == 302
        request = hop(request, f"{URL}?n={n}")
    with pytest.raises(TooManyRedirects, match="more than 2 redirects"):
        middleware.process_response(request, redirect(request, f"{URL}?n=3"))


def test_redirect_the_request_handles_itself_is_left_alone() -> None:
    middleware = RedirectLoopMiddleware.from_crawler(crawler_with())
    request = Request(URL, meta={"dont_redirect": True})
    response = redirect(request, URL)
    assert middleware.process_response(request, response) is response


# --- Retry-After -------------------------------------------------------------------------------------

NOW = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        (b"120", 120.0),
        (b" 5 ", 5.0),
        (format_datetime(NOW + timedelta(seconds=90), usegmt=True).encode(), 90.0),
        (format_datetime(NOW - timedelta(hours=1), usegmt=True).encode(), 0.0),
        (b"soon", None),
        (b"-3", None),
        (None, None),
    ],
)
def test_retry_after_is_read_as_seconds(header: bytes | None, seconds: float | None) -> None:
    assert retry_after_seconds(header, now=NOW) == seconds


def busy(seconds: str | None, status: int = 503, request: Request | None = None) -> Response:
    headers = {"Retry-After": seconds} if seconds is not None else {}
    return Response(URL, status=status, headers=headers, request=request or Request(URL))


def run(middleware: RetryAfterMiddleware, request: Request, response: Response) -> Any:
    return asyncio.run(middleware.process_response(request, response))


def test_retry_after_longer_than_the_setting_fails_with_its_reason() -> None:
    middleware = RetryAfterMiddleware.from_crawler(crawler_with(VNPORTAL_MAX_RETRY_AFTER=60))
    with pytest.raises(RetryAfterTooLong, match="retry after 3,600 s, longer than VNPORTAL_MAX_RETRY_AFTER \\(60 s\\)"):
        run(middleware, Request(URL), busy("3600"))


@pytest.mark.parametrize(
    ("response", "settings", "meta"),
    [
        (busy(None), {}, {}),  # no Retry-After: RetryMiddleware retries at once, as before
        (busy("3600", status=500), {}, {}),  # only 429 and 503 carry a Retry-After worth reading
        (busy("3600"), {"RETRY_HTTP_CODES": [500]}, {}),  # 503 not retried in this crawl
        (busy("3600"), {}, {"dont_retry": True}),
    ],
    ids=["no-header", "status-500", "503-not-retried", "dont-retry"],
)
def test_responses_retry_after_does_not_concern_pass_untouched(
    response: Response, settings: dict[str, Any], meta: dict[str, Any]
) -> None:
    middleware = RetryAfterMiddleware.from_crawler(crawler_with(**settings))
    assert run(middleware, Request(URL, meta=meta), response) is response


def test_retry_after_with_no_retry_left_returns_the_response() -> None:
    middleware = RetryAfterMiddleware.from_crawler(crawler_with(RETRY_TIMES=0))
    response = busy("1")
    assert run(middleware, Request(URL), response) is response
