"""Stage 6b, export: the formats people use."""
