"""`chronicon time: tag temporal expressions and write TempEval-3 TimeML (issue 4).` Not built yet."""
