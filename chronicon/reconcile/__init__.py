"""Stage 5, reconcile: claims of many sources -> events with verdicts."""
