"""Extraction of structured facts (figures, ...) from clean, sentence-split article text."""
