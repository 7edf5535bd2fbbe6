"""When a troop count was reported: the date of its own clause, of a table heading, else one
taken up from the text before or the article's date (FORMAT.md, "reported")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .context import ArticleContext
from .cues import Lexicon, token_span, tree_gap
from .dates import DateMention, later_than
from .nlp import text_of
from .troop_candidate import (
    Candidate,
    clause_verb,
    definite,
    earlier_level_prep,
    has_subject,
    troop_noun,
    troop_words,
)

DEMONSTRATIVES = ("that", "this", "these", "those", "then")
ANAPHORA_OPENERS = ("he", "she", "they", "their", "it", *DEMONSTRATIVES)
ATTRIBUTIVE = ("compound", "amod", "nummod")
PERIOD_LENGTHS = {"year": 4, "month": 7, "day": 10}  # characters of an ISO date


def _target(ctx: ArticleContext, lex: Lexicon, date: DateMention) -> bool:
    """ "will send 800 more soldiers by December", "reach 4,800 troops by 2027", "raise it to
    200 in 2027": the date a dispatch or a build-up is to be complete, which is the date the
    count refers to."""
    token = _date_token(ctx, date)
    prep = next((t for t in token.ancestors if t.dep_ == "prep"), None) if token else None
    if prep is not None and prep.lower_ == "in":
        return _raised_in(prep)
    if prep is None or prep.lower_ != "by":
        return False
    verb = prep.head
    return verb.lemma_ in troop_words("raise_verb") or "deploy" in lex.cues_at(verb)


def _raised_in(prep: Token) -> bool:
    """ "raise the contingent to about 200 personnel in 2027": the year a force is to be
    raised to a size dates that size."""
    head = prep.head
    if head.dep_ == "pobj" and head.head.lower_ == "to":
        head = head.head.head  # "to about 200 personnel in 2027"
    return head.lemma_ in troop_words("raise_verb")


def _exercise_period(ctx: ArticleContext, lex: Lexicon, date: DateMention) -> bool:
    """ "exercise Crystal Arrow, which will bring together 3,000 troops in March": a drill to
    come is dated at its period's start (FORMAT.md)."""
    token = _date_token(ctx, date)
    prep = token.head if token is not None else None
    if prep is None or prep.lower_ not in ("in", "from", "during"):
        return False
    return any("exercise" in lex.cues_at(t) for t in token.sent)


def _dispatch_month(ctx: ArticleContext, lex: Lexicon, date: DateMention) -> bool:
    """ "100 personnel will deploy to Poland in March": the month a force to come moves is
    the one its count refers to, unless a speaker's statement dates it ("said ... would");
    a sender's plan ("Sweden will send 500 soldiers in August") is dated when stated."""
    token = _date_token(ctx, date)
    prep = token.head if token is not None else None
    if prep is None or prep.lower_ != "in" or "deploy" not in lex.cues_at(prep.head):
        return False
    verb = prep.head
    subjects = [s for c in verb.children if c.dep_ == "nsubj" for s in (c, *c.conjuncts)]
    moving = any(troop_noun(lex, s) for s in subjects)  # "a system and 100 personnel will"
    said = any("speech" in lex.cues_at(a) for a in verb.ancestors)
    return moving and _future(verb) and not said


def _usable_dates(ctx: ArticleContext, lex: Lexicon, sent: Span) -> list[DateMention]:
    """The dates of `sent` that may date a count in it (see `_usable`)."""
    return [d for d in ctx.dates_in(sent) if _usable(ctx, lex, sent, d)]


def _usable(ctx: ArticleContext, lex: Lexicon, sent: Span, date: DateMention) -> bool:
    """A date that can say when a count was true: not a future one other than a deadline or
    an exercise's, nor a dateline in brackets, a period's start or end, or a year naming a
    thing ("a 1992 ceasefire deal")."""
    future = later_than(date.value, ctx.published)
    planned = _target(ctx, lex, date) or _exercise_period(ctx, lex, date)
    if future and not (planned or _dispatch_month(ctx, lex, date)):
        return False
    before = text_of(ctx.doc)[sent.start_char : date.start_char]
    if before.count("(") > before.count(")"):
        return False  # a dateline inside parentheses
    token = _date_token(ctx, date)
    if token is None:
        return True
    if _since(ctx, date) or _period_end(ctx, sent, date):
        return False  # "sent since October": the start of a period, the count is of its end
    # a year naming a thing: "under a 1992 ceasefire deal", "this year's exercise"
    if date.granularity != "year":
        return True
    edition = token.dep_ == "poss" and "exercise" in lex.cues_at(token.head)
    return token.dep_ not in ATTRIBUTIVE and not edition


def _period_end(ctx: ArticleContext, sent: Span, date: DateMention) -> bool:
    """ "deployed in October and November": the later date of a coordinated pair ends the
    period; a count tied to a period is dated at its start (FORMAT.md)."""
    span = token_span(ctx.doc, date.start_char, date.end_char)
    if span is None:
        return False
    others = [d for d in ctx.dates_in(sent) if d.end_char <= date.start_char]
    heads = [t.head for t in span if t.dep_ == "conj" and t.head.i < span.start]
    return any(d.start_char <= h.idx < d.end_char for h in heads for d in others)


def _date_token(ctx: ArticleContext, date: DateMention) -> Token | None:
    """The token that stands for a date in the parse, or None where no tokens cover it."""
    span = token_span(ctx.doc, date.start_char, date.end_char)
    return span.root if span is not None else None


def _anchor(token: Token) -> Token | None:
    """The clause a date modifies: its verb, climbing out of adverbial clauses ("After
    meeting Kim on June 17, Shoigu said ..." -> said); None for a date heading a sentence."""
    verb = clause_verb(token)
    while verb is not None and verb.dep_ in ("pcomp", "advcl") and not _reduced_relative(verb):
        verb = clause_verb(verb)
    return verb


def _covers(ctx: ArticleContext, lex: Lexicon, date: DateMention, cand: Candidate) -> bool:
    """Whether a date modifies the clause holding the count (or heads its sentence), not an
    earlier level's, another clause's, or one across a semicolon."""
    token = _date_token(ctx, date)
    if token is None:
        return False
    earlier = next(
        (t for t in token.ancestors if t.lower_ == "from" and earlier_level_prep(t)), None
    )
    if earlier is not None and cand.span.root not in earlier.subtree:
        return False  # "11,000 troops ..., up from roughly 8,000 in January": the 8,000's date
    if _across_semicolon(token, cand):
        return False
    anchor = _anchor(token)
    return anchor is None or anchor in cand.span.root.ancestors and not _foreign(lex, token, cand)


def _across_semicolon(token: Token, cand: Candidate) -> bool:
    """ "has about 1,000 troops there; in 2023 Ottawa promised to raise that number": a
    semicolon ends the count's clause, whatever the parse hangs across it (a date opening
    the sentence, "March 14 - ...; about 500 ...", still dates what follows)."""
    return any(t.text == ";" for t in token.doc[cand.span.end : token.i])


def assign_own_dates(ctx: ArticleContext, lex: Lexicon, cands: list[Candidate]) -> None:
    """A date goes to the troop counts in the clause it modifies, nearest first; else to the
    count(s) nearest it in the parse ("190,000 ..., compared with 100,000 on January 30")."""
    for cand in cands:
        dates = _usable_dates(ctx, lex, cand.span.sent)
        covering = [d for d in dates if _covers(ctx, lex, d, cand)]
        if covering:
            date = _nearest_date(ctx, cand, covering)
            cand.reported, cand.dated = date.value, True
    _assign_nearest(ctx, lex, cands)


def _nearest_date(ctx: ArticleContext, cand: Candidate, dates: list[DateMention]) -> DateMention:
    """The date nearest the count in the parse; among dates of one verb, the one nearest in
    the text ("rose from 80,000 in January to 100,000 by June": each count's own)."""
    gaps = [tree_gap(cand.span.root, _date_token(ctx, d)) for d in dates]
    best = [d for d, gap in zip(dates, gaps, strict=True) if gap == min(gaps)]
    if len({_anchor(_date_token(ctx, d)) for d in best}) > 1:
        return best[0]
    return min(best, key=lambda d: abs(d.start_char - cand.span.start_char))


def _foreign(lex: Lexicon, token: Token, cand: Candidate) -> bool:
    """A date of another clause: one with a subject of its own, or a relative clause, that
    does not hold the count ("In Romania, where a drone entered on Saturday, France will send
    150 troops"). The date of a verb of saying is the count's, and so is that of a "when"
    clause, of a clause describing the force ("the 12,000 soldiers Pyongyang sent in
    October") or its exercise ("for the drills, which began last Friday")."""
    verb = clause_verb(token)
    if verb is not None and "speech" in lex.cues_at(verb):
        return _said_apart(verb, cand)
    if verb is None or cand.span.root in verb.subtree:
        return False
    if any(c.lower_ in ("when", "as") and c.dep_ in ("advmod", "mark") for c in verb.children):
        return False  # "as we announced on Sunday", "when they arrived on Monday"
    if _reduced_relative(verb):
        return True  # "under Operation Mirador, launched in 2022"
    clause = verb
    while clause.dep_ == "xcomp" and not has_subject(clause):
        clause = clause.head  # "Poland, which plans to spend more this year"
    if cand.span.root in clause.subtree:
        clause = verb
    if clause.dep_ in ("relcl", "acl"):
        described = clause.head
        own = described in (cand.noun, cand.span.root)
        return not own and "exercise" not in lex.cues_at(described)
    return has_subject(verb)


def _said_apart(verb: Token, cand: Candidate) -> bool:
    """ "X said on September 30 that ..., and press reports suggest that about 1,500 remain":
    the date of a verb of saying is not that of a count another clause of saying below it
    (a subject of its own, the count in its complement) reports."""
    root = cand.span.root
    for anc in root.ancestors:
        if anc == verb:
            return False
        if has_subject(anc) and any(c.dep_ == "ccomp" and root in c.subtree for c in anc.children):
            return True
    return False


def _reduced_relative(verb: Token) -> bool:
    """ "Operation Mirador, launched in 2022": a participle set off after a name describes
    that name, though the parse hangs it on the main verb."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBN" or verb.i != verb.left_edge.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children):
        return False
    before = verb.doc[verb.i - 2 : verb.i]
    return len(before) == 2 and before[1].text == "," and before[0].pos_ == "PROPN"


def _date_distance(lex: Lexicon, cand: Candidate, token: Token) -> int:
    """Tree distance from a count to a date; "1,000 sappers and 5,000 troops": the second
    force stands where the first does."""
    if _foreign(lex, token, cand) or _across_semicolon(token, cand):
        return 99
    head = cand.noun
    while head.dep_ == "conj" and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    if head == cand.noun:
        return tree_gap(cand.span.root, token)
    return tree_gap(head, token) + 1


def _assign_nearest(ctx: ArticleContext, lex: Lexicon, cands: list[Candidate]) -> None:
    """A date no clause claims goes to the undated count(s) nearest it, unless a count that
    already has its date stands nearer."""
    by_sent: dict[int, list[Candidate]] = {}
    for cand in cands:
        by_sent.setdefault(cand.span.sent.start, []).append(cand)
    for group in by_sent.values():
        owned: dict[int, tuple[int, str]] = {}
        for date in _usable_dates(ctx, lex, group[0].span.sent):
            token = _date_token(ctx, date)
            if token is None:
                continue
            dist = {id(c): _date_distance(lex, c, token) for c in group}
            best = min(dist.values())
            for cand in group:
                if dist[id(cand)] == best and best < owned.get(id(cand), (99, ""))[0]:
                    owned[id(cand)] = (best, date.value)
        for cand in group:
            if id(cand) in owned and not cand.dated:
                cand.reported, cand.dated = owned[id(cand)][1], True


def _anaphoric(sent: Span) -> bool:
    """Whether a sentence takes up the one before ("They ...", "With these additions", "Of
    the ...", "then"), so that its count is dated by the text before it."""
    words = [t for t in sent if t.is_alpha][:3]
    if not words:
        return False
    first = words[0].lower_
    if first in ANAPHORA_OPENERS and words[0].pos_ in ("PRON", "DET", "ADV"):
        return True
    if first in ("with", "of") and len(words) > 1 and words[1].lower_ in DEMONSTRATIVES:
        return True
    if first == "of" and len(words) > 1 and words[1].lower_ == "the":
        return True
    return any(t.lower_ == "then" and t.dep_ == "advmod" for t in sent)


def _date_before(ctx: ArticleContext, char: int) -> str | None:
    """The last date before `char` that can date a statement: not the start of a period
    ("Since November, ...")."""
    for date in reversed([d for d in ctx.dates if d.end_char <= char]):
        if date.start_char in ctx.furniture or later_than(date.value, ctx.published):
            continue
        if not _since(ctx, date):
            return date.value
    return None


def _since(ctx: ArticleContext, date: DateMention) -> bool:
    """ "since October": the start of a period, which does not date a count of its end."""
    span = token_span(ctx.doc, date.start_char, date.end_char)
    if span is None:
        return False
    before = ctx.doc[max(span.start - 1, 0)]
    return any(t.lower_ == "since" for t in [before, span.root, *list(span.root.ancestors)[:2]])


def _header_date(ctx: ArticleContext, char: int) -> str | None:
    """ "FEBRUARY 2022: REINFORCEMENTS" — a dated heading opening the paragraph."""
    text = text_of(ctx.doc)
    par_start = text.rfind("\n\n", 0, char)
    par_start = 0 if par_start < 0 else par_start + 2
    line_end = text.find("\n", par_start)
    if line_end < 0 or line_end >= char:
        return None
    line = text[par_start:line_end].strip()
    if line.endswith((".", "!", "?")):
        return None
    for date in ctx.dates:
        if par_start <= date.start_char < line_end:
            return date.value
    return None


def _now(lex: Lexicon, sent: Span) -> bool:
    """ "now", "currently": the count is stamped with the article's date."""
    return any("now" in lex.cues_at(t) for t in sent)


def _past(lex: Lexicon, cand: Candidate) -> bool:
    """Whether the clause of the count is in a past tense ("had 1,200 troops", "had arrived"),
    not the present perfect ("has massed") or the present."""
    verb = clause_verb(cand.noun)
    if verb is None or _present(verb):
        return False
    if verb.tag_ == "VBD":
        return True
    perfect = verb.tag_ == "VBN" and any(c.lower_ == "had" for c in verb.children)
    return perfect and not _backshifted(lex, verb)


def _backshifted(lex: Lexicon, verb: Token) -> bool:
    """ "the agency said Russia had massed 45,000 troops": a past perfect reported by a verb of
    saying stands for the speaker's "has massed", a present perfect."""
    return verb.dep_ == "ccomp" and "speech" in lex.cues_at(verb.head)


def _present(verb: Token) -> bool:
    """A present, present perfect or future clause ("That's", "we've got", "we'll have")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP", "MD") for a in auxes)


def _future(verb: Token) -> bool:
    """ "With these additions, we'll have 43,000": a count to come, stated now."""
    return any(c.dep_ == "aux" and c.lower_ in ("will", "'ll") for c in verb.children)


def _same_period(sent: Span) -> str | None:
    """ "In the same month", "that same year": the period of the date named before."""
    for tok in sent:
        if tok.lower_ == "same" and tok.head.lemma_ in PERIOD_LENGTHS:
            return tok.head.lemma_
    return None


def _speaker_date(ctx: ArticleContext, lex: Lexicon, cand: Candidate) -> str | None:
    """ "Another 250 officers will depart next month, Mr Nyaga said." after "Nyaga said in a
    statement on Sunday": a speaker quoted again without a date speaks in the statement
    dated before."""
    speech = next((t for t in cand.noun.ancestors if "speech" in lex.cues_at(t)), None)
    speaker = _person_subject(speech) if speech is not None else None
    if speaker is None:
        return None
    for date in reversed([d for d in ctx.dates if d.end_char <= cand.span.sent.start_char]):
        token = _date_token(ctx, date)
        verb = _anchor(token) if token is not None else None
        if verb is None or "speech" not in lex.cues_at(verb):
            continue
        earlier = _person_subject(verb)
        if earlier is not None and earlier.text == speaker.text:
            return date.value
    return None


def _person_subject(verb: Token) -> Token | None:
    """The person a verb of saying quotes, to match a speaker quoted again."""
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.ent_type_ == "PERSON"), None)


def fallback_reported(
    ctx: ArticleContext, lex: Lexicon, cand: Candidate, previous: str | None
) -> str | None:
    """The date of a count whose own clause gives none (FORMAT.md, "reported")."""
    sent = cand.span.sent
    parent = cand.parent
    if parent is not None and parent.reported and parent.span.sent == sent:
        return parent.reported
    quoted = _speaker_date(ctx, lex, cand)
    if quoted:
        return quoted
    same = _same_period(sent)
    if same is not None:  # "In the same month, the Pentagon sent about 100 soldiers"
        before = _date_before(ctx, sent.start_char)
        return before[: PERIOD_LENGTHS[same]] if before else None
    verb = clause_verb(cand.noun)
    if _anaphoric(sent) and not (verb is not None and _future(verb)):
        return _date_before(ctx, sent.start_char) or ctx.published
    if _now(lex, sent):
        return ctx.published
    header = _header_date(ctx, sent.start_char)
    if header:
        return header
    if _past(lex, cand):
        return previous
    return ctx.published


def _date_of_arrival(ctx: ArticleContext, lex: Lexicon, cand: Candidate, verb: Token) -> None:
    """ "144 officers have arrived in Haiti. The officers ... landed in Port-au-Prince on
    Saturday": the date of the next sentence's verb that placed the force is the count's."""
    for date in _usable_dates(ctx, lex, verb.sent):
        token = _date_token(ctx, date)
        if token is not None and _anchor(token) == verb:
            cand.reported, cand.dated = date.value, True
            return


def _exercise_dated_next(ctx: ArticleContext, lex: Lexicon, cand: Candidate) -> None:
    """ "150 personnel are taking part in a multinational exercise ... The exercise, which
    started on Aug. 25, ...": a count in an exercise takes the start the next sentence gives
    the exercise it opens on (FORMAT.md: a period's count is dated at its start)."""
    sent = cand.span.sent
    if sent.end >= len(ctx.doc) or not any("exercise" in lex.cues_at(t) for t in sent):
        return
    following = ctx.doc[sent.end].sent
    subjects = [t for t in following.root.children if t.dep_ in ("nsubj", "nsubjpass")]
    opened = [s for s in subjects if definite(s) and "exercise" in lex.cues_at(s)]
    if not opened:
        return
    inside = range(opened[0].left_edge.idx, opened[0].right_edge.idx + 1)
    dates = [d for d in _usable_dates(ctx, lex, following) if d.start_char in inside]
    if dates:
        cand.reported, cand.dated = dates[0].value, True


def assign_dates(ctx: ArticleContext, lex: Lexicon, cands: list[Candidate]) -> None:
    """Set every count's reported date: its own clause's, its table heading's, else the
    fallback's (which gives a count in the past tense the date of the count before it)."""
    assign_own_dates(ctx, lex, cands)
    previous = None
    for cand in cands:
        if cand.row:
            dates = [d.value for d in ctx.dates if cand.row[1] <= d.start_char < cand.row[2]]
            cand.reported, cand.dated = (dates or [ctx.published])[0], True
        if not cand.dated and cand.placed_by is not None:
            _date_of_arrival(ctx, lex, cand, cand.placed_by)
        if not cand.dated:
            _exercise_dated_next(ctx, lex, cand)
        if not cand.dated:
            cand.reported = fallback_reported(ctx, lex, cand, previous)
            # "Their arrival brings the number to 750": dated by the sentence it takes up
            taken_up = _anaphoric(cand.span.sent) and cand.reported != ctx.published
            cand.dated = _now(lex, cand.span.sent) or taken_up
        previous = cand.reported or previous
