"""Stage 6c, web viewer (FastAPI). Not built yet: see issue 7."""
