"""`chronicon serve`: the web viewer (issue 7). Not built yet."""
