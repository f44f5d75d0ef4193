"""A data-only serializer for the shared Redis frontier (`SCHEDULER_SERIALIZER = "crawler.redis_codec"`).

scrapy-redis pickles queued requests by default, so anyone who can write to that Redis runs code on every
worker that pops an entry. Entries here are JSON of `Request.to_dict(spider=...)`, bytes as base64, and
decoding accepts only what this crawler itself queues: an http(s) GET or HEAD without body or cookies, a
callback that is one of the spider's routing methods, no request class to import, and only meta keys that
carry crawl state (`vnportal_*`, depth, redirect and retry bookkeeping). Transport meta (`proxy`,
`download_slot`, ...) is not queued: the worker that pops the request sets its own. Anything else is a
`BadQueueEntry`; the frontier refuses it (log and counter), never executes or crashes on it.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Mapping
from typing import Any

import scrapy
from scrapy import Request
from scrapy.utils.request import request_from_dict

BYTES_TAG = "$b64"
PAIRS_TAG = "$pairs"
SCHEMES = ("http://", "https://")
METHODS = frozenset({"GET", "HEAD"})
CRAWL_STATE_META = frozenset(
    {"depth", "redirect_times", "redirect_ttl", "redirect_urls", "redirect_reasons", "retry_times"}
)
OWN_META_PREFIX = "vnportal_"
CALLBACK_PREFIXES = ("parse", "on_")
NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
JSON_SCALARS = (str, int, float, bool, type(None))
REQUEST_KEYS = frozenset(
    {
        "url",
        "callback",
        "errback",
        "headers",
        "body",
        "cookies",
        "meta",
        "encoding",
        "flags",
        "cb_kwargs",
        "dont_filter",
        "method",
        "priority",
    }
)


class BadQueueEntry(ValueError):
    """A frontier entry that is not a request this crawler queued."""


def is_queued_meta_key(key: str) -> bool:
    return key.startswith(OWN_META_PREFIX) or key in CRAWL_STATE_META


def _to_json(value: Any) -> Any:
    if isinstance(value, bytes):
        return {BYTES_TAG: base64.b64encode(value).decode("ascii")}
    if isinstance(value, Mapping):
        if all(isinstance(key, str) for key in value):
            return {key: _to_json(item) for key, item in value.items()}
        return {PAIRS_TAG: [[_to_json(key), _to_json(item)] for key, item in value.items()]}
    if isinstance(value, list | tuple):
        return [_to_json(item) for item in value]
    if isinstance(value, JSON_SCALARS):
        return value
    raise TypeError(f"cannot queue a {type(value).__name__} in a request")


def _from_json(value: Any) -> Any:
    if isinstance(value, list):
        return [_from_json(item) for item in value]
    if not isinstance(value, dict):
        return value
    if set(value) == {BYTES_TAG}:
        try:
            return base64.b64decode(value[BYTES_TAG], validate=True)
        except (binascii.Error, TypeError) as error:
            raise BadQueueEntry(f"bad base64: {error}") from None
    if set(value) == {PAIRS_TAG} and isinstance(value[PAIRS_TAG], list):
        pairs = value[PAIRS_TAG]
        if not all(isinstance(pair, list) and len(pair) == 2 for pair in pairs):
            raise BadQueueEntry("bad key/value pairs")
        return {_hashable(_from_json(key)): _from_json(item) for key, item in pairs}
    return {key: _from_json(item) for key, item in value.items()}


def _hashable(key: Any) -> Any:
    if not isinstance(key, str | bytes):
        raise BadQueueEntry(f"bad mapping key {key!r}")
    return key


def dumps(obj: dict[str, Any]) -> bytes:
    """JSON of a request dict; meta keeps only the crawl state that another worker needs."""
    queued = dict(obj)
    queued["meta"] = {key: value for key, value in (obj.get("meta") or {}).items() if is_queued_meta_key(key)}
    return json.dumps(_to_json(queued), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def loads(data: bytes | str) -> dict[str, Any]:
    """A request dict from a frontier entry, or `BadQueueEntry`; never imports or calls anything."""
    try:
        parsed = json.loads(data)
    except (UnicodeDecodeError, ValueError) as error:
        raise BadQueueEntry(f"not JSON ({error.__class__.__name__})") from None
    if not isinstance(parsed, dict):
        raise BadQueueEntry("not a JSON object")
    obj = _from_json(parsed)
    _check_request_dict(obj)
    return obj


def _check_request_dict(obj: dict[str, Any]) -> None:
    unknown = sorted(set(obj) - REQUEST_KEYS)
    if unknown:
        raise BadQueueEntry(f"unexpected key {unknown[0]!r}")  # "_class" included: no class is ever imported
    url = obj.get("url")
    if not isinstance(url, str) or not url.startswith(SCHEMES):
        raise BadQueueEntry(f"not an http(s) URL: {url!r}")
    if obj.get("method", "GET") not in METHODS:
        raise BadQueueEntry(f"method {obj.get('method')!r} is not GET or HEAD")
    if obj.get("body", b"") != b"" or obj.get("cookies") not in (None, {}, []):
        raise BadQueueEntry("requests with a body or cookies are never queued")
    for key in ("callback", "errback"):
        name = obj.get(key)
        if name is not None and not (isinstance(name, str) and NAME_RE.match(name)):
            raise BadQueueEntry(f"bad {key} {name!r}")
    _check_types(obj)


def _check_types(obj: dict[str, Any]) -> None:
    meta = obj.get("meta", {})
    if not isinstance(meta, dict) or not all(isinstance(k, str) and is_queued_meta_key(k) for k in meta):
        raise BadQueueEntry(f"meta keys other than crawl state: {sorted(meta) if isinstance(meta, dict) else meta}")
    cb_kwargs = obj.get("cb_kwargs", {})
    if not isinstance(cb_kwargs, dict) or not all(isinstance(v, JSON_SCALARS) for v in cb_kwargs.values()):
        raise BadQueueEntry("cb_kwargs must map names to plain values")
    headers = obj.get("headers", {})
    if not isinstance(headers, dict) or not all(
        isinstance(values, list) and all(isinstance(v, bytes) for v in values) for values in headers.values()
    ):
        raise BadQueueEntry("headers must map names to lists of values")
    if not isinstance(obj.get("priority", 0), int) or not isinstance(obj.get("dont_filter", False), bool):
        raise BadQueueEntry("bad priority or dont_filter")


def routing_callbacks(spider: scrapy.Spider) -> frozenset[str]:
    """The spider's own callbacks and errbacks (`parse*`, `on_*`): the only methods an entry may name."""
    base = set(dir(scrapy.Spider))
    return frozenset(
        name
        for name in dir(type(spider))
        if name.startswith(CALLBACK_PREFIXES) and name not in base and callable(getattr(spider, name, None))
    )


def encode_request(request: Request, spider: scrapy.Spider) -> bytes:
    return dumps(request.to_dict(spider=spider))


def decode_request(data: bytes | str, spider: scrapy.Spider) -> Request:
    """The request a frontier entry stands for, or `BadQueueEntry`."""
    obj = loads(data)
    allowed = routing_callbacks(spider)
    for key in ("callback", "errback"):
        if obj.get(key) is not None and obj[key] not in allowed:
            raise BadQueueEntry(f"{key} {obj[key]!r} is not a routing method of the spider")
    try:
        return request_from_dict(obj, spider=spider)
    except (TypeError, ValueError) as error:
        raise BadQueueEntry(f"not a request: {error}") from None
