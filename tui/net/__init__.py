"""tchat's one way to the network: every request of every client (the conversation's
sources in `tui.feed`, posting in `tui.post`) goes through `transport.GuardedTransport`.

What it gives each of them, whatever the server does:

- a total deadline per request, name lookup included (`transport.deadline`), and a
  cancel that ends a request within a quarter of a second (`transport.stopping`);
- a bounded answer (`transport.answers_up_to`), its `Content-Length` read as a bounded
  number before anything else;
- no redirect followed, ever, and no request to a host the caller did not name (a
  credential goes to its own scheme, host and port only);
- the environment's proxies, within the same bounds (loopback never proxied);
- every number a server sends (`Retry-After`, `ratelimit-reset`, `X-RateLimit-Reset`)
  bounded before use (`numbers`);
- every failure said in words that name the server and what it answered
  (`failure.HttpFailure`).

`bluesky.Sessions` holds a run's Bluesky sessions, so the feed and posting share one
`createSession` per account. Loaded only by the feed's and posting's clients: never on
the run-sheet's start-up path, never by the core.
"""
