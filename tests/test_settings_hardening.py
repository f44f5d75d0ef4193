"""Scrapy features that would let another local process drive the crawler stay off."""

from __future__ import annotations

from scrapy.settings import Settings

from crawler import settings as project_settings


def test_remote_control_and_telnet_are_off() -> None:
    settings = Settings()
    settings.setmodule(project_settings)
    assert settings.getbool("REMOTE_CONTROL_ENABLED") is False
    assert settings.getbool("TELNETCONSOLE_ENABLED") is False
