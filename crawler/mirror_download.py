"""https addresses of mirrored hosts, fetched as plain http from the local mirror proxy.

A registry entry copied verbatim names `https://…` addresses; the local mirrors (the demo's, the synthetic
sites of tests and benchmarks) speak plain http. `MirrorProxyMiddleware` flags such requests; this handler
fetches them as http through the proxy and answers under the https address, so stored URLs are the
registry's. Any other request is downloaded as Scrapy always does.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.http import Response

PLAIN_META = "vnportal_mirror_plain"


class MirrorAwareDownloadHandler(HTTP11DownloadHandler):
    async def download_request(self, request: Request) -> Response:
        if not request.meta.get(PLAIN_META):
            return await super().download_request(request)
        plain = request.replace(url="http://" + request.url.split("://", 1)[1])
        response = await super().download_request(plain)
        return response.replace(url=request.url, request=request)
