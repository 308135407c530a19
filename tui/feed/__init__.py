"""The conversation's clients: the network side of `[feed]`.

Nothing here is imported by the start-up path: the run-sheet loads it in a worker after
its first frame, and only when the plan has a `[feed]` table. Each platform's own library
does the talking (Mastodon.py, the atproto SDK); they load when a source is built."""
