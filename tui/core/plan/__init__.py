"""The plan: its model, the TOML file (load, style-preserving save), the schedule and
the drafts, `tchat check`'s rules, new plans and the next edition of a regular chat."""
