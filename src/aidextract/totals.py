"""Running totals against single packages (FORMAT.md, `cumulative`): "more than $60 billion
since February 2022", "bringing the total to", past years' sums, and the table rows of past
years; a package noun ("a $350 million drawdown") is one package whatever stands around it."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .amount_parse import (
    FRESH_WORDS,
    LEXICON,
    PACKAGE_NOUNS,
    TOTAL_VERBS,
    amount_noun,
    clause_verbs,
    line_label,
    names_for,
)
from .context import ArticleContext
from .cues import lexicon, token_span, tree_distances
from .nlp import TABLE_BAR, text_of

_ROW_CELL_WORDS = 2  # words beside an amount in a table cell of one figure ("At least £3bn")


def is_cumulative(ctx: ArticleContext, span: Span, cues: dict[str, int]) -> bool:
    """A running total: "in total", "since February 2022", "bringing the total to", "taking
    aid for the year to £3bn", or a past year's sum ("£2.3bn ... in 2022"). An amount on a
    package noun ("a $350 million drawdown") is one package whatever stands around it."""
    if _is_one_package(span):
        return False
    near = [span.doc[i] for i in tree_distances(span, 4)]
    lex = lexicon(LEXICON)
    if cues.get("cumulative", 99) <= 4 and any(
        "cumulative" in lex.cues_at(t)
        and not _says_nothing_of(t, span)
        and not _partitive(t)
        and not _total_elsewhere(ctx, t, span)
        for t in near
    ):
        return True
    head = span.root
    chain = list(head.ancestors)[:4]
    to = next((i for i, anc in enumerate(chain) if anc.lower_ == "to" and anc.dep_ == "prep"), None)
    if to is not None and any(anc.lemma_ in TOTAL_VERBS for anc in chain[to + 1 :]):
        return True
    if any(t.lower_ == "between" and _past_period(ctx, t) for t in near):
        return True  # "allocated about $119bn ... between January 2022 and December 2024"
    above = _clause_ancestors(span.root)
    own = {span.root, *above, *amount_noun(span).subtree}
    # "Sweden's support since February 2022 will reach 100 billion kronor": the subject's period
    own |= {c for a in above for c in a.children if c.dep_ in ("nsubj", "nsubjpass")}
    if any(
        t.lower_ == "since"
        and t.dep_ in ("prep", "mark")
        and (t.head in own or _introduces(t, span))  # not "... since Russia invaded it"
        and not _says_nothing_of(t, span)
        for t in near
    ):
        return True
    verbs = clause_verbs(head)[:2]
    if verbs and _dated_relative(verbs[0]):
        verbs = verbs[:1]  # the clause governing a relative clause says nothing of its amount
    verbs += [v.head for v in verbs if v.dep_ == "conj"]  # "has provided or committed ..."
    for verb in verbs:
        for child in verb.children:
            if child.lower_ == "since" and child.dep_ == "prep":  # "Since 2022, X has sent"
                return True
            if child.dep_ == "advcl" and _since_clause(verb, child):
                return True
            if child.dep_ == "prep" and child.lower_ in ("over", "during", "in"):
                words = {t.lower_ for t in child.subtree}
                if words & {"past", "last"} and not words & {"day", "days"}:
                    return True
    return _past_year_of_clause(ctx, span) is not None or past_year_row(ctx, span) is not None


def past_year_row(ctx: ArticleContext, span: Span) -> str | None:
    """ "| 2024 | £3 billion | Delivered |": the past year of a table row of one year's
    figure (its cell holds the amount, no clause), which is that year's total."""
    label = line_label(ctx, span)
    if label is None or TABLE_BAR not in span.sent.text or not ctx.published:
        return None
    text = text_of(ctx.doc)
    cell_start = text.rfind("|", 0, span.start_char) + 1
    cell_end = text.find("|", span.end_char)
    rest = text[cell_start : span.start_char] + text[span.end_char : max(cell_end, span.end_char)]
    if len(rest.split()) > _ROW_CELL_WORDS:
        return None  # "| 2024 | Germany pledged €5bn |": a clause, not a year's figure
    year = label.text.strip("| \t")
    return year if len(year) == 4 and year.isdigit() and year < ctx.published[:4] else None


def _clause_ancestors(tok: Token) -> list[Token]:
    """`tok`'s ancestors up to the verb of the relative clause it is in: "Washington, which
    gave $135m in October 2024, has frozen most projects since January" dates no total."""
    above = []
    for anc in tok.ancestors:
        above.append(anc)
        if _dated_relative(anc):
            break
    return above


def _dated_relative(verb: Token) -> bool:
    """A relative clause with a date of its own keeps its own time ("which gave $135m in
    October 2024"); one without takes its governor's ("measures that provided $174bn")."""
    return verb.dep_ == "relcl" and any(t.ent_type_ == "DATE" for t in verb.subtree)


def _total_elsewhere(ctx: ArticleContext, cue: Token, span: Span) -> bool:
    """ "would provide 32 million pounds ..., bringing its total aid to Yemen ... to more than
    1.2 billion pounds": the total is the clause's own later amount, not this one."""
    verb = next((a for a in cue.ancestors if a.lemma_ in TOTAL_VERBS), None)
    if verb is None or span.root in verb.subtree:
        return False
    end = span.sent.end_char
    return any(verb.idx < a.start_char < end for a in ctx.amounts)


def _since_clause(verb: Token, clause: Token) -> bool:
    """ "Since Tajikistan joined the Bank in 1993, the Bank has committed $2.6bn": a "since"
    clause of time, which goes with a perfect ("since you raised Lebanon, I'd ..." is a cause)."""
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return perfect and any(m.dep_ == "mark" and m.lower_ == "since" for m in clause.children)


def _introduces(tok: Token, span: Span) -> bool:
    """`tok` stands in a clause that introduces the amount after a colon ("Disbursed since
    March 2023: some US$9.8 billion")."""
    return tok.i < span.start and any(t.text == ":" for t in tok.doc[tok.i : span.start])


def _partitive(cue: Token) -> bool:
    """ "Of the total, ¥45 billion will ...": the amount is a part of that total, not one."""
    return cue.dep_ == "pobj" and cue.head.lower_ == "of" and cue.head.dep_ == "prep"


def _past_period(ctx: ArticleContext, prep: Token) -> bool:
    """A period that ended before the article ("between 2022 and 2024")."""
    start, end = prep.left_edge.idx, prep.right_edge.idx + len(prep.right_edge)
    dates = [d for d in ctx.dates if start <= d.start_char < end]
    return len(dates) >= 2 and bool(ctx.published) and dates[-1].value < ctx.published[:7]


def _says_nothing_of(cue: Token, span: Span) -> bool:
    """A period word that qualifies a rank ("its sixteenth since the invasion", "the largest
    to date") or sits in a relative clause the amount is not in ("the $61bn that it had sat
    on since October") does not make the amount a running total."""
    above_amount = {span.root, *span.root.ancestors}
    for anc in cue.ancestors:
        if anc in above_amount:
            return False
        if anc.tag_ in ("JJS", "RBS") or anc.ent_type_ == "ORDINAL" or anc.dep_ == "relcl":
            return True
    return False


def _is_one_package(span: Span) -> bool:
    """ "a €1.2 billion emergency loan", "a loan of GBP 2.26 billion", "new support totalling
    €57m", "a fresh line of credit of Rs 4,850 crore": one package."""
    tok = span.root
    while tok.dep_ in ("nummod", "compound", "quantmod", "nmod", "amod") and tok.head is not tok:
        tok = tok.head
    of_phrase = tok.dep_ == "pobj" and tok.head.lower_ == "of"
    if of_phrase or (tok.dep_ == "dobj" and tok.head.dep_ == "acl"):  # "support totalling €57m"
        tok = tok.head.head
    fresh = any(c.dep_ == "amod" and c.lower_ in FRESH_WORDS for c in tok.children)
    return fresh or tok.lemma_.lower() in PACKAGE_NOUNS


def _past_year_of_clause(ctx: ArticleContext, span: Span) -> str | None:
    """A bare year before the article's year attached to the amount's verb ("in 2022")."""
    if not ctx.published:
        return None
    verbs = clause_verbs(span.root)[:1]
    if not verbs:
        return None
    verb = verbs[0]
    for date in ctx.dates_in(span.sent):
        if date.granularity != "year" or date.value >= ctx.published[:4]:
            continue
        if text_of(ctx.doc)[: date.start_char].rstrip().lower().endswith("for"):
            continue  # a commitment for a year is a pledge
        date_span = token_span(ctx.doc, date.start_char, date.end_char)
        if date_span is None or date_span.root.dep_ in ("nummod", "compound", "amod"):
            continue  # "a 2016 agreement": the year names a thing
        if names_for(date_span.root.head):
            continue  # a year in a law's name ("The ... Appropriations Act, 2024")
        # the year's own clause: "... since the war began in 2014" dates the war, not this
        first_verb = next((a for a in date_span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if first_verb == verb:
            return date.value
    return None
