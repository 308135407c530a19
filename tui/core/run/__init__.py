"""One run of one plan: the as-run log, the state folded from it, the hour's snapshot,
the session the screens drive, the report, the pre-flight and the plan's lock."""
