"""The `dateline` command line."""
