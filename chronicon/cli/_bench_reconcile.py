"""`chronicon bench reconcile: synthetic truth, clustering and verdict accuracy, scale (issue 6).` Not built yet."""
