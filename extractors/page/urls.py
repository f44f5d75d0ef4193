"""Canonical URLs: one article under several addresses is one article."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from extractors.normalize import fold_diacritics

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


# The last path segment of an article address, its words joined by "-" or "_" and an id or extension after them.
_SLUG_WORD = re.compile(r"[a-z]+\d*|\d+")
_ID_LIKE = re.compile(r"^[a-z]{0,4}\d{5,}$")  # "20210425194611054", "a123456", "post98765"
MIN_SLUG_WORDS = 5  # a shorter slug ("tin-tuc", "chi-tiet-tin", "hoa-son-2") says nothing about the headline
MIN_SLUG_SHARE = 0.75  # a slug spells its headline, maybe shortened: most of its words are there


def slug_words(url: str) -> list[str]:
    """The words of the address's slug ("…/ha-noi-co-them-5-quan-20210425.htm" -> ha noi co them 5 quan)."""
    segments = [segment for segment in urlsplit(url).path.split("/") if segment]
    if not segments:
        return []
    slug = re.sub(r"\.[a-z0-9]{1,5}$", "", segments[-1].lower())  # ".htm", ".aspx", ".txt"
    words = [word for word in re.split(r"[-_+.]+", slug) if word]
    while words and _ID_LIKE.match(words[-1]):
        words.pop()  # the article id the CMS appends
    return [word for word in words if _SLUG_WORD.fullmatch(word)]


def agrees_with_slug(line: str, url: str | None) -> bool:
    """Whether a headline candidate could be the one the address was made from (the slug spells the
    headline without marks); a slug too short to judge agrees with anything."""
    if not url:
        return True
    words = slug_words(url)
    if len(words) < MIN_SLUG_WORDS:
        return True
    present = set(re.findall(r"[a-z0-9]+", fold_diacritics(line)))
    return sum(word in present for word in words) >= MIN_SLUG_SHARE * len(words)
