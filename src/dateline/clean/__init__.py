"""Cleaning: remove scraper junk by deletion only, and map clean offsets back to raw."""

from dateline.clean.cleaner import clean, not_article, text_for_dating
from dateline.clean.offsets import OffsetMap, apply_edits
from dateline.clean.rules import NOT_ARTICLE_RULES

__all__ = [
    "NOT_ARTICLE_RULES",
    "OffsetMap",
    "apply_edits",
    "clean",
    "not_article",
    "text_for_dating",
]
