"""Posting on Bluesky through the atproto SDK's models.

One session per run: `createSession` once (the server allows 30 per 5 minutes and 300
a day), then the SDK refreshes it with `refreshSession` before it expires; the session
is the run's (`tui.net.bluesky.Sessions`), so the feed reading the tag with the same
account signs in with it too. Its requests go through tchat's one guarded transport
(`tui.net.transport`): a total deadline per call, a bounded answer, no redirect, the
app password to the service only. Posts are `app.bsky.feed.post` records created under
the record key tchat derived (`tui.core.run.publish.keys`): a second create of the same
part is refused by the server, and a look at the record (`getRecord`) then says it is
there.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import httpx

from tui.core.feed.post import MAX_ID
from tui.core.plan.images import Image
from tui.core.run.publish.channel import ChannelError, Reply, Sent
from tui.core.run.publish.keys import record_key
from tui.core.run.publish.ledger import PartRecord
from tui.core.run.publish.parts import Part
from tui.core.text.said import Said
from tui.net.answers import json_answer, not_json
from tui.net.bluesky import NotASession, Sessions
from tui.net.failure import HttpFailure, server_of
from tui.net.transport import TIMEOUT, answers_up_to, deadline, stopping
from tui.post.errors import MAX_ANSWER, server_words, too_many

POST = "app.bsky.feed.post"
REPOST = "app.bsky.feed.repost"
MAX_WAIT = 30.0
"""The longest a 429 is waited out before the call is said to fail."""


class BlueskyChannel:
    network = "bluesky"

    def __init__(self, handle: str, password: str, service: str, *,
                 timeout: float = TIMEOUT, sleep: Callable[[float], None] = time.sleep,
                 max_wait: float = MAX_WAIT, sessions: Sessions | None = None) -> None:
        self.account = handle
        self.service = service.rstrip("/")
        self.timeout = timeout
        self._password = password
        self._sleep = sleep
        self._max_wait = max_wait
        # The run's session for this account when the run holds one (the feed reads
        # with it too), else one of the channel's own.
        self._session = (sessions or Sessions()).bluesky(handle, password, self.service,
                                                         timeout=timeout)
        self._client = self._session.client
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._handles: dict[str, str | None] = {}

    def __repr__(self) -> str:
        return f"BlueskyChannel({self.account!r}, {self.service!r})"

    def cancel(self) -> None:
        """Stop this channel's call under way, and every later one (the session may be
        shared: the feed's requests go on until the run closes it)."""
        self._stop.set()

    # --- calls -------------------------------------------------------------------------

    @contextmanager
    def _bounded(self) -> Iterator[None]:
        """One call: `timeout` seconds in all (its every request), a bounded answer, and
        this channel's cancel."""
        with deadline(self.timeout), answers_up_to(MAX_ANSWER), stopping(self._stop):
            yield

    @contextmanager
    def _call(self, what: str, *, sending: bool = False) -> Iterator[None]:
        """One bounded call, its failures as ChannelError (a 429 is the caller's)."""
        from atproto_client import exceptions

        before = self._session.last_answer()
        doing = Said.of(what)
        try:
            with self._bounded():
                yield
        except (ChannelError, exceptions.RateLimitExceededError):
            raise
        except HttpFailure as failure:
            # No answer to read (a deadline, a refused connection, a redirect, an answer
            # too large...): the line names the server and what happened. Uncertain when
            # the request may have reached the server.
            raise ChannelError(failure.said, uncertain=sending and failure.arrived
                               ) from None
        except NotASession:
            raise ChannelError.of("post.no_session", server=self.service, what=doing
                                  ) from None
        except exceptions.UnauthorizedError as error:
            raise ChannelError.of("post.password_refused", server=self.service,
                                  account=self.account, said=self._server_error(error)
                                  ) from None
        except exceptions.InvokeTimeoutError:
            raise ChannelError.of("post.too_slow", server=self.service, what=doing,
                                  uncertain=sending) from None
        except exceptions.NetworkError as error:
            if getattr(error, "response", None) is not None:
                raise ChannelError.of("post.server_refused", server=self.service, what=doing,
                                      said=self._server_error(error)) from None
            raise ChannelError.of("post.unreachable", server=self.service, what=doing,
                                  uncertain=sending) from None
        except exceptions.RequestErrorBase as error:
            raise ChannelError.of("post.server_refused", server=self.service, what=doing,
                                  said=self._server_error(error)) from None
        except Exception:  # noqa: BLE001 - garbage from a server is a line
            answer = self._session.last_answer()
            if answer is None or answer is before:
                # No answer came in this call: the SDK stopped before sending anything
                # (a session it cannot use), so nothing can be there.
                raise ChannelError.of("post.unusable_session", server=self.service,
                                      what=doing) from None
            raise ChannelError.of("post.answered", server=server_of(answer.request.url),
                                  path=answer.request.url.path, answer=_what_it_was(answer),
                                  uncertain=sending) from None

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
                refusal, wait = too_many(self.service, what, _text_headers(headers),
                                         self._max_wait, last=attempt == 2)
                if refusal is not None:
                    raise refusal from None
                self._sleep(wait)
        raise AssertionError("unreachable")

    # --- the session -------------------------------------------------------------------

    def sign_in(self) -> str:
        """Sign in once a run (createSession, unless the run's session already did);
        the account's DID."""
        did: str = self._with_wait("post.doing_sign_in", self._session.sign_in)
        return did

    # --- the Channel protocol ------------------------------------------------------------

    def send(self, part: Part, reply: Reply | None, image: Image | None) -> Sent:
        from atproto import models

        with self._lock:
            did = self.sign_in()
            facets = [f for f in (self._facet(facet) for facet in part.facets) if f is not None]
            embed = None
            if image is not None:
                blob = self._with_wait("post.doing_upload", lambda: (
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
                made = self._with_wait("post.doing_post", lambda: (
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
            return self._sent(made.uri, made.cid, "post.doing_post")

    def find(self, record: PartRecord, text: str | None) -> Sent | None:
        with self._lock:
            did = self.sign_in()
            return self._get(did, POST, record.key)

    def delete(self, record: PartRecord) -> None:
        from atproto import models

        with self._lock:
            did = self.sign_in()
            rkey = (record.uri or "").rsplit("/", 1)[-1] or record.key
            self._with_wait("post.doing_delete", lambda: (
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
                    raise ChannelError.of("post.repost_gone", server=self.service)
                cid = found.cid
            key = record_key("repost", uri, self.account, 1, 0, datetime.now(UTC))
            record = models.AppBskyFeedRepost.Record(
                subject=models.ComAtprotoRepoStrongRef.Main(uri=uri, cid=cid or ""),
                created_at=_now())
            made = self._with_wait("post.doing_repost", lambda: (
                self._client.com.atproto.repo.create_record(
                    models.ComAtprotoRepoCreateRecord.Data(repo=did, collection=REPOST,
                                                           rkey=key, record=record))),
                sending=True)
            sent = self._sent(made.uri, made.cid, "post.doing_repost")
            return Sent(sent.uri, self._url(uri), sent.cid)

    def refs(self, uri: str) -> Reply:
        """A reply to someone's post hangs under it and in its thread: the post's CID and
        its thread's root, read from the AppView (`app.bsky.feed.getPosts`, through the
        account's server), so the reply shows in the thread as the app shows one."""
        with self._lock:
            self.sign_in()
            found = self._with_wait("post.doing_read_replied", lambda: (
                self._client.app.bsky.feed.get_posts({"uris": [uri]})))
            views = list(getattr(found, "posts", None) or [])
            view = views[0] if views else None
            if view is None:
                raise ChannelError.of("post.replied_gone", server=self.service)
            parent = self._sent(getattr(view, "uri", None), getattr(view, "cid", None),
                                "post.doing_replied")
            reply = _field(getattr(view, "record", None), "reply")
            root_ref = _field(reply, "root")
            root = parent
            if root_ref is not None:
                root = self._sent(_field(root_ref, "uri"), _field(root_ref, "cid"),
                                  "post.doing_thread")
            return Reply(root, parent)

    # --- helpers -------------------------------------------------------------------------

    def _get(self, repo: str, collection: str, rkey: str) -> Sent | None:
        from atproto_client import exceptions

        try:
            with self._bounded():
                found = self._client.com.atproto.repo.get_record(
                    {"repo": repo, "collection": collection, "rkey": rkey})
        except exceptions.BadRequestError as error:
            content = getattr(getattr(error, "response", None), "content", None)
            if getattr(content, "error", None) == "RecordNotFound":
                return None
            raise ChannelError.of("post.cannot_tell_said", server=self.service,
                                  said=self._server_error(error)) from None
        except HttpFailure as failure:
            raise ChannelError.of("post.cannot_tell_why", reason=failure.said) from None
        except Exception:  # noqa: BLE001 - no answer: the caller must not send
            raise ChannelError.of("post.cannot_tell", server=self.service) from None
        return self._sent(found.uri, found.cid, "post.doing_find_post")

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
                with self._bounded():
                    answer = self._client.com.atproto.identity.resolve_handle(
                        {"handle": handle})
                self._handles[handle] = str(answer.did)
            except Exception:  # noqa: BLE001 - an unknown handle is text, not a failure
                self._handles[handle] = None
        return self._handles[handle]

    def _sent(self, uri: Any, cid: Any, what: str) -> Sent:
        """A record the server says it made: its at:// URI and CID, bounded (they go to
        the log and the screen), or a line saying the answer is none."""
        if not isinstance(uri, str) or not uri.startswith("at://") or len(uri) > MAX_ID \
                or (cid is not None and (not isinstance(cid, str) or len(cid) > MAX_ID)):
            raise ChannelError.of("post.not_a_record", server=self.service,
                                  what=Said.of(what), uncertain=True)
        return Sent(uri, self._url(uri), cid or None)

    def _url(self, uri: str) -> str:
        rkey = uri.rsplit("/", 1)[-1]
        return f"https://bsky.app/profile/{self.account}/post/{rkey}"


def _field(value: Any, name: str) -> Any:
    """A field of a record as the SDK gives it: a model's attribute or a dict's key."""
    if value is None:
        return None
    if isinstance(value, dict):
        return value.get(name)
    found = getattr(value, name, None)
    if found is None and hasattr(value, "get"):
        try:
            found = value.get(name)
        except Exception:  # noqa: BLE001 - an odd record is one without the field
            return None
    return found


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _what_it_was(answer: httpx.Response) -> Said:
    """ "a page that is not JSON (text/html)", or JSON that is no answer the SDK reads."""
    if json_answer(answer) is None:
        return not_json(answer)
    return Said.of("post.not_bluesky_json", status=answer.status_code)


def _text_headers(headers: Any) -> dict[str, str]:
    try:
        return {str(k): str(v) for k, v in dict(headers).items()}
    except (TypeError, ValueError):
        return {}
