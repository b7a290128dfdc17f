"""`chronicon bench time: TempEval-3 evaluation of the time stage (issue 4).` Not built yet."""
