"""Posting's clients: the network side of `[accounts]` (Bluesky, Mastodon).

Loaded only by `tchat post`, `tchat login`, `tchat check --online` and the run-sheet's
posting worker, never on the start-up path. The decisions (what to send, once) are the
core's (`tui.core.run.publish`); here are the calls, over tchat's one guarded transport
(`tui.net`): each bounded in time and size, never following a redirect, sending a
credential only to its own host.
"""
