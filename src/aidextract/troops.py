"""Troop deployments: counts of forces sent abroad or massed, whose, where and when.

A count is a deployment when the noun it counts is a force ("10,000 troops", "a 2,000-strong
team", "5,000 military construction workers"), or, without a noun of its own, when grammar ties
it to one ("a battalion of about 800", "roughly 500 of them", "put the figure at 115,000",
"compared with about 100,000", "the remaining 800", "raise that number to 2,200"). Counts of
units ("two battalions"), equipment ("90 personnel carriers"), casualties, prisoners, crews,
forces on alert or on orders, authorised strengths and ceilings, ranges, contingencies ("if
needed", "If X sends ...", "Were X to send ..."), forces needed or promised, generic crews
("a battery is typically operated by 95"), withdrawn forces, counts inside names ("the Group
of Seven") and whole armies at home are not (models/troop_cues.tsv); a cue word of another
clause does not count. A gapped clause ("X sent 300 soldiers and Y 200") is Y's. Origin
comes from the force's own modifiers or the body it serves with, else the subject of the
clause (not of a verb of saying; a pronoun takes the nearest subject before it, "which" its
antecedent, "respectively" the n-th subject), a "Country:" list header, a headline with the
same count, or the force counted just before; UN missions are the UN's, and a formation one
country leads ("the UK-led battlegroup") the alliance's. Destination and location come from
the place phrases of the force and its clause ("most of them at X", "there", a mission's
host country, the next sentence's "They ... near X", a site abroad that a relative clause
of the force's phrase or of its owner names: "Canada, which leads the battlegroup at Camp
Adazi,"; for "the brigade", "the exercise" or "their number" where the text before put
that unit, exercise or force; an ownerless unit opening the next sentence, "The new
battalion, based in X,", gives the town of a force just sent); "near" or "around" a
country, a region, or several countries at once leave the destination null (FORMAT.md); a
force with no place goes where most forces of its origin are, else to the country its
section heading is about, or, sent or serving in a story whose placed forces are mostly in
one country, to that country. Dates of other clauses, "since" dates and future dates other
than a deadline ("by December") are not the count's. Place finding lives in troop_places,
dating in troop_dates, what they share with this module in troop_candidate.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Span, Token

from .context import ArticleContext
from .cues import Lexicon, lexicon, token_span, tree_distances
from .geo import actor_code, resolve_place
from .money import Count, qualifier_before
from .nlp import TABLE_LINE, TABLE_RULE, text_of
from .troop_candidate import (
    DESTINATION_PREPS,
    LOCATION_PREPS,
    LOCATIVE_PREPS,
    NUMERIC_LABELS,
    PARTITIVE_PRONOUNS,
    PLACE_LABELS,
    SUBJECT_DEPS,
    Candidate,
    Place,
    clause_verb,
    definite,
    earlier_level_prep,
    has_subject,
    is_partitive,
    line_bounds,
    noun_cues,
    sentences_back,
    size_word,
    troop_noun,
    troop_words,
)
from .troop_dates import assign_dates
from .troop_places import (
    find_place,
    heading_place,
    host_country,
    host_label,
    next_place,
)

LEXICON = "troop_cues.tsv"
OWNER_DEPS = ("amod", "compound", "nmod", "poss", "npadvmod", "nummod")
NOT_OWNER_PREPS = (*LOCATIVE_PREPS, "against", "toward", "towards", "over")
NOUN_PHRASE_DEPS = ("compound", "amod", "poss", "case", "det", "nmod", "pobj", "prep", "appos")
PRONOUNS = ("he", "she", "they", "it", "we")
POSSESSIVES = ("its", "their")
CONDITIONS = ("if", "unless")
INVERTING = ("were", "should", "had")
SERVE_PREPS = ("with", "under")
MODALS = ("can", "could", "may")
FUTURE_AUX = ("will", "shall", "'ll")
GENERIC_DETS = ("a", "an", "each", "every")
ALONGSIDE = ("alongside", "besides")
OWNER_MODIFIERS = ("relcl", "acl", "appos")  # clauses and appositions describing a force's owner
SITE_PREPS = ("in", "at", "near")
SITED_CUES = {"unit", "exercise"}  # nouns whose own phrase of place places the force
NOUNS = ("NOUN", "PROPN")
CLOSE, NEAR = 3, 4  # tree distances within which an exclusion cue rules a count out
NAME_LABELS = ("PRODUCT", "LOC", "WORK_OF_ART", "EVENT", "LAW")  # names of things, not owners
GAPPED_NUMBER = re.compile(r"[1-9]\d{0,2}(?:,\d{3})*")
TABLE_ROW = re.compile(r"\s*(?P<label>[^\W\d][^.\n]*?)\s*\.{3,}\s*[\d][\d.,]*\s*")


# ------------------------------------------------------------------------ is it a troop count


def counted_noun(span: Span) -> Token:
    """The noun a count counts: "10,000 troops" -> troops, "7,000 more troops" -> troops,
    "a 2,000-strong team" -> strong; a bare count ("about 115,000") is its own root."""
    root = span.root
    head = root.head
    if root.dep_ in ("nummod", "compound", "quantmod", "npadvmod") and head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        return _named_force(head)
    if size_word(head):
        return head
    if head.lower_ in troop_words("more_word") and head.head.pos_ == "NOUN" and head.head != root:
        return head.head
    if root.dep_ == "conj" and head.dep_ == "nummod" and head.head.pos_ == "NOUN":
        return head.head  # "200 and 250 soldiers"
    return root


def _named_force(head: Token) -> Token:
    """ "3,500 Kenya Defence Forces (KDF) soldiers": a count before a force's name counts the
    noun the name modifies."""
    noun = head
    while noun.pos_ == "PROPN" and noun.dep_ in ("compound", "nmod") and noun.head.i > noun.i:
        noun = noun.head
    return noun if noun.pos_ == "NOUN" else head


def cue_distances(span: Span, lex: Lexicon, noun: Token) -> dict[str, int]:
    """Nearest cues of a count, leaving out nouns coordinated with its own ("4,800 soldiers
    and some 200 civilian employees": "civilian" is the employees' word)."""
    others = {t.i for c in noun.children if c.dep_ == "conj" for t in c.subtree}
    others |= _other_clauses(noun)
    found: dict[str, int] = {}
    for i, dist in tree_distances(span, NEAR).items():
        token = span.doc[i]
        if i in others or (span.start <= i < span.end and not token.is_alpha):
            continue
        for cue in lex.cues_at(token):
            found[cue] = min(dist, found.get(cue, 99))
    return found


def _other_clauses(noun: Token) -> set[int]:
    """Tokens of coordinated or inserted clauses with subjects of their own ("15,000 soldiers
    had been sent ... and 4,700 of them had been killed": "killed" is the other clause's word;
    "the official added")."""
    verb = clause_verb(noun)
    if verb is None:
        return set()
    own = {t.i for t in verb.subtree}
    others = [c for c in verb.children if c.dep_ in ("conj", "parataxis") and has_subject(c)]
    # "11,000 troops to Russia, most of whom were deployed to Kursk, and 300 of them have
    # been killed": the parse hangs the last clause on the relative clause
    relatives = [c for c in noun.children if c.dep_ == "relcl"]
    others += [c for r in relatives for c in r.children if c.dep_ == "conj" and has_subject(c)]
    out = {t.i for c in others for t in c.subtree}
    lost = verb.dep_ == "dep" or verb.dep_ in ("conj", "advcl") and has_subject(verb)
    if lost:  # "dep": a clause the parse lost; "when the contingent numbered 700, a bomb ..."
        out |= {t.i for t in noun.sent if t.i not in own}
    return out | _beyond_semicolon(noun)


def _beyond_semicolon(noun: Token) -> set[int]:
    """ "France had 5,100 soldiers deployed; 58 were killed": a semicolon closes the count's
    clause, however the parse joins the two."""
    sent = noun.sent
    marks = [t.i for t in sent if t.text == ";"]
    before = max((i for i in marks if i < noun.i), default=sent.start - 1)
    after = min((i for i in marks if i > noun.i), default=sent.end)
    return {t.i for t in sent if not before < t.i < after}


def _hypothetical(noun: Token) -> bool:
    """ "could send up to 4,000 more if needed": a contingency, not a decided dispatch; so is
    a force sent in a condition ("If Spain sends 3,000 soldiers, ...", "Were Spain to send
    3,000 soldiers, ...")."""
    verb = clause_verb(noun)
    if verb is None:
        return False
    if any(_conditional(c) for c in verb.children if c.dep_ == "advcl"):
        return True
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return False  # "If the 5,000 troops there leave, ...": the troops are there
    clause = [verb, *(t for t in verb.ancestors if t.pos_ in ("VERB", "AUX"))][:3]
    return any(_conditional(t) or _inverted_condition(t) for t in clause)


def _able(lex: Lexicon, noun: Token) -> bool:
    """ "The UK says it can send up to 3,000 soldiers at short notice": a force a country is
    able to send, not one sent or decided."""
    verb = clause_verb(noun)
    if verb is None or "deploy" not in lex.cues_at(verb):
        return False
    return any(c.dep_ == "aux" and c.lower_ == "can" for c in verb.children)


def _conditional(verb: Token) -> bool:
    """ "if needed", "unless ...": a clause opened by a condition."""
    return any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in verb.children)


def _inverted_condition(verb: Token) -> bool:
    """ "Were Spain to send ...", "Should Spain send ...": an auxiliary opening an adverbial
    clause before its subject."""
    if verb.dep_ != "advcl" or verb.i != verb.left_edge.i or verb.lower_ not in INVERTING:
        return False
    return any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.children)


def _required(noun: Token) -> bool:
    """ "200,000 soldiers would be needed", "the 3,000 troops it needs", "the 900 personnel
    it was promised": a force wanted or owed, not one that is there."""
    if noun.dep_ in ("nsubjpass", "dobj") and noun.head.lemma_ in troop_words("need_verb"):
        return True
    for clause in (c for c in noun.children if c.dep_ in ("relcl", "acl")):
        if clause.lemma_ in troop_words("need_verb"):
            return True
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in clause.children)
        if clause.lemma_ in troop_words("promise_verb") and passive:
            return True
    return False


def _excluded_by_cues(cues: dict[str, int]) -> bool:
    """Casualties, crews, prisoners, readiness pools and armies at home."""
    if cues.get("not_troops", 99) <= CLOSE or cues.get("readiness", 99) <= NEAR:
        return True
    if cues.get("crew", 99) <= CLOSE and cues.get("deploy", 99) > NEAR:
        return True
    return cues.get("army_size", 99) <= NEAR and cues.get("deploy", 99) > CLOSE


def _crewing(lex: Lexicon, noun: Token, cues: dict[str, int]) -> bool:
    """A crew is no force sent unless the count names the crew of a deployed ship or system
    itself ("a destroyer with about 200 crew members aboard is deployed"); a crew word
    elsewhere ("a battery is crewed by 90, but the 240 troops sent operate three of them")
    rules the count out."""
    if cues.get("crew", 99) > CLOSE:
        return False
    own = any("crew" in lex.cues_at(c) for c in noun.children if c.dep_ in OWNER_DEPS)
    return not own


def _capacity(noun: Token) -> bool:
    """ "the whole force can number up to 40,000 troops", "are authorised to number 1.5
    million": a strength, not a deployment."""
    verb = noun.head
    if _allowed(noun):
        return True
    if noun.head.lower_ == "of" and noun.head.head.lemma_ in troop_words("strength_noun"):
        # "authorized the mission with a strength of up to 2,500 personnel", "its authorised
        # strength of 5,000 troops": a size allowed
        strength = noun.head.head
        if strength.lemma_ in troop_words("ceiling_noun"):
            return True  # "below the ceiling of 11,500 military personnel"
        if any(c.lower_ in troop_words("target_word") for c in strength.children):
            return True
        return any(t.lemma_ in troop_words("authorize_verb") for t in list(strength.ancestors)[:3])
    force = noun.head.head
    if (
        noun.head.lower_ == "of"
        and force.dep_ == "dobj"
        and force.head.lemma_ in troop_words("authorize_verb")
    ):
        return True  # "voted to authorize a force of up to 5,550 personnel": a ceiling
    if noun.dep_ == "attr" and any(_strength_word(c) for c in verb.children if c.dep_ == "nsubj"):
        return True  # "Its authorised ceiling is 11,826 personnel"
    if verb.lower_ == "to" and verb.head.lower_ == "up" and verb.head.dep_ == "prt":
        verb = verb.head.head  # "to field up to 11,911": "up" parsed as the verb's particle
    if verb.lemma_ not in troop_words("capacity_verb"):
        return False
    # "is authorised to have up to 2,500"
    allowed = verb.head.lemma_ in troop_words("authorize_verb")
    return allowed or verb.lemma_ == "number" and any(c.lower_ in MODALS for c in verb.children)


def _allowed(noun: Token) -> bool:
    """ "authorizing up to 500 German soldiers for Iraq", "it would allow up to 700 soldiers
    to take part": the number a mandate allows, not the number sent."""
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_ in troop_words("authorize_verb"):
        return True
    allowing = verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_ in troop_words("authorize_verb")
    return noun.dep_ == "nsubj" and allowing


def _strength_word(noun: Token) -> bool:
    """A ceiling ("its ceiling", "the cap") or an authorised strength."""
    if noun.lemma_ in troop_words("ceiling_noun"):
        return True
    authorised = any(
        c.lower_.removesuffix("d") in troop_words("authorize_verb")
        for c in noun.children
        if c.dep_ == "amod"
    )
    return noun.lemma_ in troop_words("strength_noun") and authorised


def _on_orders(lex: Lexicon, noun: Token) -> bool:
    """ "1,500 soldiers remain on prepare-to-deploy orders": forces at home on orders."""
    verb = clause_verb(noun)
    if verb is None:
        return False
    preps = (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on")
    return any("readiness" in lex.cues_at(t) for p in preps for t in p.subtree)


def _army_size(lex: Lexicon, noun: Token) -> bool:
    """ "Mali's army has grown to perhaps 40,000 troops", "the regular army has about 73,000
    soldiers" (with no place given): the size of an army at home."""
    verb = noun.head.head if noun.head.lower_ in ("to", "at") else noun.head
    owning = verb.lemma_ in troop_words("owning_verb") and noun.dep_ == "dobj" and not _placed(noun)
    # "the army, estimated at 880,000 soldiers", "the army, at about 70,000 soldiers, is"
    sized = noun.head.lower_ == "at" and not _placed(noun)
    sized = sized and (
        verb.lemma_ == "be" or verb.lemma_ in troop_words("estimate_verb") and verb.dep_ == "acl"
    )
    sizes = (*troop_words("growth_verb"), *troop_words("stay_verb"), "number")
    sizing = verb.lemma_ in sizes
    if not sizing and not owning and not sized:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "acl" or (verb.dep_ == "relcl" and _relative_subject(verb)):
        subjects.append(verb.head)  # "Austria's army, which has 22,000 soldiers"
    # "Poland's army is growing. It now numbers 200,000 soldiers": the army taken up
    taken_up = (_previous_subject(s) for s in subjects if s.lower_ in ("it", "they"))
    subjects += [s for s in taken_up if s is not None]
    # "the strength of the Belarusian army will remain at about 48,000": the army's size
    subjects += [
        o for s in subjects if s.lemma_ in troop_words("level_noun") for o in _of_objects(s)
    ]
    return any(noun_cues(lex, s) & {"army", "army_size"} for s in subjects)


def _relative_subject(verb: Token) -> bool:
    """Whether a relative clause's subject is its relative pronoun ("which has")."""
    return any(c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in verb.children)


def _previous_subject(pronoun: Token) -> Token | None:
    """The subject of the main verb of the sentence before a pronoun's."""
    sent = _previous_sentence(pronoun)
    if sent is None:
        return None
    return next((c for c in sent.root.children if c.dep_ == "nsubj"), None)


def _of_objects(noun: Token) -> list[Token]:
    """The objects of the "of" phrases of a noun: "the strength of the army" -> army."""
    return [o for p in noun.children if p.lower_ == "of" for o in _prep_pobjs(p)]


def _placed(noun: Token) -> bool:
    """Whether a place phrase hangs on the force or its verb ("5,000 soldiers in Latvia")."""
    tokens = [*noun.children, *noun.head.children]
    return any(t.dep_ == "prep" and t.lower_ in (*LOCATION_PREPS, "to") for t in tokens)


def _range(span: Span) -> bool:
    """ "anywhere between 10,000 and 30,000 troops": a range states no one count."""
    first = span.root.head if span.root.dep_ == "conj" else span.root  # "and 30,000"
    start = max(min(span.start, first.left_edge.i) - 1, 0)
    return any(t.lower_ == "between" for t in span.doc[start : span.start + 1])


def _generic_crew(lex: Lexicon, noun: Token) -> bool:
    """ "A THAAD battery is typically operated by about 95 soldiers": the crew any such system
    has, not a force sent (FORMAT.md); "the battery in Israel is operated by 100 US soldiers"
    is one."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "agent":
        return False
    verb = noun.head.head
    if any("habitual" in lex.cues_at(c) for c in verb.children if c.dep_ == "advmod"):
        return True
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    generic = any(d.lower_ in GENERIC_DETS for s in subjects for d in s.children)
    return generic and any(c.tag_ in ("VBZ", "VBP") for c in verb.children if c.dep_ == "auxpass")


def _governed_out(lex: Lexicon, noun: Token) -> bool:
    """ "the withdrawal of its roughly 2,000-strong contingent", "the losses of the 800-strong
    battalion", "put the death toll at 50 soldiers": a force, however far its count stands,
    that a casualty or withdrawal word governs."""
    force = noun.head if size_word(noun) else noun
    governor = force.head.head if force.head.lower_ == "of" else force.head
    if force.dep_ in ("pobj", "dobj") and "not_troops" in lex.cues_at(governor):
        return True
    # "put the death toll at 50 soldiers": the figure put on the force is a casualty word's
    return any("not_troops" in lex.cues_at(o) for o in _estimated_objects(force))


def _gone_out(noun: Token) -> bool:
    """ "a Pakistani battalion whose last 300 soldiers flew out of Kavumu": a force leaving
    a place abroad, with nowhere it goes named; leaving home ("300 Rwandan troops flew out
    of Kigali") or "out of Germany to Poland" is a dispatch."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass", "dobj") or verb.pos_ != "VERB":
        return False
    outs = [c for c in verb.children if c.lower_ == "out" and c.dep_ in ("prt", "prep", "advmod")]
    left = [o for x in [verb, *outs] for p in x.children if p.lower_ == "of" for o in p.children]
    if not outs or not left or any(c.lower_ in DESTINATION_PREPS for c in verb.children):
        return False
    home = _home_of(noun)
    return home is not None and all(_country_of(o) != home for o in left if o.dep_ == "pobj")


def _sent_home(noun: Token) -> bool:
    """ "sent home about 5,000 soldiers", "500 troops were flown home": a force gone home
    is withdrawn, not sent; one that "will return home" is still deployed."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass", "dobj") or verb.pos_ != "VERB":
        return False
    future = any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children)
    return not future and any(_home_word(c) for c in verb.children)


def _home_word(token: Token) -> bool:
    """ "sent home", not the "home to its base" of an apposition after a comma."""
    if token.lower_ != "home" or token.dep_ not in ("advmod", "npadvmod") or token.i == 0:
        return False
    return token.n_lefts + token.n_rights == 0 and token.nbor(-1).text != ","


def _home_of(noun: Token) -> str | None:
    """The country a force's own adjective or name says it is from ("Pakistani soldiers",
    "a Pakistani battalion whose soldiers")."""
    owners = [noun]
    if any(c.lower_ == "whose" for c in noun.children) and noun.head.dep_ == "relcl":
        owners.append(noun.head.head)
    mods = (c for o in owners for c in o.children if c.dep_ in ("amod", "compound", "poss"))
    return next(filter(None, (actor_code(m.text) for m in mods if m.is_title)), None)


def _country_of(place: Token) -> str | None:
    """The country of a place name, None if the gazetteer does not know it."""
    found = resolve_place(place.doc[place.left_edge.i : place.i + 1].text)
    return found.country if found else None


def _trained(noun: Token) -> bool:
    """ "4,000 Ukrainian soldiers have been trained in Lithuania", "to recruit 6,000 new
    soldiers": trainees and recruits, not a force sent."""
    return noun.dep_ in ("nsubjpass", "dobj") and noun.head.lemma_ in troop_words("train_verb")


def _bare_is_troops(
    lex: Lexicon, root: Token, accepted: list[Candidate], cues: dict[str, int]
) -> Candidate | None:
    """Whether a count without a noun of its own counts a force; returns the count it
    refers back to (or _STANDALONE) so that place and date can be inherited. The ties to a
    force are tried in turn: a part of one ("500 of them"), a unit's members ("a battalion
    of 800"), an estimate ("put the figure at 115,000"), a comparison, a force named before."""
    same_sentence = [c for c in accepted if c.span.sent == root.sent]
    earlier = [c for c in accepted if c.span.sent.start < root.sent.start]
    if _partitive_count(lex, root):
        if not _antecedent_is_troops(lex, root):
            return None  # "800 soldiers and 30 helicopters, 20 of them from Germany"
        whole = _coordinated_whole(lex, root, same_sentence)
        return whole or (same_sentence[-1] if same_sentence else _STANDALONE)
    whole = _coordinated_whole(lex, root, same_sentence)
    if whole is not None:
        return whole
    if _members_of_unit(lex, root):
        return _STANDALONE
    for obj in _estimated_objects(root):
        obj_cues = noun_cues(lex, obj)
        if "troops" in obj_cues or "unit" in obj_cues:
            return _STANDALONE
        if "estimate" in obj_cues and _of_others(lex, obj):
            return None  # "put the number of North Korean deaths at around 300"
        if "estimate" in obj_cues and (same_sentence or earlier):
            return same_sentence[-1] if same_sentence else _STANDALONE
    if root.dep_ == "pobj" and root.head.head.lemma_ == "compare" and (same_sentence or earlier):
        return _compared_with(root, same_sentence, earlier)
    return _refers_back(lex, root, same_sentence, earlier, cues)


def _partitive_count(lex: Lexicon, root: Token) -> bool:
    """ "500 of them", "about 1,700 of the soldiers": a count of a part of a force."""
    on_head = root.dep_ in ("nummod", "nsubj") and is_partitive(lex, root.head)
    return is_partitive(lex, root) or on_head


def _coordinated_whole(
    lex: Lexicon, root: Token, same_sentence: list[Candidate]
) -> Candidate | None:
    """The force of this sentence a bare count is set beside or coordinated with, or whose
    part it is coordinated with ("..., half of them on Okinawa, and 28,500 in South Korea")."""
    head = root.head
    if root.dep_ in ("appos", "conj") and any(c.noun == head for c in same_sentence):
        return next(c for c in same_sentence if c.noun == head)
    if root.dep_ != "conj" or not same_sentence:
        return None
    part = is_partitive(lex, head) and _antecedent_is_troops(lex, head)
    return same_sentence[-1] if part else None


def _members_of_unit(lex: Lexicon, root: Token) -> bool:
    """ "a battalion of about 800": the members of a unit or force, named by a common noun
    ("the Group of Seven" is a name)."""
    if root.dep_ != "pobj" or root.head.lower_ != "of" or root.pos_ != "NUM":
        return False
    owner = root.head.head
    return owner.pos_ == "NOUN" and ("unit" in noun_cues(lex, owner) or troop_noun(lex, owner))


def _estimated_objects(root: Token) -> list[Token]:
    """What a figure "at" a bare count is put on: "put the figure at 115,000" -> figure,
    "the deployment, estimated at about 11,000" -> deployment."""
    at = root.head
    if root.dep_ != "pobj" or at.lower_ != "at":
        return []
    verb = at.head
    estimates = troop_words("estimate_verb")
    if verb.dep_ == "acl":
        objects = [verb.head] if verb.head.head.lemma_ in estimates else []
        if verb.lemma_ in estimates:
            objects.append(verb.head)
        return objects
    if verb.lemma_ in estimates:
        return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return []


def _compared_with(
    root: Token, same_sentence: list[Candidate], earlier: list[Candidate]
) -> Candidate | None:
    """ "190,000 ..., compared with 100,000": the force last counted, when the last number
    before the count is that force's (not "65 lorries a day ..., compared with about 500")."""
    compared = same_sentence[-1] if same_sentence else earlier[-1]
    if not _last_count_is(root, compared):
        return None
    return compared if same_sentence else _STANDALONE


def _refers_back(
    lex: Lexicon,
    root: Token,
    same_sentence: list[Candidate],
    earlier: list[Candidate],
    cues: dict[str, int],
) -> Candidate | None:
    """A bare count standing for a force counted before: its earlier level, more of it, a
    part of it somewhere named, what remains of it or its new size."""
    if same_sentence and _earlier_level(root):
        return same_sentence[-1]  # "about 11,000 troops ..., up from roughly 8,000 in January"
    if _earlier_level(root) and _presence_subject(lex, root):
        return _STANDALONE  # "The US presence in the region is down from a peak of 50,000"
    if same_sentence and any(_adds(c) for c in root.children):
        return same_sentence[-1]  # "12,000 troops ..., and another 2,000 ..."
    if earlier and _says_more(root) and cues.get("deploy", 99) <= CLOSE:
        return _STANDALONE  # "Kenya sent about 200 more in January."
    if _present_at(root) and _just_before(root, earlier):
        return earlier[-1]  # "40,000 US troops are in the region. About 2,500 are in Iraq"
    if root.dep_ == "conj" and same_sentence and _present_at(same_sentence[-1].span.root):
        return same_sentence[-1]  # "About 2,500 are in Iraq and about 900 in Syria"
    if same_sentence and _sending_subject(lex, root) and _last_count_is(root, same_sentence[-1]):
        return same_sentence[-1]  # "4,000 soldiers are in Iraq, while 10,000 are deployed in Syria"
    if same_sentence and _placed_alongside(root, same_sentence[-1]):
        return same_sentence[-1]  # "2,500 troops were deployed in Iraq, alongside 900 in Syria"
    if same_sentence and _country_has(root) and _last_count_is(root, same_sentence[-1]):
        return _STANDALONE  # "Indonesia has 1,230 troops; Italy, ..., has more than 1,000"
    return _takes_up(lex, root, same_sentence or earlier[-1:])


def _placed_alongside(root: Token, cand: Candidate) -> bool:
    """ "were deployed in Iraq, alongside roughly 900 in Syria": a bare count with a place of
    its own set beside a force by the force's verb is more of that force elsewhere."""
    beside = root.head
    if root.dep_ != "pobj" or beside.lower_ not in ALONGSIDE or beside.head != cand.noun.head:
        return False
    return any(c.dep_ == "prep" and c.lower_ in LOCATION_PREPS for c in root.children)


def _country_has(root: Token) -> bool:
    """ "Italy, which commands the western sector, has more than 1,000": a country's share
    after a force counted in the same sentence, its noun left out."""
    verb = root.head
    if root.dep_ != "dobj" or verb.lemma_ != "have":
        return False
    subjects = (c for c in verb.children if c.dep_ == "nsubj")
    return any(s.ent_type_ == "GPE" or _country_name(s) for s in subjects)


def _sending_subject(lex: Lexicon, root: Token) -> bool:
    """A bare count that is the subject of a verb of sending or stationing."""
    verb = root.head
    return root.dep_ in ("nsubj", "nsubjpass") and "deploy" in lex.cues_at(verb)


def _of_others(lex: Lexicon, noun: Token) -> bool:
    """Whether "the number of X" counts something other than a force (deaths, drones)."""
    return any(
        o.pos_ == "NOUN" and not troop_noun(lex, o) and "unit" not in noun_cues(lex, o)
        for o in _of_objects(noun)
    )


def _present_at(root: Token) -> bool:
    """ "About 2,500 are in Iraq": a bare count that is somewhere named."""
    if root.dep_ != "nsubj" or root.head.lemma_ != "be":
        return False
    preps = (c for c in root.head.children if c.dep_ == "prep" and c.lower_ in LOCATION_PREPS)
    return any(o.ent_type_ in PLACE_LABELS for p in preps for o in p.children if o.dep_ == "pobj")


def _just_before(root: Token, earlier: list[Candidate]) -> bool:
    """Whether the last force counted before is in the sentence just before `root`'s."""
    return bool(earlier) and earlier[-1].span.sent.end == root.sent.start


def _says_more(root: Token) -> bool:
    """ "200 more", "another 2,000": a count adding to a force named before."""
    return any(_adds(t) for t in [*root.children, root.head])


def _adds(token: Token) -> bool:
    """ "2,000 more", "another 2,000", not the qualifier of "more than 1,000"."""
    if token.lower_ not in troop_words("more_word"):
        return False
    return token.i + 1 >= len(token.doc) or token.nbor().lower_ != "than"


def _takes_up(lex: Lexicon, root: Token, before: list[Candidate]) -> Candidate | None:
    """A count standing for a force counted before: what remains of it ("The remaining 800
    are due to leave", "About 1,500 remain around Uvira"), or its new size ("would bring it
    to about 2,800", "raise that number to as many as 2,200")."""
    if not before:
        return None
    stays = root.dep_ == "nsubj" and root.head.lemma_ in troop_words("stay_verb")
    if stays or any(
        c.lemma_ in troop_words("stay_verb") and c.dep_ == "amod" for c in root.children
    ):
        # "Some 220 of them have been withdrawn, and the remaining 120": the rest of the
        # force whose part was just counted
        return before[-1] if _last_count_is(root, before[-1], lex) else None
    return before[-1] if _last_count_is(root, before[-1]) and _raised_to(root) else None


def _last_count_is(root: Token, cand: Candidate, parts: Lexicon | None = None) -> bool:
    """Whether the last number before `root` (in its sentence or the one before) is `cand`'s:
    "armed forces number 200,000 ..., and the government wants to raise that to 300,000"
    takes up the army, not a force counted earlier. With `parts`, a part of a force ("220
    of them") is passed over."""
    for tok in reversed(root.doc[sentences_back(root) : root.i]):
        if tok.pos_ == "NUM" and tok.ent_type_ != "DATE" and any(c.isdigit() for c in tok.text):
            if parts is not None and is_partitive(parts, tok):
                continue
            return cand.span.start <= tok.i < cand.span.end
    return True


def _raised_to(root: Token) -> bool:
    """ "increase its contribution to up to 2,500", "bring it to about 2,800"."""
    to = root.head
    if to.lower_ == "as" and to.head.lower_ == "many":  # "to as many as 2,200"
        to = to.head.head
    if to.lower_ == "to" and to.head.lower_ == "up" and to.head.head.lower_ == "to":
        to = to.head.head  # "to up to 2,500"
    verb = to.head.head if to.head.dep_ == "dobj" else to.head  # "its contribution to 900"
    if root.dep_ not in ("pobj", "nummod") or to.lower_ != "to":
        return False
    return verb.lemma_ in troop_words("raise_verb") or _level_grows(verb)


def _level_grows(verb: Token) -> bool:
    """ "its strength will rise to about 5,300": a force's level growing to a new size."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return verb.lemma_ in troop_words("growth_verb") and any(
        s.lemma_ in troop_words("level_noun") for s in subjects
    )


def _antecedent_is_troops(lex: Lexicon, root: Token) -> bool:
    """ "six of them" refers to troops only when the plural noun it takes up, the last one
    before it in this or the previous sentence, is a troop noun ("Russia sent 10,000 troops.
    Some 2,000 of them ..."; not "troop counts ... This brief sets out six of them")."""
    pronoun = next(
        (o for p in root.children if p.lower_ in ("of", "from") for o in p.children), None
    )
    if pronoun is None or pronoun.lower_ not in PARTITIVE_PRONOUNS:
        return True  # "500 of the soldiers": the noun is there
    plurals = [
        t
        for t in root.doc[sentences_back(root) : root.i]
        if t.tag_ in ("NNS", "NNPS")
        and t.ent_type_ not in NUMERIC_LABELS  # "Two days later"; not "the Marines"
        and not (t.dep_ in ("nsubj", "dobj") and "speech" in lex.cues_at(t.head))
        and not _inside_name(t)
    ]  # "US officials said about 8,000 of them", "told reporters": not what "them" takes up
    return bool(plurals) and troop_noun(lex, plurals[-1])


def _inside_name(token: Token) -> bool:
    """ "the Operational Group of Russian Forces": a plural closing a longer name is part of
    the name, not a noun a pronoun takes up."""
    prep = token.head
    return token.tag_ == "NNPS" and prep.lower_ == "of" and prep.head.pos_ == "PROPN"


def _presence_subject(lex: Lexicon, root: Token) -> bool:
    """Whether the clause of `root` is about a force's presence ("the US presence")."""
    verb = clause_verb(root)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] if verb is not None else []
    return any("presence" in noun_cues(lex, s) for s in subjects)


def _earlier_level(root: Token) -> bool:
    """ "up from roughly 8,000", "down from a peak of nearly 1,700": the same force's
    earlier size."""
    tok = root
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and tok.head.head.lemma_ in troop_words("level_noun")
    ):
        tok = tok.head.head
    return tok.dep_ == "pobj" and tok.head.lower_ == "from" and earlier_level_prep(tok.head)


def _number_of_troops(lex: Lexicon, root: Token) -> Token | None:
    """ "keeps the number of US troops in Poland at roughly 10,000", "bringing the number of
    US troops ... to roughly 200": the force whose number a bare count gives."""
    if root.dep_ != "pobj" or root.head.lower_ not in ("at", "to", "from"):
        return None
    verb = root.head.head
    if verb.lower_ in ("close", "near") and verb.head.lemma_ == "be":
        verb = verb.head  # "the number of Indian personnel there is now close to 300"
    # "the number of US troops rose from 80,000 to ..."
    growth = verb.lemma_ in troop_words("growth_verb")
    if root.head.lower_ == "from" and not growth:
        return None
    for anc in list(root.head.ancestors)[:5]:  # "to" misattached under the troops' own clause
        of_level = anc.head.lower_ == "of" and anc.head.head.lemma_ in troop_words("level_noun")
        if anc.dep_ == "pobj" and of_level and troop_noun(lex, anc):
            return anc
    deps = ("dobj", "nsubj") if growth or verb.lemma_ == "be" else ("dobj",)
    for obj in verb.children:
        if obj.dep_ in deps and obj.lemma_ in troop_words("level_noun"):
            troops = _of_troops(lex, obj)
            if troops is not None:
                return troops
    if (
        root.head.lower_ == "at"
        and verb.lemma_ in troop_words("estimate_verb")
        and verb.dep_ == "acl"
    ):
        # "the deployment of North Korean troops, estimated at about 11,000"
        return _of_troops(lex, verb.head) if "deploy" in noun_cues(lex, verb.head) else None
    return None


def _of_troops(lex: Lexicon, noun: Token) -> Token | None:
    """The troop noun of an "of" phrase: "the number of US troops" -> troops."""
    for prep in (c for c in noun.children if c.lower_ == "of"):
        troops = [o for o in prep.children if troop_noun(lex, o)]
        if troops:
            return troops[0]
    return None


def _numbering_people(root: Token) -> Token | None:
    """ "the Russians number perhaps 300": a people counted by the verb "number" (parsed as
    a verb with a subject or as a noun with a compound)."""
    verb = root.head
    if verb.lemma_ != "number" or root.dep_ not in ("dobj", "attr", "appos", "npadvmod"):
        return None
    people = [c for c in verb.children if c.dep_ in ("nsubj", "compound")]
    return next((p for p in people if p.tag_ == "NNPS" or p.ent_type_ == "NORP"), None)


# what _bare_is_troops returns for a bare count of a force that takes up no count before it
_STANDALONE = Candidate(count=None, span=None, noun=None)  # type: ignore[arg-type]


def _table_row(doc, char: int) -> tuple[str, int, int] | None:
    """ "Italy ........ 1,140" or "| Kenya | 735 police officers | 25 June 2024 |" in a table:
    the row's label and the character range of the table's heading, the last line before it
    that is no row (with a pipe table's header row: "| Contributing country | Personnel |")."""
    text = text_of(doc)
    start, end = line_bounds(text, char)
    label = _row_label(text[start:end], char - start)
    if label is None:
        return None
    header_end = None
    while start > 0:
        prev = text.rfind("\n", 0, start - 1) + 1
        line = text[prev : start - 1]
        if TABLE_LINE.fullmatch(line) and not TABLE_RULE.fullmatch(line):
            header_end = start - 1  # the first row of a pipe table names its columns
        if line.strip() and not TABLE_ROW.fullmatch(line) and not TABLE_LINE.fullmatch(line):
            return label, prev, header_end or start - 1
        start = prev
    return None


def _row_label(line: str, offset: int) -> str | None:
    """A table row's label: the text before a dot leader, or a pipe row's first cell when the
    count stands in a later one."""
    match = TABLE_ROW.fullmatch(line)
    if match is not None:
        return match["label"]
    if not TABLE_LINE.fullmatch(line) or TABLE_RULE.fullmatch(line):
        return None
    first = line.index("|") + 1
    bar = line.find("|", first)
    label = line[first:bar].strip()
    return label if offset > bar and any(ch.isalpha() for ch in label) else None


def _heading(doc, row: tuple[str, int, int]) -> Span | None:
    """The heading line of a table row's table, as a span."""
    return doc.char_span(row[1], row[2], alignment_mode="expand")


def _troop_table(lex: Lexicon, span: Span) -> Candidate | None:
    """A row of a table whose heading counts forces ("contributing nations - troops in
    theatre"): the row's label is the force's owner."""
    row = _table_row(span.doc, span.start_char)
    heading = _heading(span.doc, row) if row else None
    if heading is None or not any(troop_noun(lex, t) for t in heading):
        return None
    return Candidate(None, span, span.root, row=row)


def _counted_force(
    lex: Lexicon, span: Span, noun: Token, accepted: list[Candidate], cues: dict[str, int]
) -> Candidate | None:
    """A count with a noun of its own: a force noun, "N-strong", a country's share in a
    gapped clause ("Chile sent 300 soldiers and Peru 200"), or a verb the parse took for the
    counted noun ("Of those, around 1,000 rotate through Lithuania")."""
    if "unit" in noun_cues(lex, noun) and not size_word(noun):
        return None
    if _sized_force(lex, noun) or troop_noun(lex, noun) or _gapped_share(noun, accepted):
        return Candidate(None, span, noun, cues=cues)
    if noun.pos_ == "NOUN" and "deploy" in noun_cues(lex, noun) and is_partitive(lex, noun):
        parent = _bare_is_troops(lex, span.root, accepted, cues)
        if parent is not None:
            return Candidate(None, span, noun, parent=None if parent is _STANDALONE else parent)
    return None


def _sized_force(lex: Lexicon, noun: Token) -> bool:
    """ "a 2,000-strong force", "a 118-member team" (a unit; not "a 12-member bloc")."""
    return size_word(noun) and (noun.lower_ == "strong" or "unit" in noun_cues(lex, noun.head))


def _gapped_share(noun: Token, accepted: list[Candidate]) -> bool:
    """ "Chile has sent 300 soldiers, and Peru 200": a country coordinated with the force or
    its verb, with a count of its own, stands for the same force noun."""
    if noun.pos_ != "PROPN" or noun.dep_ != "conj" or not _country_name(noun):
        return False
    first = noun.head
    return any(c.noun == first or clause_verb(c.noun) == first for c in accepted)


def _country_name(token: Token) -> bool:
    """A country's name (the NER leaves some unlabelled: "and Belize 50")."""
    return token.pos_ == "PROPN" and token.is_title and actor_code(token.text) is not None


def _ruled_out(lex: Lexicon, span: Span, noun: Token, cues: dict[str, int]) -> bool:
    """Counts of people that are no force sent or massed, whatever noun they have:
    casualties and crews, strengths allowed, trainees, contingencies, ranges, forces needed
    or on orders, generic crews, forces able to go, withdrawn or sent home, armies at home,
    and tallies over many missions."""
    return (
        _excluded_by_cues(cues)
        or _crewing(lex, noun, cues)
        or _capacity(noun)
        or _trained(noun)
        or _hypothetical(noun)
        or _range(span)
        or _required(noun)
        or _on_orders(lex, noun)
        or _generic_crew(lex, noun)
        or _able(lex, noun)
        or _governed_out(lex, noun)
        or _gone_out(noun)
        or _sent_home(noun)
        or _army_size(lex, noun)
        or _to_many_missions(lex, noun)
    )


def _to_many_missions(lex: Lexicon, noun: Token) -> bool:
    """ "Since 1990 it has sent more than 50,000 peacekeepers to over 20 UN missions": a
    tally of the rotations to a number of missions over the years, not one force sent."""
    if noun.dep_ != "dobj" or not _since_clause(noun.head):
        return False
    preps = [c for h in (noun, noun.head) for c in h.children if c.dep_ == "prep"]
    places = [o for p in preps if p.lower_ in DESTINATION_PREPS for o in _prep_pobjs(p)]
    counted = (o for o in places if any(c.dep_ == "nummod" for c in o.children))
    return any(o.tag_ == "NNS" and "mission" in noun_cues(lex, o) for o in counted)


def _since_clause(verb: Token) -> bool:
    """A verb with a "since" phrase or clause: a period running to now."""
    marks = (m for c in verb.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark")
    return any(c.lower_ == "since" and c.dep_ == "prep" for c in verb.children) or any(
        m.lower_ == "since" for m in marks
    )


def classify(lex: Lexicon, span: Span, accepted: list[Candidate]) -> Candidate | None:
    """A Candidate when the count at `span` counts forces, else None."""
    if _table_row(span.doc, span.start_char):
        return _troop_table(lex, span)
    noun = counted_noun(span)
    cues = cue_distances(span, lex, noun)
    if _ruled_out(lex, span, noun, cues):
        return None
    if noun != span.root:
        return _counted_force(lex, span, noun, accepted, cues)
    troops = _number_of_troops(lex, span.root) or _numbering_people(span.root)
    if troops is not None:
        return Candidate(None, span, troops, cues=cues)
    parent = _bare_is_troops(lex, span.root, accepted, cues)
    if parent is None:
        return None
    return Candidate(None, span, noun, parent=None if parent is _STANDALONE else parent, cues=cues)


# ------------------------------------------------------------------------------------ origin


def _locative(token: Token, top: Token | None = None) -> bool:
    """A token inside a place phrase ("in Russia's Kursk region", "from Germany") below
    `top`, the noun whose owner is sought."""
    for anc in [token, *token.ancestors]:
        if anc == top:
            return False
        if anc.dep_ == "pobj" and anc.head.lower_ in NOT_OWNER_PREPS and anc.head.lower_ != "of":
            return True
        if anc.dep_ == "conj" and anc.pos_ == "PROPN":
            continue  # "in Estonia, Latvia, Lithuania and Poland": all in the place phrase
        if anc.dep_ not in NOUN_PHRASE_DEPS:
            return False
    return False


def _actor_in(ctx: ArticleContext, lex: Lexicon, tokens, top: Token | None = None) -> str | None:
    """The first owner `tokens` name (a named force, an actor's name or adjective), passing
    over words inside place phrases (below `top`) and names of things, which own nothing."""
    for tok in tokens:
        if _locative(tok, top):
            continue
        cues = lex.cues_at(tok)
        for cue in cues:
            if cue.startswith("origin="):
                return cue.removeprefix("origin=")
        if tok.ent_type_ in NAME_LABELS:
            continue  # "the cruiser USS Philippine Sea", "the Red Sea": no owner in a name
        if "nato" in cues and tok.ent_type_ == "ORG":
            return "NATO"  # "Multinational Brigade Latvia": the host's name is not the owner
        code = ctx.actors.of_token(tok)
        if code and (tok.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or tok.pos_ == "ADJ"):
            return code
        if tok.pos_ in ("PROPN", "ADJ") and tok.is_title:
            code = actor_code(tok.text)  # a name inside a longer entity ("Parliament of Hungary")
            if code:
                return code
    return None


def _of_chain(token: Token):
    """Tokens of the "of" phrases under `token`: "fighters of the Russian Africa Corps"."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            yield from prep.subtree


def _own_origin(
    ctx: ArticleContext, lex: Lexicon, cand: Candidate, serving: bool = True
) -> str | None:
    """Whose the force is, by its own words: "North Korean troops", "500 of them German"."""
    noun, root = cand.noun, cand.span.root
    outside = (c for c in noun.children if not cand.span.start <= c.i < cand.span.end)
    mods = [c for c in outside if c.dep_ in OWNER_DEPS]
    mods += [c for c in root.children if c.pos_ in ("ADJ", "PROPN")]
    if root.dep_ == "nsubj" and root.head.pos_ == "ADJ":
        mods.append(root.head)  # "roughly 900 of them British"
    if noun.head.dep_ == "prep" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        unit = noun.head.head  # "a US armoured brigade of some 3,500 soldiers"
        mods += [c for c in unit.children if c.dep_ in OWNER_DEPS]
    if noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.pos_ in NOUNS:
        ship = noun.head.head  # "the carrier USS Eisenhower, with 5,000 sailors", "the German
        # frigate Hessen, with about 240 sailors on board": the ship's navy
        mods += [c for c in ship.children if c.dep_ in (*OWNER_DEPS, "appos")]
    if noun.dep_ == "appos" and "unit" in noun_cues(lex, noun.head):
        # "the Danish battalion, roughly 700 troops": the unit's owner
        mods += [c for c in noun.head.children if c.dep_ in OWNER_DEPS]
    tokens = [t for m in mods for t in m.subtree] + list(_of_chain(noun))
    if noun.pos_ == "PROPN" and noun != root:
        tokens.append(noun)  # "the Russians number perhaps 300"
    if size_word(noun):
        tokens += [t for t in noun.head.subtree if t.i < noun.i]
    own = _actor_in(ctx, lex, tokens)
    if own is None and size_word(noun):
        # "an 85-member team of the Indian Army's field hospital": the unit's owner, even
        # where the unit stands in a phrase of place ("On the request of ..., a team of")
        own = _actor_in(ctx, lex, _of_chain(noun.head), top=noun.head)
    return (own or _actor_in(ctx, lex, _serving_words(noun))) if serving else own


def _serving_words(noun: Token) -> list[Token]:
    """Words naming the body a force serves in, after its own modifiers: "Italy, with 1,000
    troops in the mission", "peacekeepers serving with the UN's force", "the peacekeepers,
    UNIFIL"."""
    tokens = []
    if noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.pos_ == "PROPN":
        tokens.append(noun.head.head)
    for child in noun.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            tokens.append(child)
        elif child.dep_ == "acl":
            preps = (p for p in child.children if p.dep_ == "prep" and p.lower_ in SERVE_PREPS)
            tokens += [t for p in preps for t in p.subtree]
    return tokens


def _adjective_origin(ctx: ArticleContext, lex: Lexicon, cand: Candidate) -> str | None:
    """ "500 of them German", "roughly 900 of them British": a part's own owner."""
    root = cand.span.root
    mods = [c for c in root.children if c.pos_ == "ADJ"]
    if root.dep_ == "nsubj" and root.head.pos_ == "ADJ":
        mods.append(root.head)
    return _actor_in(ctx, lex, mods)


def _subject_origin(ctx: ArticleContext, lex: Lexicon, subject: Token) -> str | None:
    """Whose forces a clause's subject says they are: what a pronoun or "the country"
    takes up, the actor it names, NATO, or the owner of the unit it takes up."""
    if subject.lower_ in PRONOUNS:
        return _pronoun_actor(ctx, lex, subject)
    if subject.lemma_ == "country" and definite(subject):
        return ctx.country_before(subject)  # "The country has deployed 3,000 ..."
    if _led_formation(lex, subject):
        return _multinational_owner(lex, subject)
    code = _actor_in(ctx, lex, subject.subtree) or _capital_subject(subject)
    if code:
        return code
    if any("nato" in lex.cues_at(t) for t in subject.subtree):
        return "NATO"
    owner = next((c for c in subject.children if c.lower_ in POSSESSIVES), None)
    if owner is not None and owner.dep_ == "poss":
        return _pronoun_actor(ctx, lex, owner)  # "Brazil has ... Its army sent ..."
    return _unit_antecedent(ctx, lex, subject)


def _led_formation(lex: Lexicon, subject: Token) -> bool:
    """ "The UK-led battlegroup at Tapa", "the Kenya-led Multinational Security Support
    mission": a multinational formation one country leads is the alliance's or the UN's, not
    the leader's."""
    led = any(c.dep_ == "amod" and c.lower_.endswith("led") for c in subject.children)
    words = [subject, *(c for c in subject.children if c.dep_ == "compound")]
    return led and any("nato" in lex.cues_at(t) for t in words)


def _capital_subject(subject: Token) -> str | None:
    """ "N'Djamena sent 3,000 soldiers": a capital as the subject stands for its government,
    also where the NER takes it for a person and the actor tables leave it out."""
    if subject.pos_ != "PROPN" or not subject.is_title:
        return None
    names = [c for c in subject.children if c.dep_ == "compound"]
    start = min([subject.i, *(c.left_edge.i for c in names)])
    return actor_code(subject.doc[start : subject.i + 1].text, capitals=True)


def _unit_antecedent(ctx: ArticleContext, lex: Lexicon, subject: Token) -> str | None:
    """ "the brigade will number 4,800 soldiers, the first stationing of a German brigade
    abroad": a definite unit without an owner is the owned unit of the same name nearest to
    it, in its sentence, else in the one before ("Germany's 45th Armoured Brigade")."""
    if "unit" not in noun_cues(lex, subject) or not definite(subject):
        return None
    sent = subject.sent
    before = subject.doc[sentences_back(subject) : sent.start]
    for tokens in (sorted(sent, key=lambda t: abs(t.i - subject.i)), reversed(before)):
        for tok in tokens:
            if tok.i != subject.i and tok.lemma_.lower() == subject.lemma_.lower():
                code = _actor_in(ctx, lex, _own_words(tok))
                if code:
                    return code
    return None


def _clause_origin(
    ctx: ArticleContext, lex: Lexicon, cand: Candidate
) -> tuple[str | None, str | None]:
    """(origin from the subjects of the clauses above the force, else from the body it serves
    under, subject of a verb of saying). "The Netherlands will send 300 troops under Nato's
    mission": Dutch troops; "40,000 troops were under NATO command": NATO's."""
    speaker = under = None
    for anc in [cand.noun, *cand.noun.ancestors]:
        for prep in anc.children:
            if prep.dep_ == "prep" and prep.lower_ == "under":
                under = under or _actor_in(ctx, lex, prep.subtree)
        gapped = _gapped_subject(ctx, anc) or _controlling_object(ctx, lex, anc)
        if gapped:
            return gapped, speaker
        if anc.pos_ not in ("VERB", "AUX") and not has_subject(anc):  # "numbers" as a noun
            continue
        speech = "speech" in lex.cues_at(anc)
        for child in anc.children:
            if child.dep_ not in SUBJECT_DEPS or cand.noun in child.subtree:
                continue
            subject = next((c for c in child.children if c.dep_ == "pobj"), child)
            if subject.lower_ in ("which", "who", "that") and anc.dep_ == "relcl":
                # "Washington, which keeps about 28,500 troops", "a Russian army that has"
                code = _actor_in(ctx, lex, _own_words(anc.head))
                if code:
                    return code, speaker
                continue
            code = _subject_origin(ctx, lex, subject)
            if code and (speech or _source_agent(lex, child, subject)):
                speaker = speaker or code
            elif code:
                return code, speaker
    return under, speaker


def _source_agent(lex: Lexicon, child: Token, subject: Token) -> bool:
    """ "has massed, by Israeli estimates, some 40,000 troops": a "by" phrase of saying
    names the source of the count, not the force's owner."""
    return child.dep_ == "agent" and "speech" in lex.cues_at(subject)


def _gapped_subject(ctx: ArticleContext, anc: Token) -> str | None:
    """ "X has deployed eight medics, and Y two soldiers": the verb left out of the second
    clause, the parse takes Y for a verb coordinated with the first; Y is its subject."""
    if anc.dep_ != "conj" or anc.pos_ not in ("VERB", "PROPN") or has_subject(anc):
        return None
    if anc.ent_type_ not in ("GPE", "NORP", "ORG") or not anc.text[:1].isupper():
        return None
    return ctx.actors.of_token(anc)


def _controlling_object(ctx: ArticleContext, lex: Lexicon, anc: Token) -> str | None:
    """ "officials accused Asmara of having massed 20,000 troops", "urged Seoul to send": a
    clause under a verb with an object has that object, not the verb's subject, as its doer."""
    if anc.dep_ == "pcomp" and anc.head.dep_ == "prep":
        verb = anc.head.head
    elif anc.dep_ == "xcomp" and anc.pos_ == "VERB" and not has_subject(anc):
        verb = anc.head
    else:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"] if verb.pos_ == "VERB" else []
    return _subject_origin(ctx, lex, objects[0]) if objects else None


def _pronoun_actor(ctx: ArticleContext, lex: Lexicon, pronoun: Token) -> str | None:
    """What a subject pronoun stands for: the nearest subject before it in its sentence that
    names an actor ("the Lebanese army has said it will deploy", "When NATO went into Bosnia,
    it sent"), else the subject of the previous sentence."""
    subjects = [
        t
        for t in pronoun.doc[pronoun.sent.start : pronoun.i]
        if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ not in PRONOUNS
    ]
    for subject in reversed(subjects):
        code = _actor_in(ctx, lex, _own_words(subject))
        if code:
            return code
    return _sentence_actor(ctx, lex, _previous_sentence(pronoun))


def _own_words(noun: Token) -> list[Token]:
    """A noun and its modifiers, without the clauses and conjuncts hanging off it."""
    mods = [c for c in noun.children if c.dep_ in OWNER_DEPS]
    return [noun, *(t for m in mods for t in m.subtree)]


def _previous_sentence(token: Token) -> Span | None:
    """The sentence before `token`'s, which a pronoun opening a sentence takes up."""
    start = token.sent.start
    return token.doc[start - 1].sent if start > 0 else None


def _sentence_actor(ctx: ArticleContext, lex: Lexicon, sent: Span | None) -> str | None:
    """The actor a pronoun stands for: the subject of the previous sentence's main verb."""
    if sent is None:
        return None
    for child in sent.root.children:
        if child.dep_ in SUBJECT_DEPS:
            return _actor_in(ctx, lex, child.subtree)
    return None


def _header_origin(ctx: ArticleContext, span: Span) -> str | None:
    """ "United States: nearly 5,000 paratroopers ..." — a list item opened by its actor (not
    a host's label, "Estonia (Tapa): ...")."""
    if host_label(ctx, span.start_char):
        return None
    sent = span.sent
    for tok in sent[:6]:
        if tok.text == ":" and tok.i < span.start:
            return ctx.actors.first_in(t for t in sent[: tok.i - sent.start] if t.is_alpha)
    return None


def find_origin(
    ctx: ArticleContext,
    lex: Lexicon,
    cand: Candidate,
    previous: str | None,
    headlines: list[Candidate] = (),
    home: str | None = None,
) -> str | None:
    """Whose force a count is, by the rules in order (module docstring): a table row's
    label, the whole it is a part of, the outlet's own force named bare, "respectively", a
    multinational force, the subject or body it serves, a list header, a headline, else the
    owner of the force before."""
    if cand.row is not None:
        return actor_code(cand.row[0])
    if cand.parent is not None and cand.parent.origin:
        # "up to 8,000 of them stationed in the Kursk region, which borders Ukraine": the part
        # is the whole's, unless an adjective on the count says otherwise ("500 of them German")
        own = _adjective_origin(ctx, lex, cand) or _coordinated_from(ctx, cand)
        return own or _possessor_origin(ctx, lex, cand) or cand.parent.origin
    if home and _home_force(ctx, lex, cand):
        return home
    respective = _respective_origin(ctx, lex, cand)
    if respective:
        return respective
    many = _from_many(lex, cand)
    if many:
        return many
    side = _side_origin(ctx, lex, cand)
    if side:
        return side
    clause, speaker = _clause_origin(ctx, lex, cand)
    if clause and _contributed(cand):
        return clause  # "Indonesia provides 1,000 of the 9,000 UNIFIL peacekeepers"
    # "China has 1,000 peacekeepers serving with UNMISS": the subject's, before the body's
    code = _own_origin(ctx, lex, cand, serving=False) or _multinational_whole(lex, cand)
    code = code or _received_from(ctx, lex, cand) or clause
    code = code or _actor_in(ctx, lex, _serving_words(cand.noun))
    code = code or _possessor_origin(ctx, lex, cand)
    code = code or _header_origin(ctx, cand.span) or _headline_origin(ctx, lex, cand, headlines)
    return code or previous or speaker


def _home_force(ctx: ArticleContext, lex: Lexicon, cand: Candidate) -> bool:
    """ "members of the Defence Forces", "the Defence Forces plan to raise the contingent to
    200": a national force named without its country, in the force's own words or as its
    clause's subject, is the outlet's home's (a press release names its own forces bare);
    not "the Israel Defense Forces", whose phrase names the owner."""
    noun = cand.noun
    words = [t for c in noun.lefts for t in c.subtree] + list(_of_chain(noun))
    subject = _clause_subject(noun)
    if subject is not None and subject != noun:
        words += list(subject.subtree)
    named = [t for t in words if "home_force" in lex.cues_at(t)]
    forces = [t for t in named if t.head not in named or t.head == t]  # the name's last word
    return any(_actor_in(ctx, lex, f.subtree) is None for f in forces)


def _possessor_origin(ctx: ArticleContext, lex: Lexicon, cand: Candidate) -> str | None:
    """ "Indonesia's defence ministry said the first 1,000 of its troops would deploy": a
    force owned by "its" / "their" is the actor the pronoun takes up, not the force before."""
    nouns = [cand.noun, *(o for p in cand.noun.children if p.lower_ == "of" for o in p.children)]
    owners = (c for n in nouns for c in n.children if c.dep_ == "poss")
    pronoun = next((c for c in owners if c.lower_ in POSSESSIVES), None)
    return _pronoun_actor(ctx, lex, pronoun) if pronoun is not None else None


def _received_from(ctx: ArticleContext, lex: Lexicon, cand: Candidate) -> str | None:
    """ "Russia brought in 11,000 troops from North Korea", "Belarus hosts 300 soldiers from
    Russia": the subject of a verb of receiving is the host; "from" names the owner."""
    noun = cand.noun
    if noun.dep_ not in ("dobj", "nsubjpass") or noun.head.lemma_ not in troop_words(
        "receive_verb"
    ):
        return None
    heads = (noun, noun.head)
    preps = (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "from")
    places = [o for p in preps for o in p.children if o.dep_ == "pobj"]
    return next(filter(None, (_actor_in(ctx, lex, o.subtree, top=o) for o in places)), None)


def _side_origin(ctx: ArticleContext, lex: Lexicon, cand: Candidate) -> str | None:
    """ "staffed on the Turkish side by about 60 troops": the side a force is on of a joint
    post or a line is its owner's."""
    verb = clause_verb(cand.noun)
    if verb is None:
        return None
    preps = (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on")
    sides = [o for p in preps for o in p.children if o.dep_ == "pobj" and o.lemma_ == "side"]
    mods = [c for s in sides for c in s.children if c.dep_ in ("amod", "compound", "poss")]
    return _actor_in(ctx, lex, mods, top=sides[0]) if sides else None


def _coordinated_from(ctx: ArticleContext, cand: Candidate) -> str | None:
    """ "650 Nigerian troops and about 400 from Ghana": a count coordinated with a force
    takes the country it comes from."""
    root = cand.span.root
    if root.dep_ != "conj":
        return None
    preps = (c for c in root.children if c.dep_ == "prep" and c.lower_ == "from")
    countries = (o for p in preps for o in p.children if o.dep_ == "pobj" and o.ent_type_ == "GPE")
    return next(filter(None, map(ctx.actors.of_token, countries)), None)


def _respective_origin(ctx: ArticleContext, lex: Lexicon, cand: Candidate) -> str | None:
    """ "Chile and Peru will send 200 and 300 soldiers respectively": the n-th count is the
    n-th subject's."""
    verb = clause_verb(cand.noun)
    if verb is None or not any(c.lower_ == "respectively" for c in verb.subtree):
        return None
    counts = _conjuncts(next((c for c in cand.noun.children if c.dep_ == "nummod"), None))
    for clause in [verb, *verb.ancestors][:3]:
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        owners = _conjuncts(subject)
        if len(owners) > 1 and len(owners) == len(counts) and cand.span.root in counts:
            owner = owners[counts.index(cand.span.root)]
            names = [c for c in owner.children if c.dep_ == "compound"]
            return _actor_in(ctx, lex, [owner, *names])
    return None


def _conjuncts(token: Token | None) -> list[Token]:
    """A token and the tokens coordinated with it, in order."""
    if token is None:
        return []
    return [token, *(t for c in token.children if c.dep_ == "conj" for t in _conjuncts(c))]


def _contributed(cand: Candidate) -> bool:
    """A count a country contributes: the object of "provide", "contribute", "supply"."""
    return cand.noun.dep_ == "dobj" and cand.noun.head.lemma_ in troop_words("contribute_verb")


def _from_many(lex: Lexicon, cand: Candidate) -> str | None:
    """ "more than 11,000 troops from 24 Allies", "8,000 personnel from 40 nations": a force
    drawn from a number of states is multinational, the UN's or NATO's."""
    verb = clause_verb(cand.noun)
    heads = [cand.noun, verb] if verb is not None and cand.noun.head == verb else [cand.noun]
    if cand.noun.head.lower_ == "of" and cand.noun.head.head.pos_ == "NOUN":
        heads.append(cand.noun.head.head)  # "a force of 4,600 troops from 29 countries"
    preps = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "from"]
    preps += [c for c in cand.noun.children if c.dep_ == "prep" and c.lower_ == "of"]
    states = [o for p in preps for o in _prep_pobjs(p) if "contributors" in noun_cues(lex, o)]
    counted = any(c.dep_ == "nummod" for s in states for c in s.children)
    # "troops of the bloc's countries", "of the alliance's member states"
    allied = any(c.dep_ == "poss" and "nato" in lex.cues_at(c) for s in states for c in s.children)
    return _multinational_owner(lex, cand.noun) if counted or allied else None


def _prep_pobjs(prep: Token) -> list[Token]:
    """The objects of a preposition."""
    return [o for o in prep.children if o.dep_ == "pobj"]


def _multinational_owner(lex: Lexicon, noun: Token) -> str:
    """UN when a UN body is named in this sentence or the one before, else NATO."""
    return "UN" if "origin=UN" in _cues_around(lex, noun) else "NATO"


def _cues_around(lex: Lexicon, noun: Token) -> set[str]:
    """The cues of `noun`'s sentence and the one before: which body a multinational force
    serves is said near it, not always in its own sentence."""
    words = noun.doc[sentences_back(noun) : noun.sent.end]
    return set().union(*(lex.cues_at(t) for t in words))


def _multinational_whole(lex: Lexicon, cand: Candidate) -> str | None:
    """ "France provides about 1,500 of the roughly 2,300 soldiers at Cincu": a whole that
    countries contribute to is the multinational force's, NATO's or the UN's as the text
    around it (this sentence and the one before) says."""
    noun = cand.noun
    if not (noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NUM"):
        return None
    cues = _cues_around(lex, noun)
    if "origin=UN" in cues:
        return "UN"
    return "NATO" if "nato" in cues or "origin=NATO" in cues else None


def _headline_origin(
    ctx: ArticleContext, lex: Lexicon, cand: Candidate, headlines: list[Candidate]
) -> str | None:
    """ "Poland keeps 40,000 soldiers on its eastern frontier" over a paragraph that counts
    "about 40,000 soldiers" without saying whose: the headline's actor."""
    same = [
        h for h in headlines if h.count.value == cand.count.value and h.span.end <= cand.span.start
    ]
    if not same:
        return None
    return _own_origin(ctx, lex, same[-1]) or _clause_origin(ctx, lex, same[-1])[0]


# ---------------------------------------------------------------------------------- assembly


def _headline(ctx: ArticleContext, span: Span) -> bool:
    """A line without closing punctuation: a headline or a table of contents."""
    text = text_of(ctx.doc)
    start, end = line_bounds(text, span.start_char)[0], line_bounds(text, span.end_char)[1]
    line = text[start:end].strip()
    return not line.endswith((".", "!", "?", '"', "”", ")"))


def _gapped_counts(ctx: ArticleContext) -> list[Count]:
    """ "Jamaica has sent 150 soldiers and Belize 50": the count after a country in a gapped
    clause, which the count finder takes for a label ("Issue 37") and leaves out."""
    taken = {c.start_char for c in ctx.counts}
    found = []
    for tok in ctx.doc:
        head = tok.head
        if not (tok.dep_ == "nummod" and GAPPED_NUMBER.fullmatch(tok.text) and head.i == tok.i - 1):
            continue
        if head.dep_ == "conj" and _country_name(head) and tok.idx not in taken:
            value = int(tok.text.replace(",", ""))
            qualifier = qualifier_before(ctx.doc, tok.i)
            found.append(Count(tok.text, tok.idx, tok.idx + len(tok), value, qualifier))
    return found


def find_candidates(ctx: ArticleContext, lex: Lexicon) -> list[Candidate]:
    """The troop counts of the article in text order; each may refer back to one before it,
    so they are classified in order."""
    found: list[Candidate] = []
    counts = sorted([*ctx.counts, *_gapped_counts(ctx)], key=lambda c: c.start_char)
    for count in counts:
        if count.start_char in ctx.furniture:
            continue
        span = token_span(ctx.doc, count.start_char, count.end_char)
        if span is None:
            continue
        cand = classify(lex, span, found)
        if cand is not None:
            cand.count = count
            found.append(cand)
    return found


def _fill_consensus(cands: list[Candidate]) -> None:
    """A force with no place phrase goes where most other forces of its origin went: at
    least two, and more than went anywhere else ("Kenya first deployed 400 officers" in a
    story of its Haiti mission that mentions its force in Somalia once)."""
    for cand in cands:
        if cand.place is not None:
            continue
        with_place = [c for c in cands if c.origin == cand.origin and c.place is not None]
        country = _most_places(c.place[0] for c in with_place)
        if country is not None:
            cand.place = (country, None)


def _most_places(countries) -> str | None:
    """The country at least two of `countries` are, and more than all others together."""
    counted = Counter(countries)
    if not counted:
        return None
    top, n = counted.most_common(1)[0]
    return top if n >= 2 and n > counted.total() - n else None


def _fill_single_host(lex: Lexicon, cands: list[Candidate]) -> None:
    """In an article whose placed forces are mostly in one country (a mission's story), a force
    sent or serving with no place of its own ("El Salvador has deployed eight medics",
    "Jamaica has 24 soldiers in the mission") is in that country too."""
    placed = [c for c in cands if c.place and c.place[0]]
    host = _most_places(c.place[0] for c in placed)
    if host is None:
        return
    for cand in cands:
        if cand.place is None and cand.origin != host and _sent_or_serving(lex, cand):
            cand.place = (host, None)


def _sent_or_serving(lex: Lexicon, cand: Candidate) -> bool:
    """A force with a verb of sending near it, or in a sentence about a mission."""
    if cand.cues.get("deploy", 99) <= NEAR:
        return True
    return any("mission" in lex.cues_at(t) for t in cand.span.sent)


def _merge(cands: list[Candidate]) -> list[Candidate]:
    """One row per force and date: a recap of the same count adds only missing places; a
    recap without a date of its own is the dated mention's count."""
    kept: list[Candidate] = []
    for cand in cands:
        same = next((k for k in kept if _same_count(k, cand)), None)
        if same is None:
            kept.append(cand)
            continue
        same.place = _fuller(same.place, cand.place)
        if cand.dated and not same.dated:
            same.reported, same.dated = cand.reported, True
    return kept


def _fuller(kept: Place | None, recap: Place | None) -> Place | None:
    """The kept mention's place, completed by a recap's: a place where it had none, a town
    in the same country where it had only the country."""
    if kept in (None, (None, None)):
        return recap or kept
    if recap and kept[1] is None and recap[0] == kept[0]:
        return recap
    return kept


def _same_count(a: Candidate, b: Candidate) -> bool:
    """Whether two mentions are one force: same owner and count, and no two dates of
    their own that differ."""
    if (a.origin, a.count.value) != (b.origin, b.count.value):
        return False
    return a.reported == b.reported or not (a.dated and b.dated)


def _drop_headlines(ctx: ArticleContext, cands: list[Candidate]) -> list[Candidate]:
    """A headline or contents line repeats a count of the body; keep the body's."""
    body = [c for c in cands if c.row or not _headline(ctx, c.span)]
    values = {c.count.value for c in body}
    return [c for c in cands if c in body or c.count.value not in values]


def _reinforces(cand: Candidate) -> bool:
    """ "up to 3,000 more soldiers", "another 2,000 troops", "increase its contribution to
    2,500 personnel": more of a force named before."""
    words = [*cand.span.root.children, *cand.noun.children, *cand.span]
    return (
        _says_more(cand.span.root)
        or any(t.lower_ in troop_words("more_word") for t in words)
        or _raised_to(cand.noun)
    )


def _last_country(before: list[Candidate], origin: str | None) -> Place | None:
    """The country of the last force of `origin` named before (its town may not be the new
    troops'); None if that is not known."""
    place = next((c.place for c in reversed(before) if c.origin == origin), None)
    return (place[0], None) if place else None


def _assign_places(ctx: ArticleContext, lex: Lexicon, cands: list[Candidate]) -> None:
    """Set every force's place: from its own text first, then where all forces of its origin
    went, then from the text around it, last the one host of a mission's story."""
    for cand in cands:
        cand.place = _own_place(ctx, lex, cand)
    _fill_consensus(cands)
    for i, cand in enumerate(cands):
        _place_from_around(ctx, lex, cand, cands[:i], cands)
    _fill_single_host(lex, cands)


def _own_place(ctx: ArticleContext, lex: Lexicon, cand: Candidate) -> Place | None:
    """The place a force's own text gives: its table's heading or its place phrases, else
    the place of the force it is a part of, a host label opening its line ("Estonia (Tapa):
    900 ..."), the host of a mission its sentence names ("KFOR numbers 4,700 troops")."""
    if cand.row:
        place = heading_place(ctx, lex, _heading(ctx.doc, cand.row))
    else:
        place = find_place(ctx, lex, cand)
    parent = cand.parent
    if place is None and parent is not None and parent.place is not None:
        # a new size of the force is in its country, not necessarily its town
        raised = _raised_to(cand.span.root)
        place = (parent.place[0], None) if raised else parent.place
    elif place == (None, None) and parent is not None and parent.place is not None:
        # "1,500 troops there, 400 of whom serve along the river": a part of a force is in
        # the whole's country, also where its own phrase names no one country
        place = (parent.place[0], None)
    label = host_label(ctx, cand.span.start_char)
    if label and not (place and place[0] == label[0] and place[1]):
        place = label
    if place is None:
        host = host_country(lex, cand.span.sent) or _mission_taken_up(lex, cand.span.sent)
        place = (host, None) if host else None
    return _with_owner_site(lex, cand, place)


def _with_owner_site(lex: Lexicon, cand: Candidate, place: Place | None) -> Place | None:
    """ "NATO Mission Iraq, a mission headquartered in Baghdad, had some 500 personnel",
    "Canada, which leads the battlegroup at Camp Adazi, ... up to 2,200 troops": a force with
    no town of its own is at the site a clause of its own phrase or of its owner names, else
    one the text around gives its unit or referent (module docstring), if that site is
    abroad (or in the country the force is already placed in)."""
    if place is not None and (place[0] is None or place[1] is not None):
        return place
    site = _own_clause_site(lex, cand.noun)
    subject = _clause_subject(cand.noun)
    if site is None and subject is not None and _subjects_own(cand):
        site = _modifier_site(lex, subject)
    if site is None and place is not None:
        site = _first_conjunct_site(cand.noun)
    if site is None and place is None and subject is not None:
        site = _antecedent_site(lex, subject)
    if site is None and place is not None:
        site = _next_unit_site(lex, cand.span.sent)
    if site is None and place is None:
        site = _referent_site(lex, cand.span.root)
    if site is None or site[0] == cand.origin or (place and place[0] != site[0]):
        return place
    return site


def _antecedent_site(lex: Lexicon, subject: Token) -> Place | None:
    """ "... the brigade, which will be based mainly in Rudninkai. When fully formed, the
    brigade will number 4,800 soldiers": a definite unit with no place is where the text just
    before put the unit of the same name (by its own clause, or as the subject placed)."""
    if not SITED_CUES & noun_cues(lex, subject) or not definite(subject):
        return None
    before = subject.doc[sentences_back(subject) : subject.i]
    for tok in reversed(before):
        if tok.lemma_.lower() != subject.lemma_.lower():
            continue
        site = _modifier_site(lex, tok)
        if site is None and tok.dep_ in ("nsubj", "nsubjpass"):
            sites = _sites_under([tok.head])  # a town before a country ("In X, ... in Y")
            site = max(sites, key=lambda s: s[1] is not None, default=None)
        return site
    return None


def _referent_site(lex: Lexicon, root: Token) -> Place | None:
    """ "..., where Russian instructors have been working. Touadera put their number at about
    1,500": a count of "their number" is where the force noun it takes up was placed, by a
    "where" clause of a place or a place phrase of its own verb."""
    verb = clause_verb(root)
    objects = [c for c in verb.children if c.dep_ == "dobj"] if verb is not None else []
    if not any(p.lower_ in POSSESSIVES for o in objects for p in o.children):
        return None
    before = root.doc[sentences_back(root) : root.sent.start]
    noun = next((t for t in reversed(before) if troop_noun(lex, t)), None)
    if noun is None or noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = noun.head
    if clause.dep_ == "relcl" and any(c.lower_ == "where" for c in clause.children):
        return _site_of(clause.head)
    return next(iter(_sites_under([clause])), None)


def _next_unit_site(lex: Lexicon, sent: Span) -> Place | None:
    """ "Rwanda will send 750 soldiers to the Central African Republic. The new battalion,
    which will be based in Bambari, ...": a definite unit with no owner, the first subject of
    the next sentence, is the force just sent, and its clause gives the town."""
    after = sent.doc[sent.end :]
    start = next((t.i for t in after if not t.is_space), None)
    if start is None:
        return None
    subject = next((t for t in sent.doc[start].sent if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or "unit" not in lex.cues_at(subject) or not definite(subject):
        return None
    if any(c.dep_ in ("poss", "compound") or c.ent_type_ for c in subject.children):
        return None  # "Germany's brigade", "the Polish battalion": a force of its own
    site = _modifier_site(lex, subject)
    return site if site is not None and site[1] else None


def _first_conjunct_site(noun: Token) -> Place | None:
    """ "The brigade, stood up in Vilnius on April 1, will have 4,800 soldiers in Lithuania"
    (parsed as two coordinated verbs): the town the first verb of a shared subject names."""
    verb = clause_verb(noun)
    if verb is None or verb.dep_ != "conj" or has_subject(verb):
        return None
    return next((s for s in _sites_under([verb.head]) if s[1]), None)


def _own_clause_site(lex: Lexicon, noun: Token) -> Place | None:
    """ "a unit of about 40 personnel with two aircraft, which will be based in Yangon": a
    site a relative clause or participle inside the force's own phrase (or its unit's) names."""
    top = noun
    if noun.head.lower_ == "of" and "unit" in lex.cues_at(noun.head.head):
        top = noun.head.head
    clauses = [t for t in top.subtree if t.dep_ in ("relcl", "acl") and t.pos_ == "VERB"]
    return next(iter(_sites_under(clauses)), None)


def _subjects_own(cand: Candidate) -> bool:
    """Whether the force is the subject's own, not one it joins ("The new battalion, based
    in Bambari, joins 2,100 troops already in the country")."""
    noun = cand.noun
    return not (noun.dep_ == "dobj" and noun.head.lemma_ in troop_words("arrival_verb"))


def _clause_subject(token: Token) -> Token | None:
    """The subject of the nearest clause above `token` that has one."""
    for anc in token.ancestors:
        subject = next((c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
    return None


def _modifier_site(lex: Lexicon, subject: Token) -> Place | None:
    """The first place an "in" / "at" phrase of a unit `subject` names ("the battlegroup at
    Tapa"; not "their arrival in X"), or one inside an apposition or relative clause of any
    subject (a country as (country, None), a town or site as (country, name))."""
    heads = [subject] if SITED_CUES & lex.cues_at(subject) else []
    mods = (c for c in subject.children if c.dep_ in OWNER_MODIFIERS)
    heads += [t for mod in mods for t in mod.subtree]
    return next(iter(_sites_under(heads)), None)


def _sites_under(heads: list[Token]) -> list[Place]:
    """The sites the "in" / "at" / "near" phrases right under `heads` name, in order."""
    preps = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in SITE_PREPS]
    sites = (_site_of(o) for p in preps for o in _prep_pobjs(p))
    return [s for s in sites if s is not None]


def _site_of(obj: Token) -> Place | None:
    """(country, name as written) of a place name and the title-case words compounded
    before it ("Camp Adazi"); None for what the gazetteers do not know, or a common noun
    ("the first wave")."""
    if obj.pos_ != "PROPN" and obj.ent_type_ not in PLACE_LABELS:
        return None
    words = [c for c in obj.lefts if c.dep_ == "compound" and c.is_title]
    start = words[0].i if words and words[-1].i == obj.i - 1 else obj.i
    name = obj.doc[start : obj.i + 1].text
    place = resolve_place(name)
    if place is None or place.country is None:
        return None
    return (place.country, None) if place.type == "country" else (place.country, name)


def _mission_taken_up(lex: Lexicon, sent: Span) -> str | None:
    """ "... renew UNIFIL ... Indonesia is the largest contributor; Italy, which commands the
    mission's western sector, ...": a mission taken up by a common noun is the one the
    sentence before names, and its host is the force's country."""
    if sent.start == 0 or not any("mission" in lex.cues_at(t) for t in sent):
        return None
    return host_country(lex, sent.doc[sent.start - 1].sent)


def _place_from_around(
    ctx: ArticleContext,
    lex: Lexicon,
    cand: Candidate,
    before: list[Candidate],
    cands: list[Candidate],
) -> None:
    """A force the text before or after places: more of a force goes to that force's
    country, the next sentence may give its town (and the verb that dates it), else it is in
    the country its section is about (under "SOMALIA: ...")."""
    if cand.place is None and _reinforces(cand):
        cand.place = _last_country(before, cand.origin)
    if not cand.place or not cand.place[1]:
        following = next_place(ctx, lex, cand, cands)
        if following is not None:
            cand.place, cand.placed_by = _fuller(cand.place, following[0]), following[1]
    if cand.place is None:
        section = ctx.section_country(cand.span.start_char)
        cand.place = (section, None) if section and section != cand.origin else None


def _as_row(cand: Candidate) -> dict:
    """The troop_deployments row of a force; confidence is higher for a count with a force
    noun of its own and for one placed."""
    destination, location = cand.place or (None, None)
    confidence = 0.6 + 0.2 * (cand.noun != cand.span.root) + 0.1 * (destination is not None)
    return {
        "origin": cand.origin,
        "count": cand.count.value,
        "qualifier": cand.count.qualifier,
        "destination": destination,
        "location": location,
        "reported": cand.reported,
        "evidence": cand.span.sent.text.strip(),
        "start_char": cand.count.start_char,
        "end_char": cand.count.end_char,
        "confidence": round(min(confidence, 1.0), 2),
    }


def extract_troops(ctx: ArticleContext, home: str | None = None) -> list[dict]:
    """Rows of troop_deployments for one article: counts found, headlines dropped, origins
    (a force without one takes the article's main origin, or is dropped where none is
    known), places, dates, then one row per force and date. `home` is the outlet's country,
    the owner of a national force the text names without one."""
    lex = lexicon(LEXICON)
    found = find_candidates(ctx, lex)
    cands = _drop_headlines(ctx, found)
    headlines = [c for c in found if c not in cands]
    previous = None
    for cand in cands:
        cand.origin = find_origin(ctx, lex, cand, previous, headlines, home)
        previous = cand.origin or previous
    main = Counter(c.origin for c in cands if c.origin).most_common(1)
    cands = [c for c in cands if c.origin or main]
    for cand in cands:
        cand.origin = cand.origin or main[0][0]
    _assign_places(ctx, lex, cands)
    assign_dates(ctx, lex, cands)
    return [_as_row(cand) for cand in _merge(cands)]
