"""Posting from tchat: what goes out, on which network, once.

Nothing here talks to a network (the clients are in `tui.post`, behind the `Channel`
protocol of `publisher`): this package decides.

- `richtext`: a Bluesky post's text as the app publishes it, with its facets at UTF-8
  byte offsets (tags, links, mentions);
- `parts`: the parts of a cue for one network (a thread is split within its limit),
  each with the key the server dedupes on (`keys`);
- `ledger`: what the as-run log says was posted, is on its way, or failed;
- `publisher`: intent on disk, send, done or failed; open intents settled at start-up;
- `outcomes`: what happened, typed, and said in the run's language.

The run-sheet's `P` and `tchat post` both call `publisher.publish_cue`.
"""
