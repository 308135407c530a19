"""Local stand-ins for a Mastodon server and a Bluesky service, speaking the real shapes.

They listen on 127.0.0.1 with a random port and hold their data in memory: Mastodon's
instance endpoints, `GET /api/v1/timelines/tag/:hashtag` (Status entities with HTML
content, `min_id`/`max_id`/`limit`, `Link` paging; only the statuses added as tagged),
`GET /api/v1/statuses/:id` and `GET /api/v1/statuses/:id/context` (ancestors and
descendants, depth first; 60 descendants 20 deep without a token, as Mastodon's
`ContextsController` gives a reader without one); Bluesky's XRPC
`com.atproto.server.createSession`, `app.bsky.feed.searchPosts` (PostViews with facets,
`cursor` paging) and `app.bsky.feed.getPostThread` (ThreadViewPosts nested to `depth`,
`NotFound` for an unknown post). A test can queue a status (429), garbage or a stall.

For posting (`MastodonAccount`, `BlueskyPds`): Mastodon's statuses with
`Idempotency-Key`, delete, reblog, media (202 then processed), the account's statuses,
app registration and the code exchange; a PDS's createSession, refreshSession,
createRecord (refusing a record key already taken, as the reference PDS's repository
does, with a 500), getRecord, deleteRecord, listRecords, resolveHandle, uploadBlob.
"""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

Reply = tuple[int, dict[str, str], bytes]


class Hostile:
    """An answer no HTTP library would send: the handler gives the socket's writer to
    `send`, which writes what it wants, as slowly as it wants (until `release` is set,
    when the test ends). The hostile answers of the attack suite are made of these."""

    def send(self, out: Any, release: threading.Event) -> None:
        raise NotImplementedError


@dataclass
class Raw(Hostile):
    """`data` as is (a status line that is not HTTP, headers and a cut body...), then
    the connection held open until the test ends when `hold`."""

    data: bytes
    hold: bool = False

    def send(self, out: Any, release: threading.Event) -> None:
        out.write(self.data)
        out.flush()
        if self.hold:
            release.wait(30)


@dataclass
class Trickle(Hostile):
    """`data` one byte every `every` seconds: each read gets a byte in time, so only a
    deadline for the whole request ends it."""

    data: bytes
    every: float = 1.0

    def send(self, out: Any, release: threading.Event) -> None:
        for byte in self.data:
            out.write(bytes([byte]))
            out.flush()
            if release.wait(self.every):
                return


@dataclass
class Flood(Hostile):
    """A 200 whose JSON body never ends (or is `size` bytes): far more than a page."""

    size: int | None = 50 * 1024 * 1024

    def send(self, out: Any, release: threading.Event) -> None:
        length = f"Content-Length: {self.size}\r\n" if self.size is not None else ""
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                   f"{length}\r\n").encode() + b"[")
        chunk = b'"' + b"x" * 65_534 + b'",'
        sent = 0
        while (self.size is None or sent < self.size) and not release.is_set():
            out.write(chunk)
            sent += len(chunk)


def head(status: str, headers: dict[str, str] | None = None, length: int | None = None) -> bytes:
    """A response's status line and headers, as bytes, for a `Raw` or a `Trickle`."""
    lines = [f"HTTP/1.1 {status}", *(f"{k}: {v}" for k, v in (headers or {}).items())]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes


@dataclass
class FakeServer:
    """One HTTP server; `handle(seen) -> Reply` decides every answer."""

    handle: Callable[[Seen], Reply | Hostile]
    requests: list[Seen] = field(default_factory=list)
    queued: list[Callable[[Seen], Reply | Hostile] | None] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    def start(self) -> str:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _serve(self) -> None:
                split = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                seen = Seen(self.command, split.path, parse_qs(split.query),
                            {k.lower(): v for k, v in self.headers.items()},
                            self.rfile.read(length) if length else b"")
                owner.requests.append(seen)
                special = owner.queued.pop(0) if owner.queued else None
                answer = (special or owner.handle)(seen)
                if isinstance(answer, Hostile):
                    try:
                        answer.send(self.wfile, owner.release)
                    except OSError:
                        pass  # the client gave up, as it should
                    self.close_connection = True
                    return
                status, headers, body = answer
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the client gave up (a timeout test)

            do_GET = do_POST = do_DELETE = _serve

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def stop(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def stall(self, seconds: float = 5.0) -> None:
        """The next request gets no answer until the test ends (or `seconds`)."""
        def stalled(_seen: Seen) -> Reply:
            self.release.wait(seconds)
            return 200, {}, b"[]"
        self.queued.append(stalled)

    def reply_once(self, status: int, body: bytes, headers: dict[str, str] | None = None,
                   ) -> None:
        self.queued.append(lambda _seen: (status, headers or {}, body))


def json_reply(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Reply:
    return status, {"Content-Type": "application/json; charset=utf-8", **(headers or {})}, \
        json.dumps(data).encode()


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# --- Mastodon ------------------------------------------------------------------------

def snowflake(moment: datetime, sequence: int = 0) -> str:
    """A Mastodon id: milliseconds since the epoch, shifted, plus a sequence."""
    return str((int(moment.timestamp() * 1000) << 16) + sequence)


@dataclass
class MastodonData:
    base: str = ""
    statuses: list[dict[str, Any]] = field(default_factory=list)

    def add(self, acct: str, html: str, at: datetime, reply_to: str | None = None, *,
            tagged: bool = True, uri: str | None = None) -> str:
        """A status; `tagged=False` for a reply without the tag (in no tag timeline);
        `uri` for a post of another server this one knows (its id here is its own)."""
        status_id = snowflake(at, len(self.statuses))
        username = acct.split("@")[0]
        tags = [{"name": "tchat", "url": f"{self.base}/tags/tchat"}] if tagged else []
        self.statuses.append({
            "id": status_id, "created_at": iso(at), "in_reply_to_id": reply_to,
            "in_reply_to_account_id": None, "sensitive": False, "spoiler_text": "",
            "visibility": "public", "language": "en",
            "uri": uri or f"{self.base}/users/{username}/statuses/{status_id}",
            "url": uri or f"{self.base}/@{username}/{status_id}",
            "replies_count": 0, "reblogs_count": 0, "favourites_count": 0,
            "content": html, "reblog": None, "media_attachments": [], "mentions": [],
            "tags": tags, "emojis": [],
            "account": {"id": str(len(acct)), "username": username, "acct": acct,
                        "display_name": username.title(), "url": f"{self.base}/@{username}",
                        "created_at": "2020-01-01T00:00:00.000Z", "bot": False,
                        "locked": False, "note": "", "avatar": "", "header": "",
                        "followers_count": 0, "following_count": 0, "statuses_count": 1,
                        "emojis": [], "fields": []},
        })
        return status_id

    def handle(self, seen: Seen) -> Reply:
        if seen.path == "/api/v1/instance/" or seen.path == "/api/v1/instance":
            return json_reply({"uri": "127.0.0.1", "title": "Test", "version": "4.3.0",
                               "short_description": "", "description": "", "email": "",
                               "urls": {}, "stats": {}, "languages": ["en"]})
        if seen.path in ("/api/v2/instance", "/api/v2/instance/"):
            return json_reply({"domain": "127.0.0.1", "title": "Test", "version": "4.3.0",
                               "api_versions": {"mastodon": 2}})
        if seen.path.startswith("/api/v1/timelines/tag/"):
            return self.timeline(seen)
        if seen.path.startswith("/api/v1/statuses/"):
            return self.status(seen)
        return json_reply({"error": "Record not found"}, 404)

    def status(self, seen: Seen) -> Reply:
        parts = seen.path.split("/")  # ['', 'api', 'v1', 'statuses', ID, ('context')]
        found = [s for s in self.statuses if s["id"] == parts[4]]
        if not found:
            return json_reply({"error": "Record not found"}, 404)
        if len(parts) == 5:
            return json_reply(found[0])
        if len(parts) != 6 or parts[5] != "context":
            return json_reply({"error": "Record not found"}, 404)
        signed_in = seen.headers.get("authorization", "").startswith("Bearer ")
        limit, depth = (4096, None) if signed_in else (60, 20)
        return json_reply({"ancestors": self.ancestors(found[0]),
                           "descendants": self.descendants(found[0]["id"], limit, depth)})

    def ancestors(self, status: dict[str, Any]) -> list[dict[str, Any]]:
        chain: list[dict[str, Any]] = []
        parent = status["in_reply_to_id"]
        while parent is not None and len(chain) < 40:
            above = [s for s in self.statuses if s["id"] == parent]
            if not above:
                break
            chain.insert(0, above[0])
            parent = above[0]["in_reply_to_id"]
        return chain

    def descendants(self, root: str, limit: int, depth: int | None) -> list[dict[str, Any]]:
        """Depth first, oldest reply first at each level, as Mastodon lists them."""
        found: list[dict[str, Any]] = []
        stack = [(s, 1) for s in reversed(self.replies_to(root))]
        while stack and len(found) < limit:
            status, level = stack.pop()
            found.append(status)
            if depth is None or level < depth:
                stack.extend((s, level + 1) for s in reversed(self.replies_to(status["id"])))
        return found

    def replies_to(self, status_id: str) -> list[dict[str, Any]]:
        return sorted((s for s in self.statuses if s["in_reply_to_id"] == status_id),
                      key=lambda s: int(s["id"]))

    def timeline(self, seen: Seen) -> Reply:
        def number(name: str) -> int | None:
            values = seen.query.get(name)
            return int(values[0]) if values else None

        limit = min(number("limit") or 20, 40)
        min_id, max_id, since_id = number("min_id"), number("max_id"), number("since_id")
        # A status added as tagged carries the chat's tag, whichever it is; an untagged
        # reply is in no tag timeline.
        chosen = sorted((s for s in self.statuses if s["tags"]), key=lambda s: int(s["id"]))
        if max_id is not None:
            chosen = [s for s in chosen if int(s["id"]) < max_id]
        lower = min_id if min_id is not None else since_id
        if lower is not None:
            chosen = [s for s in chosen if int(s["id"]) > lower]
        # min_id: the page just after it; otherwise (max_id, since_id) the newest ones.
        page = chosen[:limit] if min_id is not None else chosen[-limit:]
        page.reverse()
        headers: dict[str, str] = {}
        if page:
            here = f"{self.base}{seen.path}"
            older = f"{here}?{urlencode({'max_id': page[-1]['id']})}"
            newer = f"{here}?{urlencode({'min_id': page[0]['id']})}"
            headers["Link"] = f'<{older}>; rel="next", <{newer}>; rel="prev"'
        return json_reply(page, headers=headers)


# --- Bluesky -------------------------------------------------------------------------

def _b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


def access_jwt(did: str) -> str:
    now = int(datetime.now(UTC).timestamp())
    return ".".join([_b64({"typ": "at+jwt", "alg": "ES256K"}),
                     _b64({"scope": "com.atproto.appPass", "sub": did, "iat": now,
                           "exp": now + 7200, "aud": "did:web:127.0.0.1"}), "c2ln"])


@dataclass
class BlueskyData:
    handle: str = "mod.bsky.social"
    password: str = "abcd-efgh-ijkl-mnop"
    posts: list[dict[str, Any]] = field(default_factory=list)
    page_size: int = 3

    def add(self, handle: str, text: str, at: datetime, tag: str = "Tchat",
            reply_to: str | None = None) -> str:
        did = f"did:plc:{handle.split('.')[0]:a<24}"[:32]
        rkey = f"3k{len(self.posts):011d}"
        uri = f"at://{did}/app.bsky.feed.post/{rkey}"
        start = text.encode().find(f"#{tag}".encode())
        record: dict[str, Any] = {"$type": "app.bsky.feed.post", "text": text,
                                  "createdAt": iso(at), "langs": ["en"]}
        if start >= 0:
            record["facets"] = [{
                "index": {"byteStart": start, "byteEnd": start + len(tag.encode()) + 1},
                "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": tag}],
            }]
        cid = "bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm"
        if reply_to is not None:
            ref = {"uri": reply_to, "cid": cid}
            record["reply"] = {"root": ref, "parent": ref}
        self.posts.append({
            "uri": uri, "cid": cid,
            "author": {"did": did, "handle": handle, "displayName": handle.split(".")[0].title(),
                       "labels": [], "createdAt": "2023-01-01T00:00:00.000Z"},
            "record": record, "replyCount": 0, "repostCount": 0, "likeCount": 0,
            "quoteCount": 0, "indexedAt": iso(at), "labels": [],
        })
        return uri

    def handle_request(self, seen: Seen) -> Reply:
        if seen.path == "/xrpc/com.atproto.server.createSession":
            body = json.loads(seen.body or b"{}")
            if body.get("identifier") != self.handle or body.get("password") != self.password:
                return json_reply({"error": "AuthenticationRequired",
                                   "message": "Invalid identifier or password"}, 401)
            did = "did:plc:moderator0000000000000"
            return json_reply({"accessJwt": access_jwt(did), "refreshJwt": access_jwt(did),
                               "handle": self.handle, "did": did, "active": True})
        if seen.path in ("/xrpc/app.bsky.feed.searchPosts", "/xrpc/app.bsky.feed.getPostThread"):
            if not seen.headers.get("authorization", "").startswith("Bearer "):
                return json_reply({"error": "AuthMissing", "message": "no"}, 401)
            if seen.path.endswith("searchPosts"):
                return self.search(seen)
            return self.thread(seen)
        return json_reply({"error": "MethodNotImplemented", "message": "no"}, 501)

    def thread(self, seen: Seen) -> Reply:
        uri = seen.query.get("uri", [""])[0]
        depth = int(seen.query.get("depth", ["6"])[0])
        found = [p for p in self.posts if p["uri"] == uri]
        if not found:
            return json_reply({"error": "NotFound", "message": f"Post not found: {uri}"}, 400)
        return json_reply({"thread": self.thread_view(found[0], depth)})

    def thread_view(self, root: dict[str, Any], depth: int) -> dict[str, Any]:
        """The post and its replies nested to `depth`, oldest reply first (built without
        recursion, like the client must read it)."""
        view: dict[str, Any] = {"$type": "app.bsky.feed.defs#threadViewPost", "post": root,
                                "replies": []}
        todo = [(view, 0)]
        while todo:
            node, level = todo.pop()
            if level >= depth:
                continue
            for reply in sorted(self.replies_to(node["post"]["uri"]),
                                key=lambda p: p["record"]["createdAt"]):
                child = {"$type": "app.bsky.feed.defs#threadViewPost", "post": reply,
                         "replies": []}
                node["replies"].append(child)
                todo.append((child, level + 1))
        return view

    def replies_to(self, uri: str) -> list[dict[str, Any]]:
        return [p for p in self.posts
                if p["record"].get("reply", {}).get("parent", {}).get("uri") == uri]

    def search(self, seen: Seen) -> Reply:
        query = seen.query.get("q", [""])[0]
        since = seen.query.get("since", [None])[0]
        found = [p for p in self.posts if query.lower() in p["record"]["text"].lower()]
        if since:
            moment = datetime.fromisoformat(since.replace("Z", "+00:00"))
            found = [p for p in found if datetime.fromisoformat(
                p["record"]["createdAt"].replace("Z", "+00:00")) >= moment]
        found.sort(key=lambda p: p["record"]["createdAt"], reverse=True)  # sort=latest
        offset = int(seen.query.get("cursor", ["0"])[0])
        limit = min(int(seen.query.get("limit", ["25"])[0]), self.page_size)
        page = found[offset:offset + limit]
        data: dict[str, Any] = {"posts": page, "hitsTotal": len(found)}
        if offset + limit < len(found):
            data["cursor"] = str(offset + limit)
        return json_reply(data)


def served(handle: Callable[[Seen], Reply]) -> Iterator[tuple[FakeServer, str]]:
    server = FakeServer(handle)
    base = server.start()
    try:
        yield server, base
    finally:
        server.stop()


START = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)


def minute(n: float) -> datetime:
    return START + timedelta(minutes=n)


# --- posting: a Mastodon account -------------------------------------------------------

def _multipart(seen: Seen) -> dict[str, tuple[bytes, str]]:
    """The fields of a multipart/form-data body: name -> (bytes, content type)."""
    from email.parser import BytesParser
    from email.policy import HTTP

    head = f"Content-Type: {seen.headers.get('content-type', '')}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + seen.body)
    fields: dict[str, tuple[bytes, str]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        fields[str(name)] = (payload if isinstance(payload, bytes) else b"",
                             part.get_content_type())
    return fields


@dataclass
class MastodonAccount:
    """A Mastodon server with one account that posts: what a client sent, kept."""

    base: str = ""
    token: str = "mastodon-token-s3cret-value"
    username: str = "endcm"
    statuses: list[dict[str, Any]] = field(default_factory=list)
    keys: dict[str, dict[str, Any]] = field(default_factory=dict)
    posts: list[Seen] = field(default_factory=list)
    """Every POST /api/v1/statuses received (a replay with a known key included)."""
    media: dict[str, dict[str, Any]] = field(default_factory=dict)
    reblogs: dict[str, dict[str, Any]] = field(default_factory=dict)
    refusals: list[Reply | None] = field(default_factory=list)
    """Answers for the next POSTs of statuses, in order (None: served normally)."""
    lose_answers: int = 0
    """The next N statuses are made, and their answer never comes (a timeout)."""
    release: threading.Event = field(default_factory=threading.Event)
    client_id: str = "client-id-1"
    client_secret: str = "client-s3cret-value"
    code: str = "the-code-42"
    known: dict[str, str] = field(default_factory=dict)
    """Other servers' statuses this one knows (their URI or URL -> its own id), as
    `/api/v2/search` with `resolve` finds them."""

    def authorized(self, seen: Seen) -> bool:
        return seen.headers.get("authorization") == f"Bearer {self.token}"

    def handle(self, seen: Seen) -> Reply:
        path = seen.path
        if path == "/api/v1/apps" and seen.method == "POST":
            return json_reply({"id": "1", "name": "tchat", "client_id": self.client_id,
                               "client_secret": self.client_secret})
        if path == "/oauth/token" and seen.method == "POST":
            form = parse_qs(seen.body.decode())
            if form.get("code") != [self.code] or form.get("client_secret") != \
                    [self.client_secret]:
                return json_reply({"error": "invalid_grant"}, 400)
            return json_reply({"access_token": self.token, "token_type": "Bearer",
                               "scope": form.get("scope", [""])[0], "created_at": 0})
        if path == "/api/v1/accounts/lookup":
            return json_reply({"id": "109", "username": self.username, "acct": self.username})
        if path == "/api/v1/accounts/109/statuses":
            return json_reply(list(reversed(self.statuses)))
        if not self.authorized(seen):
            return json_reply({"error": "The access token is invalid"}, 401)
        if path == "/api/v1/apps/verify_credentials":
            return json_reply({"name": "tchat", "website": None})
        if path == "/api/v1/statuses" and seen.method == "POST":
            return self.post(seen)
        if path == "/api/v2/search":
            query = seen.query.get("q", [""])[0]
            found = self.known.get(query)
            return json_reply({"accounts": [], "hashtags": [],
                               "statuses": [{"id": found}] if found else []})
        if path.startswith("/api/v1/statuses/") and seen.method == "DELETE":
            status_id = path.rsplit("/", 1)[1]
            found = [s for s in self.statuses if s["id"] == status_id]
            if not found:
                return json_reply({"error": "Record not found"}, 404)
            self.statuses.remove(found[0])
            return json_reply(found[0] | {"text": found[0]["text"]})
        if path.startswith("/api/v1/statuses/") and path.endswith("/reblog"):
            status_id = path.split("/")[4]
            reblog = self.reblogs.setdefault(status_id, {
                "id": str(900 + len(self.reblogs)), "url": None,
                "reblog": {"id": status_id, "url": f"{self.base}/@other/{status_id}"}})
            return json_reply(reblog)
        if path == "/api/v2/media" and seen.method == "POST":
            fields = _multipart(seen)
            media_id = str(500 + len(self.media))
            self.media[media_id] = {"id": media_id, "type": "image", "url": None,
                                    "description": fields["description"][0].decode(),
                                    "bytes": fields["file"][0], "kind": fields["file"][1]}
            return 202, {"Content-Type": "application/json"}, json.dumps(
                {k: v for k, v in self.media[media_id].items() if k not in ("bytes", "kind")}
            ).encode()
        if path.startswith("/api/v1/media/"):
            media = self.media[path.rsplit("/", 1)[1]]
            media["url"] = f"{self.base}/media/{media['id']}.png"
            return json_reply({k: v for k, v in media.items() if k not in ("bytes", "kind")})
        return json_reply({"error": "Record not found"}, 404)

    def post(self, seen: Seen) -> Reply:
        self.posts.append(seen)
        if self.refusals:
            special = self.refusals.pop(0)
            if special is not None:
                return special
        body = json.loads(seen.body)
        key = seen.headers.get("idempotency-key")
        if key and key in self.keys:
            return json_reply(self.keys[key])
        status_id = str(110_000 + len(self.statuses) + len(self.keys))
        text = body["status"]
        html = "<p>" + text.replace("&", "&amp;").replace("<", "&lt;").replace(
            "\n", "<br>") + "</p>"
        status = {"id": status_id, "created_at": iso(datetime.now(UTC)),
                  "url": f"{self.base}/@{self.username}/{status_id}",
                  "uri": f"{self.base}/users/{self.username}/statuses/{status_id}",
                  "content": html, "text": text, "visibility": body.get("visibility"),
                  "language": body.get("language"),
                  "in_reply_to_id": body.get("in_reply_to_id"),
                  "media_attachments": [self.media[m] | {"bytes": None}
                                        for m in body.get("media_ids", [])]}
        self.statuses.append(status)
        if key:
            self.keys[key] = status
        if self.lose_answers:
            self.lose_answers -= 1
            self.release.wait(5)
        return json_reply(status)


# --- posting: a Bluesky PDS ---------------------------------------------------------------

CID = "bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm"


def short_jwt(did: str, seconds: int, scope: str = "com.atproto.appPass") -> str:
    now = int(datetime.now(UTC).timestamp())
    return ".".join([_b64({"typ": "at+jwt", "alg": "ES256K"}),
                     _b64({"scope": scope, "sub": did, "iat": now, "exp": now + seconds,
                           "jti": str(now) + str(seconds), "aud": "did:web:127.0.0.1"}),
                     "c2ln"])


@dataclass
class BlueskyPds:
    """A PDS with one account that posts, and a directory of handles."""

    handle: str = "endcm.org"
    password: str = "app-pass-s3cr-etvl"
    did: str = "did:plc:endcm000000000000000000"
    handles: dict[str, str] = field(default_factory=lambda: {
        "guest.bsky.social": "did:plc:guest000000000000000000"})
    records: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    blobs: list[tuple[bytes, str]] = field(default_factory=list)
    access_seconds: int = 7200
    sessions: int = 0
    refreshes: int = 0
    tokens: set[str] = field(default_factory=set)
    creates: list[dict[str, Any]] = field(default_factory=list)
    """Every createRecord body received, refused ones included."""
    refusals: list[Reply | None] = field(default_factory=list)
    lose_answers: int = 0
    release: threading.Event = field(default_factory=threading.Event)

    def _session(self) -> dict[str, Any]:
        access = short_jwt(self.did, self.access_seconds)
        refresh = short_jwt(self.did, 86_400, "com.atproto.refresh")
        self.tokens.add(access)
        return {"accessJwt": access, "refreshJwt": refresh, "handle": self.handle,
                "did": self.did, "active": True}

    def handle_request(self, seen: Seen) -> Reply:
        name = seen.path.removeprefix("/xrpc/")
        if name == "com.atproto.server.createSession":
            body = json.loads(seen.body or b"{}")
            if body.get("identifier") != self.handle or body.get("password") != self.password:
                return json_reply({"error": "AuthenticationRequired",
                                   "message": "Invalid identifier or password"}, 401)
            self.sessions += 1
            return json_reply(self._session())
        if name == "com.atproto.identity.resolveHandle":
            did = self.handles.get(seen.query.get("handle", [""])[0])
            if did is None:
                return json_reply({"error": "InvalidRequest",
                                   "message": "Unable to resolve handle"}, 400)
            return json_reply({"did": did})
        auth = seen.headers.get("authorization", "").removeprefix("Bearer ")
        if name == "com.atproto.server.refreshSession":
            self.refreshes += 1
            return json_reply(self._session())
        if auth not in self.tokens:
            return json_reply({"error": "ExpiredToken", "message": "Token has expired"}, 400)
        if name == "com.atproto.repo.createRecord":
            return self.create(json.loads(seen.body))
        if name == "com.atproto.repo.getRecord":
            key = (seen.query["collection"][0], seen.query["rkey"][0])
            record = self.records.get(key)
            if record is None:
                return json_reply({"error": "RecordNotFound",
                                   "message": f"Could not locate record: {key}"}, 400)
            return json_reply({"uri": record["uri"], "cid": record["cid"],
                               "value": record["value"]})
        if name == "com.atproto.repo.deleteRecord":
            body = json.loads(seen.body)
            self.records.pop((body["collection"], body["rkey"]), None)
            return json_reply({"commit": {"cid": CID, "rev": "3l2"}})
        if name == "com.atproto.repo.listRecords":
            collection = seen.query["collection"][0]
            found = sorted(((k[1], r) for k, r in self.records.items() if k[0] == collection),
                           reverse=True)
            limit = int(seen.query.get("limit", ["50"])[0])
            return json_reply({"records": [{"uri": r["uri"], "cid": r["cid"],
                                            "value": r["value"]} for _k, r in found[:limit]]})
        if name == "com.atproto.repo.uploadBlob":
            self.blobs.append((seen.body, seen.headers.get("content-type", "")))
            return json_reply({"blob": {"$type": "blob", "ref": {"$link": CID},
                                        "mimeType": seen.headers.get("content-type", ""),
                                        "size": len(seen.body)}})
        return json_reply({"error": "MethodNotImplemented", "message": "no"}, 501)

    def create(self, body: dict[str, Any]) -> Reply:
        self.creates.append(body)
        if self.refusals:
            special = self.refusals.pop(0)
            if special is not None:
                return special
        collection, rkey, value = body["collection"], body["rkey"], body["record"]
        if body["repo"] != self.did or value.get("$type") != collection:
            return json_reply({"error": "InvalidRequest", "message": "bad record"}, 400)
        if (collection, rkey) in self.records:
            # The reference PDS's repository: "There is already a value at key", a 500.
            return json_reply({"error": "InternalServerError",
                               "message": "Internal Server Error"}, 500)
        uri = f"at://{self.did}/{collection}/{rkey}"
        cid = f"bafyrei{len(self.records):052d}"
        self.records[(collection, rkey)] = {"uri": uri, "cid": cid, "value": value}
        if self.lose_answers:
            self.lose_answers -= 1
            self.release.wait(5)
        return json_reply({"uri": uri, "cid": cid,
                           "commit": {"cid": CID, "rev": "3l2"}, "validationStatus": "valid"})

    def posts(self) -> list[dict[str, Any]]:
        """The posts on the account, in record-key order."""
        return [r for (c, _k), r in sorted(self.records.items()) if c == "app.bsky.feed.post"]
