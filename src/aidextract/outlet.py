"""The home country of the outlet that published an article.

The press names its own country's officials without the country ("Finance Minister X" in a
Pakistani paper is Pakistan's), so an official the text leaves without one is most likely the
outlet's. The home comes from the outlet's name when it says it ("The Times of Israel", "Ministry
of Foreign Affairs of Japan"), from models/outlets.tsv for names that do not, or from the web
address's country-code domain ("yna.co.kr", "gov.uk").
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

import country_converter as coco

from .geo import actor_code, resolve_place
from .resources import read_tsv, read_words
from .schema import ORG_CODES

_WORD = re.compile(r"[A-Z][\w'’-]*")


@cache
def _outlets() -> tuple[dict[str, str], dict[str, str]]:
    """(lower-case outlet name -> code, web host -> code) from models/outlets.tsv."""
    rows = read_tsv("outlets.tsv", ("name", "country"))
    names = {r["name"].lower(): r["country"] for r in rows}
    hosts = {r["domain"].lower(): r["country"] for r in rows if r["domain"]}
    return names, hosts


def home_country(outlet: str | None, url: str | None) -> str | None:
    """ISO alpha-3 code of the outlet's country, or None (an international outlet or body)."""
    names, hosts = _outlets()
    if outlet and outlet.strip().lower() in names:
        return names[outlet.strip().lower()]
    host = (urlsplit(url).hostname or "").lower() if url else ""
    for known, code in hosts.items():
        if host == known or host.endswith("." + known):
            return code
    return (_named_country(outlet) if outlet else None) or _domain_country(host)


@cache
def _named_country(outlet: str) -> str | None:
    """The country an outlet's name says ("The Indian Chronicle", "The Washington Post"); None
    when it names a body ("UN Office for ...", "NATO Kosovo Force") or two countries."""
    words = _WORD.findall(outlet)
    codes = set()
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            code = _country_or_capital(" ".join(words[i : i + n]))
            if code in ORG_CODES:
                return None
            if code:
                codes.add(code)
        if codes:
            break
    return codes.pop() if len(codes) == 1 else None


def _country_or_capital(text: str) -> str | None:
    """Code of a country, demonym or body, or of a capital written in English ("Kyiv", not
    "Rim", which a gazetteer knows as Rome's name in other languages)."""
    code = actor_code(text)
    if code:
        return code
    place = resolve_place(text)
    return actor_code(text, capitals=True) if place and place.name == text else None


@cache
def _domain_country(host: str) -> str | None:
    """The country of a country-code domain, unless it is one sold worldwide (.io, .tv)."""
    tld = host.rsplit(".", 1)[-1] if "." in host else ""
    if len(tld) != 2 or tld in read_words("outlet_open_tlds.txt"):
        return None
    return _cctlds().get(tld)


@cache
def _cctlds() -> dict[str, str]:
    """Country-code domain -> ISO alpha-3, from country_converter's table (looked up there
    rather than converted, which logs a warning for every unknown domain such as .eu)."""
    table = coco.CountryConverter().data[["ccTLD", "ISO3"]].dropna()
    return {str(tld).strip(".").lower(): iso3 for tld, iso3 in table.itertuples(index=False)}
