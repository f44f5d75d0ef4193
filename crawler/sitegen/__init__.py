"""Synthetic portals of every CMS family, generated on request: the crawl benchmark's mirror and crawl tests.

`benchmark_specs(total)` lays out one site per family with the quirks of real copies; `SyntheticProxy`
serves sites on 127.0.0.1 as an HTTP proxy answering for their host names (like `crawler.mirror`).
"""

from __future__ import annotations

from crawler.sitegen.server import SyntheticProxy
from crawler.sitegen.site import FAMILIES, SiteSpec, SyntheticSite, Truth, TruthArticle, family_templates

BENCH_DOMAIN = "bench.test"


def benchmark_specs(total_articles: int, seed: int = 7) -> list[SiteSpec]:
    """One site per CMS family, `total_articles` between them, each with its family's quirks switched on."""
    per_site = -(-total_articles * 102 // 100 // len(FAMILIES))  # reposts and non-articles come on top
    listed_pages = {"wordpress": per_site // 30}  # older posts only in the sitemap
    unlisted_every = {"sharepoint-tandan": 25}  # some posts only in "Các tin khác"
    return [
        SiteSpec(
            cms=cms,
            host=f"{cms}.{BENCH_DOMAIN}",
            articles=per_site,
            seed=seed + n,
            site=f"site{n}",
            listed_pages=listed_pages.get(cms),
            unlisted_every=unlisted_every.get(cms, 0),
        )
        for n, cms in enumerate(FAMILIES)
    ]


def registry_entries(specs: list[SiteSpec]) -> str:
    """A registry file with one `[[portal]]` per site: only what the README asks of a user (the bundled CMS
    profiles give the link patterns)."""
    entries = []
    for spec in specs:
        starts = ", ".join(f'"{url.format(site=spec.site)}"' for url in family_templates(spec.cms)["start_urls"])
        entries.append(
            f'[[portal]]\nslug = "bench-{spec.cms}"\nname = "{spec.site_name} ({spec.cms})"\n'
            f'base_url = "{spec.scheme}://{spec.host}/"\nlevel = "district"\ncms = "{spec.cms}"\n'
            f"start_urls = [{starts}]\n"
        )
    return "\n".join(entries)


__all__ = [
    "FAMILIES",
    "SiteSpec",
    "SyntheticProxy",
    "SyntheticSite",
    "Truth",
    "TruthArticle",
    "benchmark_specs",
    "registry_entries",
]
