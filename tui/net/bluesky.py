"""A run's Bluesky sessions: one `createSession` per account, shared by the feed and
posting.

Bluesky allows 30 `createSession` a 5 minutes and 300 a day per account, and a
run-sheet that reads the tag (the feed) and posts the cues (`P`) on the same account
would otherwise sign in twice, and again at each restart of either. `Sessions` hands
the same `BlueskySession` to every caller that asks for the same account on the same
service with the same app password; the atproto SDK then refreshes that one session
(`refreshSession`) before it expires, whoever calls.

A session's requests go through one guarded transport (`tui.net.transport`): the app
password only to the service the plan names (`bluesky_service`, bsky.social by
default), the access token to it and to the account's own server when the session names
one over https (bsky.social's accounts live on servers of their own; plain http only
on loopback, for tests). Any other address a session or an answer names gets nothing.
"""

from __future__ import annotations

import hmac
import threading
from typing import Any

import httpx

from tui.net.failure import Origin, is_loopback, origin_of
from tui.net.transport import MAX_BODY, TIMEOUT, GuardedTransport

DEFAULT_SERVICE = "https://bsky.social"
LAST_EXPIRY = 32_503_680_000
"""Year 3000, in seconds since 1970: an access token said to expire later (or `inf`, or
never) is no session the SDK can keep (it turns the expiry into a date at every call)."""


class NotASession(Exception):
    """The service answered `createSession` with something that is not a session."""


class BlueskySession:
    """One account signed in on one service, for as long as the run lasts.

    `client` is the atproto SDK's client (its transport is the guarded one); `sign_in()`
    creates the session once and gives the account's DID; `forget()` after the server
    refused the session's token makes the next `sign_in()` create a new one. Thread-safe:
    the feed's worker and posting's may call at once (the SDK refreshes under its own
    lock; signing in is under this one)."""

    def __init__(self, handle: str, password: str, service: str = DEFAULT_SERVICE, *,
                 timeout: float = TIMEOUT, max_body: int = MAX_BODY) -> None:
        from atproto import Client
        from atproto_client.request import Request

        self.handle = handle.strip().removeprefix("@")
        self.service = service.rstrip("/")
        self.timeout = timeout
        self._password = password
        self.transport = GuardedTransport([self.service], timeout=timeout, max_body=max_body)
        self._answers = threading.local()
        # trust_env=False: an environment proxy would have httpx go around the transport.
        self.client: Any = Client(base_url=self.service, request=Request(
            transport=self.transport, timeout=timeout, trust_env=False,
            event_hooks={"response": [self._answered]}))
        self.client.on_session_change(self._changed)
        self._lock = threading.Lock()
        self.did: str | None = None
        self._session_did: str | None = None

    def __repr__(self) -> str:
        return f"BlueskySession({self.handle!r}, {self.service!r})"

    @property
    def signed_in(self) -> bool:
        return self.did is not None

    def holds(self, password: str) -> bool:
        """True when this session was made with `password` (compared in constant time)."""
        return hmac.compare_digest(password.encode(), self._password.encode())

    def sign_in(self) -> str:
        """The account's DID, signing in first (`createSession`) when not signed in yet.
        Raises what the SDK raises (a refused password, a 429…), `HttpFailure` for a
        request that brought no answer, `NotASession` for an answer that is none."""
        with self._lock:
            if self.did is None:
                self._session_did = None
                self.client.login(self.handle, self._password, fetch_bsky_profile=False)
                if self._session_did is None:
                    raise NotASession(f"{self.service} did not send a session")
                self.did = self._session_did
            return self.did

    def forget(self) -> None:
        """The server no longer takes this session: the next `sign_in()` makes a new one."""
        with self._lock:
            self.did = None

    def last_answer(self) -> httpx.Response | None:
        """The last answer this thread got from the session's servers (read whole by the
        transport): what a server answered when the SDK could not read it as an answer."""
        answer: httpx.Response | None = getattr(self._answers, "last", None)
        return answer

    def _answered(self, response: httpx.Response) -> None:
        self._answers.last = response

    def cancel(self) -> None:
        """Stop every request of this session, now and later (the run is ending)."""
        self.transport.cancel()

    def close(self) -> None:
        self.cancel()
        self.transport.close()

    def _changed(self, _event: Any, session: Any) -> None:
        # Created or refreshed: the account's DID, and the server the session names. A
        # session whose token expires at no moment a date can hold is none.
        self._session_did = str(getattr(session, "did", "") or "") or None
        if not _usable_expiry(session):
            self._session_did = None
        pds = str(getattr(session, "pds_endpoint", "") or "")
        found = origin_of(pds)
        if found is not None and (found[0] == "https" or is_loopback(found[1])):
            self.transport.allow(pds)


class Sessions:
    """The run's Bluesky sessions: the same account, service and app password get the
    same session, whoever asks (the feed's source, posting's channel).

    The run-sheet holds one for the whole run and closes it when the run ends; a command
    (`tchat feed`, `tchat post`) holds one for its own run."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._held: dict[tuple[Origin | None, str], BlueskySession] = {}

    def bluesky(self, handle: str, password: str, service: str = DEFAULT_SERVICE, *,
                timeout: float = TIMEOUT) -> BlueskySession:
        """The session of `handle` on `service`: the one already held when the app
        password is the same, else a new one (a different password for the same account
        is not mixed with the held session: it gets one of its own, not kept here)."""
        key = (origin_of(service), handle.strip().removeprefix("@").lower())
        with self._lock:
            held = self._held.get(key)
            if held is not None and held.holds(password):
                return held
            session = BlueskySession(handle, password, service, timeout=timeout)
            if held is None:
                self._held[key] = session
            return session

    def close(self) -> None:
        """End every session's requests and close their connections."""
        with self._lock:
            held, self._held = list(self._held.values()), {}
        for session in held:
            session.close()


def _usable_expiry(session: Any) -> bool:
    """The access token's expiry (`exp`, a server's number) is a moment: after 1970,
    before year 3000."""
    try:
        expiry = session.access_jwt_payload.exp
    except Exception:  # noqa: BLE001 - a token that does not decode is no session
        return False
    if isinstance(expiry, bool) or not isinstance(expiry, int | float):
        return False
    return 0 < expiry < LAST_EXPIRY
