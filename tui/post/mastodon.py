"""Posting on Mastodon over its REST API, with httpx over tchat's one guarded transport
(`tui.net.transport`).

`POST /api/v1/statuses` (public, the plan's language, an `Idempotency-Key` on every
post: the server answers a second post with the same key with the first one's status
for an hour), `in_reply_to_id` for a thread, `POST /api/v2/media` with the image's
description before a status that carries it, `DELETE /api/v1/statuses/:id`,
`POST /api/v1/statuses/:id/reblog`. Every call needs a total deadline, a bounded answer,
no redirect and no host but the account's own, which Mastodon.py's requests session does
not give (the feed's reader left it too); every answer is read as JSON within bounds
(`tui.net.answers`: a nested answer is a line, never a RecursionError).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any
from urllib.parse import quote

import httpx

from tui.core.feed.mastodon_html import html_to_text
from tui.core.feed.post import MAX_ID, post_moment
from tui.core.plan.images import Image
from tui.core.run.publish.channel import ChannelError, Reply, Sent
from tui.core.run.publish.ledger import PartRecord
from tui.core.run.publish.parts import Part
from tui.core.text.said import Said
from tui.net.answers import json_answer, not_json
from tui.net.failure import HttpFailure
from tui.net.transport import (
    TIMEOUT,
    GuardedTransport,
    answers_up_to,
    deadline,
    guarded_client,
)
from tui.post.errors import MAX_ANSWER, server_words, too_many

MAX_WAIT = 30.0
SCOPES = "write:statuses write:media read:statuses"
"""What tchat asks for when it registers itself: post, delete, reblog, upload a card,
and read the account's own statuses (to settle a post whose answer was lost)."""
MEDIA_POLLS = 10
MAX_URL = 2000


class MastodonChannel:
    network = "mastodon"

    def __init__(self, account: str, token: str, server: str, *, timeout: float = TIMEOUT,
                 sleep: Callable[[float], None] = time.sleep, max_wait: float = MAX_WAIT
                 ) -> None:
        self.account = account
        self.server = server.rstrip("/")
        self.timeout = timeout
        self._token = token
        self._sleep = sleep
        self._max_wait = max_wait
        # The token goes to this server only: the transport sends to no other host.
        self._transport = GuardedTransport([self.server], timeout=timeout)
        self._http = guarded_client(self._transport, base_url=self.server)
        self._lock = threading.Lock()
        self._account_id: str | None = None

    def __repr__(self) -> str:
        return f"MastodonChannel({self.account!r}, {self.server!r})"

    def cancel(self) -> None:
        """Stop the call under way (within a quarter of a second), and every later one."""
        self._transport.cancel()

    # --- calls -------------------------------------------------------------------------

    def _request(self, method: str, path: str, what: str, *, sending: bool = False,
                 auth: bool = True, **options: Any) -> Any:
        """One call (a 429 waited out once if the wait is short): the JSON answer, None
        for a 404. `what` is a `post.doing_*` key: failures say what was being done."""
        headers = dict(options.pop("headers", {}))
        doing = Said.of(what)
        if auth:
            headers["Authorization"] = f"Bearer {self._token}"
        for attempt in (1, 2):
            try:
                with deadline(self.timeout), answers_up_to(MAX_ANSWER):
                    response = self._http.request(method, path, headers=headers, **options)
            except HttpFailure as failure:
                # Uncertain when the request may have reached the server.
                raise ChannelError(failure.said, uncertain=sending and failure.arrived
                                   ) from None
            except httpx.HTTPError:
                raise ChannelError.of("post.unreachable", server=self.server, what=doing,
                                      uncertain=sending) from None
            status = response.status_code
            if status == 429:
                refusal, wait = too_many(self.server, what, dict(response.headers),
                                         self._max_wait, last=attempt == 2)
                if refusal is not None:
                    raise refusal
                self._sleep(wait)
                continue
            if status in (401, 403):
                raise ChannelError.of("post.token_refused", server=self.server,
                                      account=self.account, said=self._said(response))
            if status == 404:
                return None
            if not 200 <= status < 300:
                raise ChannelError.of("post.answered_status", server=self.server, path=path,
                                      status=str(status), said=self._said(response),
                                      uncertain=sending and status >= 500)
            if not response.content:
                return {}
            data = json_answer(response)
            if data is None:
                raise ChannelError.of("post.answered", server=self.server, path=path,
                                      answer=not_json(response), uncertain=sending)
            return data
        raise AssertionError("unreachable")

    def _said(self, response: httpx.Response) -> str:
        data = json_answer(response)
        message = data.get("error") if isinstance(data, dict) else None
        return server_words(message or f"HTTP {response.status_code}", self._token)

    # --- the Channel protocol ------------------------------------------------------------

    def sign_in(self) -> str:
        """The token works (`GET /api/v1/apps/verify_credentials`): the app's name."""
        with self._lock:
            answer = self._request("GET", "/api/v1/apps/verify_credentials",
                                   "post.doing_sign_in")
        if not isinstance(answer, dict):
            raise ChannelError.of("post.no_api", server=self.server)
        return str(answer.get("name", ""))

    def send(self, part: Part, reply: Reply | None, image: Image | None) -> Sent:
        with self._lock:
            body: dict[str, Any] = {"status": part.text, "visibility": "public",
                                    "language": part.language}
            if reply is not None:
                body["in_reply_to_id"] = reply.parent.uri
            if image is not None:
                body["media_ids"] = [self._upload(image)]
            status = self._request("POST", "/api/v1/statuses", "post.doing_post", sending=True,
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
                "GET", f"/api/v1/accounts/{quote(account_id, safe='')}/statuses",
                "post.doing_own_posts", params={"limit": 40, "exclude_reblogs": "true"})
        if not isinstance(statuses, list):
            raise ChannelError.of("post.cannot_tell", server=self.server)
        wanted = " ".join(text.split())
        since = record.wall - timedelta(minutes=5)
        for status in statuses:
            if not isinstance(status, dict):
                continue
            # A date no chat can have (or none) is not the post: bounded like the feed's.
            made = post_moment(status.get("created_at"), naive_is_utc=True)
            content = status.get("content")
            if made is None or not isinstance(content, str):
                continue
            seen = " ".join(html_to_text(content).split())
            if made >= since and seen == wanted:
                return self._sent(status)
        return None

    def delete(self, record: PartRecord) -> None:
        with self._lock:
            self._request("DELETE", f"/api/v1/statuses/{quote(record.uri or '', safe='')}",
                          "post.doing_delete")

    def repost(self, uri: str, cid: str | None) -> Sent:
        with self._lock:
            status_id = uri if uri.isdigit() else self._local_id(uri)
            answer = self._request("POST", f"/api/v1/statuses/{quote(status_id, safe='')}/reblog",
                                   "post.doing_reblog", sending=True)
            return self._sent(answer)

    def refs(self, uri: str) -> Reply:
        """A reply on Mastodon names the status it answers by its id on the account's
        own server (`in_reply_to_id`): a status of another server is looked up there
        first (`/api/v2/search` with `resolve`)."""
        with self._lock:
            status_id = uri if uri.isdigit() else self._local_id(uri)
        parent = Sent(status_id, uri if uri.startswith("https://") else "")
        return Reply(parent, parent)

    # --- helpers -------------------------------------------------------------------------

    def _own_id(self) -> str:
        if self._account_id is None:
            username = self.account.removeprefix("@").split("@")[0]
            found = self._request("GET", "/api/v1/accounts/lookup", "post.doing_find_account",
                                  params={"acct": username})
            account_id = _bounded_id(found.get("id") if isinstance(found, dict) else None)
            if account_id is None:
                raise ChannelError.of("post.unknown_account", server=self.server,
                                      account=self.account)
            self._account_id = account_id
        return self._account_id

    def _local_id(self, url: str) -> str:
        found = self._request("GET", "/api/v2/search", "post.doing_find_post",
                              params={"q": url, "type": "statuses", "resolve": "true",
                                      "limit": 1})
        statuses = found.get("statuses") if isinstance(found, dict) else None
        first = statuses[0] if isinstance(statuses, list) and statuses else None
        status_id = _bounded_id(first.get("id") if isinstance(first, dict) else None)
        if status_id is None:
            raise ChannelError.of("post.post_not_found", server=self.server)
        return status_id

    def _upload(self, image: Image) -> str:
        media = self._request(
            "POST", "/api/v2/media", "post.doing_upload",
            files={"file": (image.path.name, image.data, image.kind)},
            data={"description": image.alt})
        media_id = _bounded_id(media.get("id") if isinstance(media, dict) else None)
        if media_id is None:
            raise ChannelError.of("post.image_refused", server=self.server)
        polls = 0
        # 202: still being processed; the status waits until it has a URL.
        while not _processed(media) and polls < MEDIA_POLLS:
            polls += 1
            self._sleep(1.0)
            media = self._request("GET", f"/api/v1/media/{quote(media_id, safe='')}",
                                  "post.doing_processing")
        if not _processed(media):
            raise ChannelError.of("post.image_processing", server=self.server)
        return media_id

    def _sent(self, status: Any) -> Sent:
        """The status the server says it made: its id and link, bounded (they go to the
        log and the screen), or a line saying the answer is none."""
        status_id = _bounded_id(status.get("id") if isinstance(status, dict) else None)
        if status_id is None:
            raise ChannelError.of("post.not_a_status", server=self.server, uncertain=True)
        assert isinstance(status, dict)
        link = next((v for v in (status.get("url"), status.get("uri"))
                     if isinstance(v, str) and v and len(v) <= MAX_URL), "")
        return Sent(status_id, link)


def _bounded_id(value: Any) -> str | None:
    """An id as a server sends it (a string, or a number), bounded; None otherwise."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    return value if isinstance(value, str) and 0 < len(value) <= MAX_ID else None


def _processed(media: Any) -> bool:
    return isinstance(media, dict) and bool(media.get("url"))


# --- the authorization code flow (tchat login PLAN mastodon) -----------------------------

OUT_OF_BAND = "urn:ietf:wg:oauth:2.0:oob"


def _form(server: str, path: str, what: str, form: dict[str, str], timeout: float, *,
          secrets: tuple[str, ...] = ()) -> Any:
    """A form POSTed to `server` (the app's registration, the code's exchange) over the
    guarded transport; its JSON answer when it is a 200, else ChannelError naming the
    server and what it answered (`secrets` blotted out of what it said)."""
    doing = Said.of(what)
    with guarded_client(GuardedTransport([server], timeout=timeout), base_url=server) as http:
        try:
            with deadline(timeout), answers_up_to(MAX_ANSWER):
                response = http.post(path, data=form)
        except HttpFailure as failure:
            raise ChannelError.of("post.failed_doing", what=doing, reason=failure.said
                                  ) from None
        except httpx.HTTPError:
            raise ChannelError.of("post.unreachable", server=server, what=doing) from None
    data = json_answer(response)
    if response.status_code != 200:
        message = data.get("error") if isinstance(data, dict) else None
        said = server_words(message or f"HTTP {response.status_code}", *secrets)
        raise ChannelError.of("post.answered_status", server=server, path=path,
                              status=str(response.status_code), said=said)
    if not isinstance(data, dict):
        answer = not_json(response) if data is None else Said.of("post.json_not_object")
        raise ChannelError.of("post.answered", server=server, path=path, answer=answer)
    return data


def register_app(server: str, *, timeout: float = TIMEOUT) -> tuple[str, str]:
    """Register tchat with the server (`POST /api/v1/apps`): its client id and secret."""
    data = _form(server, "/api/v1/apps", "post.doing_register", {
        "client_name": "tchat", "redirect_uris": OUT_OF_BAND, "scopes": SCOPES}, timeout)
    client_id, secret = data.get("client_id"), data.get("client_secret")
    if not isinstance(client_id, str) or not isinstance(secret, str) \
            or not 0 < len(client_id) <= MAX_ID or not 0 < len(secret) <= MAX_ID:
        raise ChannelError.of("post.not_registered", server=server)
    return client_id, secret


def authorize_url(server: str, client_id: str) -> str:
    from urllib.parse import urlencode

    return f"{server}/oauth/authorize?" + urlencode({
        "client_id": client_id, "scope": SCOPES, "redirect_uri": OUT_OF_BAND,
        "response_type": "code"})


def exchange_code(server: str, client_id: str, client_secret: str, code: str, *,
                  timeout: float = TIMEOUT) -> str:
    """The access token for an authorization code (`POST /oauth/token`)."""
    data = _form(server, "/oauth/token", "post.doing_exchange", {
        "grant_type": "authorization_code", "code": code, "client_id": client_id,
        "client_secret": client_secret, "redirect_uri": OUT_OF_BAND, "scope": SCOPES},
        timeout, secrets=(client_secret, code))
    token = data.get("access_token")
    if not isinstance(token, str) or not token:
        raise ChannelError.of("post.code_refused", server=server)
    return token
