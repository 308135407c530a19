"""Posting on Mastodon over its REST API, with httpx (see `tui.post.http`).

`POST /api/v1/statuses` (public, the plan's language, an `Idempotency-Key` on every
post: the server answers a second post with the same key with the first one's status
for an hour), `in_reply_to_id` for a thread, `POST /api/v2/media` with the image's
description before a status that carries it, `DELETE /api/v1/statuses/:id`,
`POST /api/v1/statuses/:id/reblog`. Every call needs a total deadline and no redirect,
which Mastodon.py's requests session does not give (the feed's reader left it too).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote

import httpx

from tui.core.feed.mastodon_html import html_to_text
from tui.core.plan.images import Image
from tui.core.run.publish.channel import ChannelError, Reply, Sent
from tui.core.run.publish.ledger import PartRecord
from tui.core.run.publish.parts import Part
from tui.post.errors import server_words
from tui.post.http import (
    TIMEOUT,
    Deadline,
    ForeignHost,
    RedirectRefused,
    client,
    origin,
    retry_after,
)

MAX_WAIT = 30.0
SCOPES = "write:statuses write:media read:statuses"
"""What tchat asks for when it registers itself: post, delete, reblog, upload a card,
and read the account's own statuses (to settle a post whose answer was lost)."""
MEDIA_POLLS = 10


class MastodonChannel:
    network = "mastodon"

    def __init__(self, account: str, token: str, server: str, *, timeout: float = TIMEOUT,
                 sleep: Callable[[float], None] = time.sleep, max_wait: float = MAX_WAIT
                 ) -> None:
        self.account = account
        self.server = server.rstrip("/")
        self._token = token
        self._sleep = sleep
        self._max_wait = max_wait
        self._deadline = Deadline(timeout)
        allowed = {origin(self.server)}
        self._http = client(self._deadline, lambda: allowed, base_url=self.server)
        self._lock = threading.Lock()
        self._account_id: str | None = None

    def __repr__(self) -> str:
        return f"MastodonChannel({self.account!r}, {self.server!r})"

    # --- calls -------------------------------------------------------------------------

    def _request(self, method: str, path: str, what: str, *, sending: bool = False,
                 auth: bool = True, **options: Any) -> Any:
        """One call (a 429 waited out once if the wait is short): the JSON answer."""
        headers = dict(options.pop("headers", {}))
        if auth:
            headers["Authorization"] = f"Bearer {self._token}"
        for attempt in (1, 2):
            try:
                with self._deadline.call():
                    response = self._http.request(method, path, headers=headers, **options)
                    body = response.read()
            except httpx.TimeoutException:
                raise ChannelError(f"{self.server} did not answer in time ({what})",
                                   uncertain=sending) from None
            except (RedirectRefused, ForeignHost) as error:
                raise ChannelError(str(error)) from None
            except httpx.HTTPError:
                raise ChannelError(f"{self.server} cannot be reached ({what})",
                                   uncertain=sending) from None
            status = response.status_code
            if status == 429:
                wait = retry_after(response.headers)
                if attempt == 2 or wait is None or wait > self._max_wait:
                    shown = f" (try again in {int(wait) + 1} s)" if wait else ""
                    raise ChannelError(f"Mastodon: too many requests{shown}")
                self._sleep(max(0.0, wait))
                continue
            if status in (401, 403):
                raise ChannelError(f"{self.server} refused the token of {self.account} "
                                   f"({self._said(body, status)})")
            if status == 404:
                return None
            if not 200 <= status < 300:
                raise ChannelError(f"Mastodon refused {what} ({self._said(body, status)})",
                                   uncertain=sending and status >= 500)
            try:
                import json

                return json.loads(body) if body else {}
            except ValueError:
                raise ChannelError(f"{self.server} sent something that is not a Mastodon "
                                   f"answer ({what})", uncertain=sending) from None
        raise AssertionError("unreachable")

    def _said(self, body: bytes, status: int) -> str:
        import json

        try:
            data = json.loads(body)
            message = data.get("error") if isinstance(data, dict) else None
        except ValueError:
            message = None
        return server_words(message or f"HTTP {status}", self._token)

    # --- the Channel protocol ------------------------------------------------------------

    def sign_in(self) -> str:
        """The token works (`GET /api/v1/apps/verify_credentials`): the app's name."""
        with self._lock:
            answer = self._request("GET", "/api/v1/apps/verify_credentials", "signing in")
        if not isinstance(answer, dict):
            raise ChannelError(f"{self.server} has no Mastodon API here")
        return str(answer.get("name", ""))

    def send(self, part: Part, reply: Reply | None, image: Image | None) -> Sent:
        with self._lock:
            body: dict[str, Any] = {"status": part.text, "visibility": "public",
                                    "language": part.language}
            if reply is not None:
                body["in_reply_to_id"] = reply.parent.uri
            if image is not None:
                body["media_ids"] = [self._upload(image)]
            status = self._request("POST", "/api/v1/statuses", "the post", sending=True,
                                   json=body, headers={"Idempotency-Key": part.key})
            return self._sent(status)

    def find(self, record: PartRecord, text: str | None) -> Sent | None:
        """The status an intent left behind: among the account's latest, the one with
        its text, made after the intent (Mastodon keeps no client key on a status)."""
        if not text:
            return None
        with self._lock:
            account_id = self._own_id()
            statuses = self._request(
                "GET", f"/api/v1/accounts/{quote(account_id)}/statuses",
                "reading the account's posts", params={"limit": 40, "exclude_reblogs": "true"})
        if not isinstance(statuses, list):
            raise ChannelError(f"{self.server} cannot tell whether the post is there")
        wanted = " ".join(text.split())
        since = record.wall - timedelta(minutes=5)
        for status in statuses:
            if not isinstance(status, dict):
                continue
            try:
                made = datetime.fromisoformat(str(status.get("created_at")).replace("Z",
                                                                                    "+00:00"))
            except ValueError:
                continue
            seen = " ".join(html_to_text(str(status.get("content") or "")).split())
            if made >= since and seen == wanted:
                return self._sent(status)
        return None

    def delete(self, record: PartRecord) -> None:
        with self._lock:
            self._request("DELETE", f"/api/v1/statuses/{quote(record.uri or '')}",
                          "deleting the post")

    def repost(self, uri: str, cid: str | None) -> Sent:
        with self._lock:
            status_id = uri if uri.isdigit() else self._local_id(uri)
            answer = self._request("POST", f"/api/v1/statuses/{quote(status_id)}/reblog",
                                   "the reblog", sending=True)
            return self._sent(answer)

    # --- helpers -------------------------------------------------------------------------

    def _own_id(self) -> str:
        if self._account_id is None:
            username = self.account.removeprefix("@").split("@")[0]
            found = self._request("GET", "/api/v1/accounts/lookup", "finding the account",
                                  params={"acct": username})
            if not isinstance(found, dict) or not found.get("id"):
                raise ChannelError(f"{self.server} does not know {self.account}")
            self._account_id = str(found["id"])
        return self._account_id

    def _local_id(self, url: str) -> str:
        found = self._request("GET", "/api/v2/search", "finding the post",
                              params={"q": url, "type": "statuses", "resolve": "true",
                                      "limit": 1})
        statuses = found.get("statuses") if isinstance(found, dict) else None
        if not statuses or not isinstance(statuses[0], dict) or not statuses[0].get("id"):
            raise ChannelError(f"{self.server} cannot find that post")
        return str(statuses[0]["id"])

    def _upload(self, image: Image) -> str:
        media = self._request(
            "POST", "/api/v2/media", "uploading the image",
            files={"file": (image.path.name, image.data, image.kind)},
            data={"description": image.alt})
        if not isinstance(media, dict) or not media.get("id"):
            raise ChannelError(f"{self.server} did not take the image")
        media_id = str(media["id"])
        polls = 0
        # 202: still being processed; the status waits until it has a URL.
        while not media.get("url") and polls < MEDIA_POLLS:
            polls += 1
            self._sleep(1.0)
            media = self._request("GET", f"/api/v1/media/{quote(media_id)}",
                                  "processing the image") or {}
        if not media.get("url"):
            raise ChannelError(f"{self.server} is still processing the image: try again")
        return media_id

    def _sent(self, status: Any) -> Sent:
        if not isinstance(status, dict) or not status.get("id"):
            raise ChannelError(f"{self.server} sent something that is not a status",
                               uncertain=True)
        return Sent(str(status["id"]), str(status.get("url") or status.get("uri") or ""))


# --- the authorization code flow (tchat login PLAN mastodon) -----------------------------

OUT_OF_BAND = "urn:ietf:wg:oauth:2.0:oob"


def register_app(server: str, *, timeout: float = TIMEOUT) -> tuple[str, str]:
    """Register tchat with the server (`POST /api/v1/apps`): its client id and secret."""
    deadline = Deadline(timeout)
    allowed = {origin(server)}
    with client(deadline, lambda: allowed, base_url=server) as http, deadline.call():
        try:
            response = http.post("/api/v1/apps", data={
                "client_name": "tchat", "redirect_uris": OUT_OF_BAND, "scopes": SCOPES})
            data = response.json()
        except (httpx.HTTPError, ValueError):
            raise ChannelError(f"{server} cannot register tchat") from None
    if response.status_code != 200 or not isinstance(data, dict) \
            or not data.get("client_id") or not data.get("client_secret"):
        raise ChannelError(f"{server} refused to register tchat (HTTP {response.status_code})")
    return str(data["client_id"]), str(data["client_secret"])


def authorize_url(server: str, client_id: str) -> str:
    from urllib.parse import urlencode

    return f"{server}/oauth/authorize?" + urlencode({
        "client_id": client_id, "scope": SCOPES, "redirect_uri": OUT_OF_BAND,
        "response_type": "code"})


def exchange_code(server: str, client_id: str, client_secret: str, code: str, *,
                  timeout: float = TIMEOUT) -> str:
    """The access token for an authorization code (`POST /oauth/token`)."""
    deadline = Deadline(timeout)
    allowed = {origin(server)}
    with client(deadline, lambda: allowed, base_url=server) as http, deadline.call():
        try:
            response = http.post("/oauth/token", data={
                "grant_type": "authorization_code", "code": code, "client_id": client_id,
                "client_secret": client_secret, "redirect_uri": OUT_OF_BAND,
                "scope": SCOPES})
            data = response.json()
        except (httpx.HTTPError, ValueError):
            raise ChannelError(f"{server} cannot give a token") from None
    token = data.get("access_token") if isinstance(data, dict) else None
    if response.status_code != 200 or not token:
        raise ChannelError(f"{server} refused the code (HTTP {response.status_code})")
    return str(token)
