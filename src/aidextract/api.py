"""The public Python API: extract facts from one text, run a corpus, load the tables."""

from __future__ import annotations

from .nlp import load_nlp
from .pipeline import Rows, article_row, facts_of, no_facts
from .readers import Article


def extract(text: str, published: str | None = None) -> Rows:
    """The facts of one article, as rows of every table (the `articles` table holds one row).

    `published` (partial ISO date) anchors relative dates; without it the article's dateline
    or most salient date is used.

    >>> facts = extract("The US announced $425 million in military aid for Ukraine.")
    >>> facts["aid_packages"][0]["amount"]
    425000000.0
    """
    article = Article(article_id="text", source="<text>", text=text, published=published)
    if not text.strip():
        article.status, article.error = "skipped", "empty article (no text)"
        return {"articles": [article_row(article, published)], **no_facts()}
    row, facts = facts_of(article, load_nlp()(text))
    return {"articles": [row], **facts}
