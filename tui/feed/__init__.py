"""The conversation's clients: the network side of `[feed]`.

Nothing here is imported by the start-up path: the run-sheet loads it in a worker after
its first frame, and only when the plan has a `[feed]` table. Every request goes through
one guarded transport (`tui.net`: a total deadline, a bounded answer, no redirect):
tchat reads a Mastodon server's timeline itself, and Bluesky through the atproto SDK
given that transport; they load when a source is built."""
