"""Merging reports from many documents into one record per event."""
