"""The analyst's page: a summary of an output folder, then each article with its facts
highlighted in place, beside them as tables.

One self-contained HTML file (styles inline, the chart an inline SVG, no script, nothing
fetched), so it opens offline and can be sent as it is. The highlights are spaCy displaCy's,
rendered in manual mode from the tables' character offsets; displaCy escapes the article
text (hostile input), and everything else on the page goes through `html.escape`.

people and places carry no offsets, so their highlights are the `entities` spans that name
them: an entity whose words end a person's name ("Biden" for Joe Biden), or one that
resolves (geo.resolve_place / resolve_name, as the places table was built) to a listed
place. Demonyms ("Polish") and datelines, which the places table also counts, are no
entity spans and so have no highlight.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib import rc_context
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure
from spacy import displacy

from . import __version__
from .geo import resolve_name, resolve_place
from .places import MISLABELS, PLACE_LABELS
from .query import cell_text, connect, quote_ident, table_files
from .resources import read_template

# Highlight labels with displaCy-like colours, in the order that wins when spans overlap.
COLORS = {
    "AMOUNT": "#7aecec",
    "COUNT": "#ff9561",
    "DATE": "#bfe1d9",
    "PERSON": "#aa9cfc",
    "PLACE": "#feca74",
}
# The columns each fact table shows beside its article (evidence is the highlighted text).
FACT_COLUMNS = {
    "aid_packages": (
        "donor",
        "recipient",
        "amount",
        "currency",
        "amount_usd",
        "qualifier",
        "kind",
        "cumulative",
        "announced",
        "items",
    ),
    "troop_deployments": ("origin", "count", "qualifier", "destination", "location", "reported"),
    "people": ("name", "role", "country", "mentions"),
    "places": ("name", "type", "country", "mentions"),
    "dates": ("text", "value", "granularity", "relative"),
}
TABLE_TITLES = {
    "aid_packages": "Aid packages",
    "troop_deployments": "Troop deployments",
    "people": "People",
    "places": "Places",
    "dates": "Dates",
}
# displaCy's entity template with the fact as a tooltip; every value is escaped before use.
_MARK = (
    '<mark class="entity" data-label="{label}" data-start="{start}" data-end="{end}" '
    'title="{tip}" style="background: {bg}">{text}<span class="label">{label}</span></mark>'
)
# Columns of big numbers in the page's tables, and headers that read better than the column.
_NUMBERS = frozenset({"amount", "amount_usd", "usd_total", "count", "largest_count"})
_HEADERS = {
    "amount_usd": "US$",
    "usd_total": "US$ total",
    "largest_count": "largest count",
    "latest_report": "latest report",
}
# Entity labels that name the people and places of the tables (places.py reads the same).
_NAME_LABELS = (*PLACE_LABELS, *MISLABELS)
_TOP_DONORS = 8  # the chart's other donors are summed as "other"


@dataclass(frozen=True)
class Mark:
    """One highlighted span of an article's text and the fact(s) it stands for."""

    start: int
    end: int
    label: str
    tip: str


# ---------------------------------------------------------------- marks


def _tip(*parts: object) -> str:
    return ", ".join(str(p) for p in parts if p is not None and p != "" and not pd.isna(p))


def _number(value: object) -> str:
    """A big number as a reader scans it: "1.85 bn", "723 m", "190,000"."""
    if value is None or pd.isna(value):
        return ""
    number = float(value)
    for size, unit in ((1e9, " bn"), (1e6, " m")):
        if abs(number) >= size:
            scaled = number / size
            return (f"{scaled:,.0f}" if abs(scaled) >= 100 else f"{scaled:.3g}") + unit
    return f"{number:,.0f}"


def _aid_tip(row: dict) -> str:
    return _tip(
        f"{row['donor'] or '?'} → {row['recipient'] or '?'}",
        f"{row['currency'] or ''} {_number(row['amount'])}".strip(),
        row["kind"],
        row["qualifier"],
        "cumulative" if row["cumulative"] else None,
        f"announced {row['announced']}" if row["announced"] else None,
    )


def _troop_tip(row: dict) -> str:
    where = row["location"] or row["destination"]
    return _tip(
        f"{row['origin'] or '?'} troops",
        row["qualifier"],
        f"in {where}" if where else None,
        row["reported"],
    )


def _offset_marks(rows: pd.DataFrame, label: str, tip: Callable[[dict], str]) -> list[Mark]:
    return [
        Mark(int(row["start_char"]), int(row["end_char"]), label, tip(row))
        for row in rows.to_dict("records")
        if not (pd.isna(row["start_char"]) or pd.isna(row["end_char"]))
    ]


def _names_person(words: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """ "Biden" or "Joe Biden" names Joe Biden: same last word, the words in order."""
    if not words or not name or words[-1] != name[-1]:
        return False
    rest = iter(name)
    return all(w in rest for w in words)


def _person_tip(text: str, people: list[tuple[tuple[str, ...], dict]]) -> str:
    words = tuple(text.lower().removesuffix("'s").removesuffix("’s").split())
    return " | ".join(
        _tip(row["name"], row["role"], row["country"])
        for name, row in people
        if _names_person(words, name)
    )


def _place_of(text: str, label: str) -> str | None:
    """Canonical name of the place an entity names, read as the places table reads it:
    place labels loosely, the labels spaCy gives places it does not know strictly."""
    place = resolve_place(text) if label in PLACE_LABELS else resolve_name(text)
    return place.name if place else None


def _entity_marks(entities: pd.DataFrame, people: pd.DataFrame, places: pd.DataFrame) -> list[Mark]:
    """PERSON and PLACE marks: the entity spans that name a person or place of the article's
    tables, whatever spaCy labelled them ("Olaf Scholz" ORG, "Aachen" PERSON); a span that
    names both is what its label says."""
    names = [(tuple(str(row["name"]).lower().split()), row) for row in people.to_dict("records")]
    listed = {row["name"]: row for row in places.to_dict("records")}
    marks = []
    for ent in entities[entities["label"].isin(_NAME_LABELS)].to_dict("records"):
        text, label = str(ent["text"]), ent["label"]
        person = _person_tip(text, names)
        place = listed.get(_place_of(text, label))
        start, end = int(ent["start_char"]), int(ent["end_char"])
        if place is not None and (label in PLACE_LABELS or not person):
            marks.append(
                Mark(start, end, "PLACE", _tip(place["name"], place["type"], place["country"]))
            )
        elif person:
            marks.append(Mark(start, end, "PERSON", person))
    return marks


def resolve_overlaps(marks: list[Mark], n_chars: int) -> list[Mark]:
    """The marks displaCy can draw, in text order: inside the text, identical spans merged
    (their facts joined in the tooltip), and of two overlapping spans the one whose label
    comes first in COLORS kept, then the longer, then the earlier."""
    merged: dict[tuple[int, int, str], list[str]] = {}
    for m in marks:
        if 0 <= m.start < m.end <= n_chars:
            merged.setdefault((m.start, m.end, m.label), []).append(m.tip)
    rank = {label: i for i, label in enumerate(COLORS)}
    kept: list[Mark] = []
    for (start, end, label), tips in sorted(
        merged.items(), key=lambda item: (rank[item[0][2]], item[0][0] - item[0][1], item[0][0])
    ):
        if all(end <= k.start or start >= k.end for k in kept):
            kept.append(Mark(start, end, label, " | ".join(dict.fromkeys(tips))))
    return sorted(kept, key=lambda m: m.start)


def article_marks(text: str, facts: dict[str, pd.DataFrame]) -> list[Mark]:
    """Every highlight of one article, from its rows of the fact tables and `entities`."""
    marks = [
        *_offset_marks(facts["aid_packages"], "AMOUNT", _aid_tip),
        *_offset_marks(facts["troop_deployments"], "COUNT", _troop_tip),
        *_offset_marks(facts["dates"], "DATE", lambda r: _tip(r["value"], r["granularity"])),
        *_entity_marks(facts["entities"], facts["people"], facts["places"]),
    ]
    return resolve_overlaps(marks, len(text))


def render_text(text: str, marks: list[Mark]) -> str:
    """The article text as displaCy markup, each mark a highlight with its fact as tooltip."""
    ents = [
        {
            "start": m.start,
            "end": m.end,
            "label": m.label,
            "params": {"tip": html.escape(m.tip), "start": m.start, "end": m.end},
        }
        for m in marks
    ]
    return displacy.render(
        [{"text": text, "ents": ents}],
        style="ent",
        manual=True,
        jupyter=False,
        options={"colors": COLORS, "template": _MARK},
    )


# ---------------------------------------------------------------- tables and chart


def _html_table(frame: pd.DataFrame) -> str:
    """A small escaped HTML table; big numbers read as "1.85 bn", lists joined, true
    as "yes", nulls and false blank."""
    shown = frame.copy()
    for column in shown.columns:
        if shown[column].dtype == bool:
            shown[column] = shown[column].map({True: "yes", False: ""})
        else:
            shown[column] = shown[column].map(_number if column in _NUMBERS else cell_text)
    shown.columns = [_HEADERS.get(column, column) for column in shown.columns]
    table = shown.to_html(index=False, escape=True, border=0, classes="facts")
    return f'<div class="table-wrap">{table}</div>'


def _aid_rows(con, files: dict[str, str]) -> tuple[pd.DataFrame, str]:
    """The aid to chart, each package once when the folder has aid_events."""
    if "aid_events" in files:
        sql = "SELECT donor, announced, amount_usd FROM aid_events"
        return con.sql(sql).df(), "aid_events (each package once)"
    sql = "SELECT donor, announced, amount_usd FROM aid_packages WHERE cumulative IS NOT TRUE"
    note = "aid_packages without running totals (a package counts once per article reporting it)"
    return con.sql(sql).df(), note


def aid_chart_svg(aid: pd.DataFrame, source: str) -> str:
    """Stacked monthly bars of US$ announced per donor, as an inline SVG element.

    Needs `donor`, `announced` (partial ISO) and `amount_usd`. A package announced with a
    year only, or without a US$ value, has no bar; the title says how many were left out.
    """
    month = pd.to_datetime(
        aid["announced"].str.extract(r"^(\d{4}-\d{2})", expand=False) + "-01",
        format="%Y-%m-%d",
        errors="coerce",
    )
    usable = aid.assign(month=month, donor=aid["donor"].fillna("unknown")).dropna(
        subset=["month", "amount_usd"]
    )
    if usable.empty:
        return '<p class="note">No aid package has a month of announcement and a US$ value.</p>'
    totals = usable.groupby("donor")["amount_usd"].sum().sort_values(ascending=False)
    top = list(totals.index[:_TOP_DONORS])
    usable["donor"] = usable["donor"].where(usable["donor"].isin(top), "other")
    by_month = usable.pivot_table(
        index="month", columns="donor", values="amount_usd", aggfunc="sum", fill_value=0.0
    )
    no_month = int(month.isna().sum())
    no_usd = int((month.notna() & aid["amount_usd"].isna()).sum())
    fig = Figure(figsize=(9, 4.2))
    ax = fig.subplots()
    bottom = np.zeros(len(by_month))
    for donor in [d for d in [*top, "other"] if d in by_month.columns]:
        values = by_month[donor].to_numpy() / 1e9
        ax.bar(by_month.index, values, width=25, bottom=bottom, label=donor, align="edge")
        bottom += values
    ax.set_ylabel("US$ billion")
    ax.set_title(
        f"Aid announced per month, by donor: {len(usable)} packages from {source}\n"
        f"left out: {no_month} announced without a month (or undated), {no_usd} without a US$ "
        "value",
        fontsize=9,
    )
    locator = AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.legend(fontsize=8, ncols=2, frameon=False)
    buffer = io.StringIO()
    with rc_context({"svg.hashsalt": "aidextract"}):  # stable ids: the same data, the same page
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]  # inline: no XML declaration or DOCTYPE


def _donor_table(aid: pd.DataFrame) -> pd.DataFrame:
    return (
        aid.assign(donor=aid["donor"].fillna("unknown"))
        .groupby("donor")
        .agg(
            packages=("donor", "size"),
            usd_total=("amount_usd", "sum"),
            first=("announced", "min"),
            last=("announced", "max"),
        )
        .sort_values("usd_total", ascending=False)
        .reset_index()
    )


_DEPLOYMENTS_SQL = """
SELECT origin, count(*) AS reports, count(DISTINCT article_id) AS articles,
       max("count") AS largest_count,
       string_agg(DISTINCT destination, ', ' ORDER BY destination) AS destinations,
       max(reported) AS latest_report
FROM troop_deployments GROUP BY origin ORDER BY largest_count DESC NULLS LAST, origin
"""


def _scalar(con, sql: str) -> int:
    return con.sql(sql).fetchall()[0][0]


def _summary_html(con, files: dict[str, str]) -> str:
    statuses = dict(con.sql("SELECT status, count(*) FROM articles GROUP BY status").fetchall())
    cards = [(f"articles {s}", n) for s, n in sorted(statuses.items())]
    cards += [
        (name, _scalar(con, f"SELECT count(*) FROM {quote_ident(name)}"))
        for name in [*FACT_COLUMNS, *sorted(set(files) - set(FACT_COLUMNS) - {"articles"})]
    ]
    aid, source = _aid_rows(con, files)
    deployments = con.sql(_DEPLOYMENTS_SQL).df()
    card_html = "".join(
        f'<div class="card"><b>{n:,}</b>{html.escape(label)}</div>' for label, n in cards
    )
    return f"""<div class="cards">{card_html}</div>
<div class="summary-grid">
<div><h2>Aid by donor over time</h2><div class="chart">{aid_chart_svg(aid, source)}</div></div>
<div><h2>Aid by donor</h2><p class="note">From {html.escape(source)}; US$ at the
announcement date's ECB rate.</p>{_html_table(_donor_table(aid))}</div>
</div>
<h2>Deployments by origin</h2>
<p class="note">The largest single count reported per origin, not a sum: the same force is
reported by many articles and sentences, so a sum would count it again each time.</p>
{_html_table(deployments)}"""


# ---------------------------------------------------------------- articles


def _articles_sql(max_articles: int) -> str:
    union = " UNION ALL ".join(f"SELECT article_id FROM {name}" for name in FACT_COLUMNS)
    return f"""
WITH facts AS (SELECT article_id, count(*) AS n_facts FROM ({union}) GROUP BY article_id)
SELECT a.article_id, a.source, a.title, a.published, a.url, a.outlet, a.text,
       coalesce(f.n_facts, 0) AS n_facts
FROM articles a LEFT JOIN facts f USING (article_id)
WHERE a.status = 'ok' ORDER BY n_facts DESC, a.article_id LIMIT {int(max_articles)}
"""


def _facts_of(con, shown: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Table -> its rows of the shown articles (`entities`: the person and place spans)."""
    con.register("shown_articles", shown[["article_id"]])
    shown_only = "article_id IN (SELECT article_id FROM shown_articles)"
    labels = ", ".join(f"'{label}'" for label in _NAME_LABELS)
    facts = {
        name: con.sql(f"SELECT * FROM {name} WHERE {shown_only}").df() for name in FACT_COLUMNS
    }
    facts["entities"] = con.sql(
        f"SELECT * FROM entities WHERE {shown_only} AND label IN ({labels})"
    ).df()
    return facts


def _by_article(facts: dict[str, pd.DataFrame]) -> Callable[[str], dict[str, pd.DataFrame]]:
    """A lookup of one article's rows of every table, grouped once."""
    groups = {name: dict(list(frame.groupby("article_id"))) for name, frame in facts.items()}
    empty = {name: frame.iloc[0:0] for name, frame in facts.items()}
    return lambda article_id: {name: groups[name].get(article_id, empty[name]) for name in facts}


def _link(url: str | None) -> str:
    """The article's URL as a link when it is http(s); anything else (javascript:) as text."""
    if not url:
        return ""
    safe = html.escape(url)
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{safe}" rel="noreferrer noopener">{safe}</a>'
    return safe


def _article_html(index: int, article: dict, facts: dict[str, pd.DataFrame]) -> str:
    text = article["text"] or ""
    marks = article_marks(text, facts)
    heading = article["title"] or article["source"] or article["article_id"]
    meta = " · ".join(
        part
        for part in (
            html.escape(article["published"] or "undated"),
            html.escape(article["outlet"] or ""),
            html.escape(article["source"] or ""),
            _link(article["url"]),
            f"{len(marks)} highlights",
        )
        if part
    )
    tables = "".join(
        f"<h3>{TABLE_TITLES[name]} ({len(facts[name])})</h3>"
        + _html_table(facts[name][list(columns)])
        for name, columns in FACT_COLUMNS.items()
        if len(facts[name])
    )
    return f"""<article id="article-{index}">
<header><h2>{html.escape(heading)}</h2><p class="meta">{meta}</p></header>
<div class="article-grid"><div class="text">{render_text(text, marks)}</div>
<div class="facts">{tables or '<p class="note">No facts extracted.</p>'}</div></div>
</article>"""


def _legend() -> str:
    return " ".join(
        f'<span class="entity chip" style="background: {color}; padding: .2em .5em; '
        f'border-radius: .35em">{label}</span>'
        for label, color in COLORS.items()
    )


def build_report(
    out_dir: str | Path = "data/out", html_path: str | Path = "report.html", max_articles: int = 200
) -> Path:
    """Write the report page of an output folder to `html_path` and return that path.

    Articles with the most facts come first; past `max_articles` they are left out (the page
    says how many), since 10,000 articles would make a page no browser opens. Raises
    FileNotFoundError when `out_dir` holds no tables.
    """
    files = table_files(out_dir)
    con = connect(out_dir)
    try:
        summary = _summary_html(con, files)
        n_ok = _scalar(con, "SELECT count(*) FROM articles WHERE status = 'ok'")
        shown = con.sql(_articles_sql(max_articles)).df()
        facts_of = _by_article(_facts_of(con, shown))
    finally:
        con.close()
    sections = [
        _article_html(index, article, facts_of(article["article_id"]))
        for index, article in enumerate(shown.to_dict("records"))
    ]
    left_out = n_ok - len(shown)
    note = f"{len(shown):,} of {n_ok:,} articles, those with the most facts first"
    if left_out:
        note += (
            f"; {left_out:,} left out (`aidextract report --max-articles N` shows more, "
            "`aidextract query` reaches them all)"
        )
    page = read_template("report.html").substitute(
        title=html.escape(f"aidextract report: {Path(out_dir).resolve().name}"),
        generated=html.escape(
            f"Built {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by aidextract {__version__} "
            f"from {out_dir}"
        ),
        summary=summary,
        shown=html.escape(note) + ".",
        legend=_legend(),
        articles="\n".join(sections),
    )
    path = Path(html_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path
