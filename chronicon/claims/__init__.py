"""Stage 4, claims: typed, dated event claims with their evidence."""
