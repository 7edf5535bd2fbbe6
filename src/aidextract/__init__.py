"""aidextract: news articles about wars and aid -> evidence-backed fact tables."""

__version__ = "0.1.0"
