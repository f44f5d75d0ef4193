"""`--set NAME=VALUE`: parsed, and checked against the type of the setting's default before the crawl starts
(Scrapy would otherwise fail mid-start with a traceback, e.g. on `DOWNLOAD_DELAY=abc`)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from scrapy.settings import Settings

from crawler.errors import ConfigurationError

PROJECT_PREFIX = "VNPORTAL_"
BOOLEAN_WORDS = ("True", "true", "False", "false", "1", "0")  # what Scrapy's getbool() accepts
CHOICES = {"LOG_LEVEL": ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG")}


def parse_setting_pairs(pairs: Iterable[str]) -> dict[str, str]:
    parsed: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise ConfigurationError(f"--set expects NAME=VALUE, got {pair!r}", "e.g. --set DOWNLOAD_DELAY=2")
        parsed[name.strip()] = value
    return parsed


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def _checker(default: Any) -> tuple[str, Callable[[str], bool]] | None:
    """What a string must look like to replace `default`: a description and a test."""
    if isinstance(default, bool):
        return "true/false (or 1/0)", lambda v: v in BOOLEAN_WORDS
    if isinstance(default, int | float):
        # Scrapy reads several int-valued defaults (DOWNLOAD_TIMEOUT, …) as floats: any number passes
        return "a number", _is_number
    if isinstance(default, dict):
        return "a JSON object", _is_json_object
    return None


def _is_json_object(value: str) -> bool:
    try:
        return isinstance(json.loads(value), dict)
    except ValueError:
        return False


def check_setting_values(overrides: Mapping[str, Any], defaults: Settings) -> list[str]:
    """Raise `ConfigurationError` for a string value that cannot be the setting's type, or an unknown
    `VNPORTAL_*` name; return warnings for names no installed component declares (a typo?)."""
    warnings = []
    for name, value in overrides.items():
        if not isinstance(value, str):
            continue  # set from code: already typed
        if name in CHOICES and value.upper() not in CHOICES[name]:
            raise ConfigurationError(f"--set {name}={value}: {name} takes one of {', '.join(CHOICES[name])}")
        if name not in defaults:
            if name.startswith(PROJECT_PREFIX):
                known = ", ".join(sorted(n for n in defaults if n.startswith(PROJECT_PREFIX)))
                raise ConfigurationError(f"--set {name}: no such vnportal setting", f"known: {known}")
            warnings.append(f"--set {name}: not a Scrapy or vnportal setting (a typo?); passed on as given")
            continue
        default = defaults[name]
        checker = _checker(default)
        if checker is not None and not checker[1](value):
            raise ConfigurationError(
                f"--set {name}={value}: {name} takes {checker[0]} (default {default!r})",
                "fix the value, or leave the setting out to keep the default",
            )
    return warnings
