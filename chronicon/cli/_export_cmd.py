"""`chronicon export: the formats people use (issue 7).` Not built yet."""
