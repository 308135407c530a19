"""Posting on Bluesky through the atproto SDK's models.

One session per run: `createSession` once (the server allows 30 per 5 minutes and 300
a day), then the SDK refreshes it with `refreshSession` before it expires. Posts are
`app.bsky.feed.post` records created under the record key tchat derived
(`tui.core.run.publish.keys`): a second create of the same part is refused by the
server, and a look at the record (`getRecord`) then says it is there.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from tui.core.plan.images import Image
from tui.core.run.publish.channel import ChannelError, Reply, Sent
from tui.core.run.publish.keys import record_key
from tui.core.run.publish.ledger import PartRecord
from tui.core.run.publish.parts import Part
from tui.post.errors import server_words
from tui.post.http import (
    TIMEOUT,
    Deadline,
    DeadlineTransport,
    ForeignHost,
    RedirectRefused,
    guards,
    origin,
    retry_after,
)

POST = "app.bsky.feed.post"
REPOST = "app.bsky.feed.repost"
MAX_WAIT = 30.0
"""The longest a 429 is waited out before the call is said to fail."""


class BlueskyChannel:
    network = "bluesky"

    def __init__(self, handle: str, password: str, service: str, *,
                 timeout: float = TIMEOUT, sleep: Callable[[float], None] = time.sleep,
                 max_wait: float = MAX_WAIT) -> None:
        from atproto import Client
        from atproto_client.request import Request

        self.account = handle
        self.service = service
        self._password = password
        self._sleep = sleep
        self._max_wait = max_wait
        self._deadline = Deadline(timeout)
        self._allowed = {origin(service)}
        request = Request(transport=DeadlineTransport(self._deadline), timeout=timeout,
                          event_hooks=guards(lambda: self._allowed), trust_env=False)
        self._client = Client(base_url=service, request=request)
        self._client.on_session_change(self._session_changed)
        self._did: str | None = None
        self._session_did: str | None = None
        self._lock = threading.Lock()
        self._handles: dict[str, str | None] = {}

    def __repr__(self) -> str:
        return f"BlueskyChannel({self.account!r}, {self.service!r})"

    # --- calls -------------------------------------------------------------------------

    @contextmanager
    def _call(self, what: str, *, sending: bool = False) -> Iterator[None]:
        """One bounded call, its failures as ChannelError (a 429 is the caller's)."""
        from atproto_client import exceptions

        try:
            with self._deadline.call():
                yield
        except (ChannelError, exceptions.RateLimitExceededError):
            raise
        except exceptions.UnauthorizedError as error:
            raise ChannelError(f"Bluesky refused the app password of {self.account} "
                               f"({self._server_error(error)})") from None
        except exceptions.InvokeTimeoutError:
            raise ChannelError(f"{self.service} did not answer in time ({what})",
                               uncertain=sending) from None
        except (RedirectRefused, ForeignHost) as error:
            raise ChannelError(str(error)) from None
        except exceptions.NetworkError as error:
            if getattr(error, "response", None) is not None:
                raise ChannelError(f"Bluesky refused {what} "
                                   f"({self._server_error(error)})") from None
            raise ChannelError(f"{self.service} cannot be reached ({what})",
                               uncertain=sending) from None
        except exceptions.RequestErrorBase as error:
            raise ChannelError(f"Bluesky refused {what} ({self._server_error(error)})"
                               ) from None
        except Exception as error:  # noqa: BLE001 - garbage from a server is a line
            cause = error.__cause__ or error.__context__
            if isinstance(cause, RedirectRefused | ForeignHost):
                raise ChannelError(str(cause)) from None
            raise ChannelError(f"{self.service} sent something that is not a Bluesky answer "
                               f"({what})", uncertain=sending) from None

    def _server_error(self, error: Any) -> str:
        content = getattr(getattr(error, "response", None), "content", None)
        name = getattr(content, "error", None)
        message = getattr(content, "message", None)
        status = getattr(getattr(error, "response", None), "status_code", "")
        said = ": ".join(str(x) for x in (name, message) if x) or f"HTTP {status}"
        return server_words(said, self._password)

    def _with_wait(self, what: str, action: Callable[[], Any], *,
                   sending: bool = False) -> Any:
        """`action` as one call; a 429 waited out once, as the server asks, if not long."""
        from atproto_client import exceptions

        for attempt in (1, 2):
            try:
                with self._call(what, sending=sending):
                    return action()
            except exceptions.RateLimitExceededError as error:
                headers = getattr(getattr(error, "response", None), "headers", None) or {}
                wait = retry_after(headers)
                if attempt == 2 or wait is None or wait > self._max_wait:
                    shown = f" (try again in {int(wait) + 1} s)" if wait else ""
                    raise ChannelError(f"Bluesky: too many requests{shown}") from None
                self._sleep(max(0.0, wait))
        raise AssertionError("unreachable")

    # --- the session -------------------------------------------------------------------

    def _session_changed(self, _event: Any, session: Any) -> None:
        # Created or refreshed: the account's DID, and the server its session names.
        self._session_did = str(getattr(session, "did", "") or "") or None
        pds = str(getattr(session, "pds_endpoint", "") or "")
        # bsky.social's accounts live on servers of their own, named in the session:
        # the access token (never the app password) goes there, over https only.
        if pds.startswith("https://") or origin(pds)[1] in ("127.0.0.1", "localhost"):
            self._allowed.add(origin(pds))

    def sign_in(self) -> str:
        """Sign in once (createSession); the account's DID."""
        if self._did is not None:
            return self._did
        self._with_wait("signing in", lambda: self._client.login(
            self.account, self._password, fetch_bsky_profile=False))
        if self._session_did is None:
            raise ChannelError(f"{self.service} sent something that is not a Bluesky session")
        self._did = self._session_did
        return self._did

    # --- the Channel protocol ------------------------------------------------------------

    def send(self, part: Part, reply: Reply | None, image: Image | None) -> Sent:
        from atproto import models

        with self._lock:
            did = self.sign_in()
            facets = [f for f in (self._facet(facet) for facet in part.facets) if f is not None]
            embed = None
            if image is not None:
                blob = self._with_wait("uploading the image", lambda: (
                    self._client.com.atproto.repo.upload_blob(
                        image.data, headers={"Content-Type": image.kind})))
                embed = models.AppBskyEmbedImages.Main(images=[
                    models.AppBskyEmbedImages.Image(alt=image.alt, image=blob.blob)])
            reply_ref = None
            if reply is not None:
                reply_ref = models.AppBskyFeedPost.ReplyRef(
                    root=models.ComAtprotoRepoStrongRef.Main(uri=reply.root.uri,
                                                             cid=reply.root.cid or ""),
                    parent=models.ComAtprotoRepoStrongRef.Main(uri=reply.parent.uri,
                                                               cid=reply.parent.cid or ""))
            record = models.AppBskyFeedPost.Record(
                text=part.text, facets=facets or None, langs=[part.language],
                created_at=_now(), reply=reply_ref, embed=embed)
            data = models.ComAtprotoRepoCreateRecord.Data(
                repo=did, collection=POST, rkey=part.key, record=record)
            try:
                made = self._with_wait("the post", lambda: (
                    self._client.com.atproto.repo.create_record(data)), sending=True)
            except ChannelError as error:
                if error.uncertain:
                    raise
                # A create refused because the key is taken: the part is there already
                # (another window, or an answer lost before a restart).
                there = self._get(did, POST, part.key)
                if there is not None:
                    return there
                raise
            return Sent(str(made.uri), self._url(str(made.uri)), str(made.cid))

    def find(self, record: PartRecord, text: str | None) -> Sent | None:
        with self._lock:
            did = self.sign_in()
            return self._get(did, POST, record.key)

    def delete(self, record: PartRecord) -> None:
        from atproto import models

        with self._lock:
            did = self.sign_in()
            rkey = (record.uri or "").rsplit("/", 1)[-1] or record.key
            self._with_wait("deleting the post", lambda: (
                self._client.com.atproto.repo.delete_record(
                    models.ComAtprotoRepoDeleteRecord.Data(repo=did, collection=POST,
                                                           rkey=rkey))))

    def repost(self, uri: str, cid: str | None) -> Sent:
        from atproto import models

        with self._lock:
            did = self.sign_in()
            if cid is None:
                repo, _, rest = uri.removeprefix("at://").partition("/")
                collection, _, rkey = rest.partition("/")
                found = self._get(repo, collection, rkey)
                if found is None:
                    raise ChannelError("Bluesky: the post to repost is gone")
                cid = found.cid
            key = record_key("repost", uri, self.account, 1, 0, datetime.now(UTC))
            record = models.AppBskyFeedRepost.Record(
                subject=models.ComAtprotoRepoStrongRef.Main(uri=uri, cid=cid or ""),
                created_at=_now())
            made = self._with_wait("the repost", lambda: (
                self._client.com.atproto.repo.create_record(
                    models.ComAtprotoRepoCreateRecord.Data(repo=did, collection=REPOST,
                                                           rkey=key, record=record))),
                sending=True)
            return Sent(str(made.uri), self._url(uri), str(made.cid))

    # --- helpers -------------------------------------------------------------------------

    def _get(self, repo: str, collection: str, rkey: str) -> Sent | None:
        from atproto_client import exceptions

        try:
            with self._deadline.call():
                found = self._client.com.atproto.repo.get_record(
                    {"repo": repo, "collection": collection, "rkey": rkey})
        except exceptions.BadRequestError as error:
            content = getattr(getattr(error, "response", None), "content", None)
            if getattr(content, "error", None) == "RecordNotFound":
                return None
            raise ChannelError(f"Bluesky cannot tell whether the post is there "
                               f"({self._server_error(error)})") from None
        except Exception:  # noqa: BLE001 - no answer: the caller must not send
            raise ChannelError(f"{self.service} cannot tell whether the post is there"
                               ) from None
        return Sent(str(found.uri), self._url(str(found.uri)),
                    str(found.cid) if found.cid else None)

    def _facet(self, facet: Any) -> Any:
        from atproto import models

        index = models.AppBskyRichtextFacet.ByteSlice(byte_start=facet.start,
                                                      byte_end=facet.end)
        feature: Any
        if facet.kind == "tag":
            feature = models.AppBskyRichtextFacet.Tag(tag=facet.value)
        elif facet.kind == "link":
            feature = models.AppBskyRichtextFacet.Link(uri=facet.value)
        else:
            did = self._resolve(facet.value)
            if did is None:
                return None  # as the app does: a handle that does not resolve stays text
            feature = models.AppBskyRichtextFacet.Mention(did=did)
        return models.AppBskyRichtextFacet.Main(index=index, features=[feature])

    def _resolve(self, handle: str) -> str | None:
        if handle not in self._handles:
            try:
                with self._deadline.call():
                    answer = self._client.com.atproto.identity.resolve_handle(
                        {"handle": handle})
                self._handles[handle] = str(answer.did)
            except Exception:  # noqa: BLE001 - an unknown handle is text, not a failure
                self._handles[handle] = None
        return self._handles[handle]

    def _url(self, uri: str) -> str:
        rkey = uri.rsplit("/", 1)[-1]
        return f"https://bsky.app/profile/{self.account}/post/{rkey}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
