"""aidextract: news articles about wars and aid -> evidence-backed fact tables.

>>> import aidextract
>>> facts = aidextract.extract("Germany pledged €500 million in military aid to Ukraine.")
>>> tables = aidextract.load("data/out")      # dict of pandas DataFrames
>>> summary = aidextract.run(["data/raw"], "data/out")
"""

__version__ = "0.1.0"

from .api import extract  # noqa: E402
from .pipeline import RunSummary, run  # noqa: E402
from .store import load  # noqa: E402


def deployments_over_time(out_dir="data/out"):
    """Per origin and destination, the reported troop counts in date order with their articles."""
    from .query import deployments_over_time as view  # DuckDB loads only when asked

    return view(out_dir)


__all__ = ["RunSummary", "__version__", "deployments_over_time", "extract", "load", "run"]
