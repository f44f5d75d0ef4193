"""Canonical URLs: one article under several addresses is one article."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Query parameters that track visits or carry a listing's state into article links.
DROP_PARAMS = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|zarsrc|zalo_?\w*|ref|src|source|pageindex|page|trang|p_p_state|p_p_mode|"
    r"p_p_lifecycle|p_p_col_\w+|p_p_auth|p_l_id|redirect|\w*_redirect|\w*_cur|\w*_delta|\w*_keywords|"
    r"\w*_backURL|cur|delta|l|lang|print)$",
    re.IGNORECASE,
)
_LIFERAY_ASSET = re.compile(r"(?:/-/view_content/|_assetEntryId=|/-/asset_publisher/\w+/content/)(\d+)")


def liferay_asset_id(url: str) -> str | None:
    match = _LIFERAY_ASSET.search(url)
    return match.group(1) if match else None


def normalise_url(url: str, base: str | None = None) -> str:
    """Absolute, fragment-free, with tracking and listing parameters removed."""
    url = urljoin(base, url.strip()) if base else url.strip()
    parts = urlsplit(url)
    query = [
        (key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True) if not DROP_PARAMS.match(key)
    ]
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", urlencode(query), ""))


def canonical_url(candidates: list[str | None], page_url: str | None) -> str | None:
    """The first declared canonical/og:url, else the page address, normalised."""
    for candidate in [*candidates, page_url]:
        if candidate and candidate.strip() and not candidate.strip().startswith(("javascript:", "#")):
            return normalise_url(candidate, page_url)
    return None
