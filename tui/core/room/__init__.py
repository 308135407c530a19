"""The room: the conversation tied to one plan (whose post answers which question, the
feed session of a run, the summary the recap and the report use)."""
