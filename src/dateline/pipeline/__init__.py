"""The ingest pipeline: per-document stages (read, clean, date, fingerprint) and the
corpus stages (deduplicate, store) that follow them."""
