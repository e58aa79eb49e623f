"""Extraction quality measured against hand-written gold files: a benchmark beside the product.

Pure Python: dicts in, frozen reports out. The management command ``evaluate`` ingests the stories
and feeds their JSON exports here; nothing in this package imports Django.
"""

from .formatting import format_report
from .gold import gold_problems, read_texts
from .quotes import quote_overlap
from .report import EventResult, QuoteResult, Ratio, Report
from .scoring import evaluate
from .text import normalize_name, normalize_text

__all__ = [
    "EventResult",
    "QuoteResult",
    "Ratio",
    "Report",
    "evaluate",
    "format_report",
    "gold_problems",
    "normalize_name",
    "normalize_text",
    "quote_overlap",
    "read_texts",
]
