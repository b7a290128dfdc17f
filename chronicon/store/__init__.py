"""Stage 6a, store: one SQLite file is the whole state."""
