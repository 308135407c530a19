"""The feed's one way to the network: every request bounded in time and size, no
redirect followed, every failure said in words that name the server.

Both clients go through `GuardedTransport`, an httpx transport: our own Mastodon
reader (`tui.feed.mastodon_source`) and the atproto SDK (given it as its transport).

- **A total deadline per request**, not a per-read timeout: a server sending one byte a
  second kept a poll alive for ever, as each read got its byte in time. Every read,
  write and connect of a request gets what is left of its deadline (`TIMEOUT`), and a
  poll can narrow it further for all its requests (`deadline()`).
- **Reads in short slices**, so `cancel()` (the app closing) stops a request within a
  quarter of a second instead of at its deadline.
- **A bounded answer**: the body is read here, and more than `MAX_BODY` is refused; the
  headers are bounded by the HTTP parser itself (h11).
- **No redirect, ever**: a 3xx is a failure naming where it pointed. The atproto SDK
  follows redirects, and followed a 307 on `createSession` to another host with the app
  password in the body; a transport that never returns a redirect ends that for every
  client built on it (posting will be).
- **Proxies from the environment** (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`) are used
  by this transport itself, so they get the same bounds; the clients are built with
  `trust_env=False`, since httpx would otherwise route around it to reach a proxy (and
  read `.netrc`). Loopback addresses never go through a proxy.
"""

from __future__ import annotations

import contextlib
import math
import threading
import time
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from contextvars import ContextVar
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpcore
import httpx

from tui.core.feed.post import post_moment
from tui.core.feed.status import Said

TIMEOUT = 10.0
"""Seconds a request may take in all, from connecting to its last byte."""
MAX_BODY = 8 * 1024 * 1024
"""A page of 40 statuses or 100 posts is a few hundred kilobytes."""
MAX_WAIT = 15 * 60.0
"""The longest a server may ask us to wait (a rate limit) before we try again."""
SLICE = 0.25
"""How often a waiting read looks whether it was cancelled."""
USER_AGENT = "tchat"

_deadline: ContextVar[float | None] = ContextVar("tchat_feed_deadline", default=None)


class HttpFailure(Exception):
    """A request that brought no answer to read: `said` says why, naming the server."""

    def __init__(self, said: Said) -> None:
        super().__init__(said.say("en"))
        self.said = said


class _Cancelled(Exception):
    pass


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Every request made inside ends within `seconds` from now (or sooner, by its own
    deadline or an enclosing one)."""
    ends = time.monotonic() + seconds
    current = _deadline.get()
    token = _deadline.set(ends if current is None else min(current, ends))
    try:
        yield
    finally:
        _deadline.reset(token)


def _left(cancelled: threading.Event) -> float:
    if cancelled.is_set():
        raise _Cancelled
    ends = _deadline.get()
    left = TIMEOUT if ends is None else ends - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the request's deadline passed")
    return left


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, cancelled: threading.Event) -> None:
        self._inner = inner
        self._cancelled = cancelled

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        while True:
            left = _left(self._cancelled)
            try:
                return self._inner.read(max_bytes, min(left, SLICE))
            except httpcore.ReadTimeout:
                continue  # a slice ran out: the deadline or a cancel decides

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _left(self._cancelled))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname, _left(self._cancelled))
        return _Stream(inner, self._cancelled)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, cancelled: threading.Event) -> None:
        self._inner = httpcore.SyncBackend()
        self._cancelled = cancelled

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(host, port, _left(self._cancelled), local_address,
                                         socket_options)
        return _Stream(stream, self._cancelled)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None,
                            ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("no unix sockets here")

    def sleep(self, seconds: float) -> None:
        time.sleep(min(seconds, _left(self._cancelled)))


def origin(url: httpx.URL) -> str:
    """ "https://mastodon.social", as a failure names a server."""
    port = f":{url.port}" if url.port is not None else ""
    return f"{url.scheme}://{url.host}{port}"


class GuardedTransport(httpx.BaseTransport):
    """An httpx transport that gives each request `timeout` seconds in all, reads at
    most `max_body` bytes of answer, and turns a redirect into a failure."""

    def __init__(self, *, timeout: float = TIMEOUT, max_body: int = MAX_BODY) -> None:
        self.timeout = timeout
        self.max_body = max_body
        self.cancelled = threading.Event()
        self._ssl = httpx.create_ssl_context()
        self._pools: dict[str | None, httpcore.ConnectionPool] = {}

    def cancel(self) -> None:
        """Stop the request under way (within `SLICE`) and every later one."""
        self.cancelled.set()

    def close(self) -> None:
        for pool in self._pools.values():
            pool.close()

    def _pool_for(self, url: httpx.URL) -> httpcore.ConnectionPool:
        proxy = _proxy_for(url)
        pool = self._pools.get(proxy)
        if pool is None:
            options: dict[str, Any] = {
                "ssl_context": self._ssl, "max_connections": 4, "max_keepalive_connections": 2,
                "keepalive_expiry": 30.0, "http1": True, "http2": False, "retries": 0,
                "network_backend": _Backend(self.cancelled)}
            if proxy is None:
                pool = httpcore.ConnectionPool(**options)
            else:
                address = httpx.URL(proxy)
                auth = ((address.username, address.password) if address.username else None)
                pool = httpcore.HTTPProxy(proxy_url=str(address.copy_with(username=None,
                                                                          password=None)),
                                          proxy_auth=auth, **options)
            self._pools[proxy] = pool
        return pool

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        server, path = origin(request.url), request.url.path
        seconds = max(1, math.ceil(self.timeout))
        with deadline(self.timeout):
            try:
                status, headers, body = self._exchange(request, server, path)
            except HttpFailure:
                raise
            except _Cancelled:
                raise HttpFailure(Said.of("feed.cancelled")) from None
            except httpcore.TimeoutException:
                raise HttpFailure(Said.of("feed.timed_out", server=server, path=path,
                                          seconds=seconds)) from None
            except httpcore.ConnectError as error:
                causes = (error.__cause__, error.__context__, *error.args)
                refused = any(isinstance(c, ConnectionRefusedError) for c in causes)
                why = Said.of("feed.why_refused" if refused else "feed.why_network")
                raise HttpFailure(Said.of("feed.unreachable", server=server, why=why)
                                  ) from None
            except (httpcore.RemoteProtocolError, httpcore.LocalProtocolError,
                    httpcore.UnsupportedProtocol):
                raise HttpFailure(Said.of("feed.not_http", server=server, path=path)) from None
            except (httpcore.NetworkError, httpcore.ProxyError, OSError):
                raise HttpFailure(Said.of("feed.unreachable", server=server,
                                          why=Said.of("feed.why_network"))) from None
        return httpx.Response(status, headers=headers, content=body, request=request)

    def _exchange(self, request: httpx.Request, server: str, path: str,
                  ) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        assert isinstance(request.stream, httpx.SyncByteStream)
        core = httpcore.Request(
            method=request.method,
            url=httpcore.URL(scheme=request.url.raw_scheme, host=request.url.raw_host,
                             port=request.url.port, target=request.url.raw_path),
            headers=request.headers.raw, content=request.stream,
            extensions=request.extensions,
        )
        response = self._pool_for(request.url).handle_request(core)
        try:
            if 300 <= response.status < 400 and response.status != 304:
                target = httpx.Headers(response.headers).get("location", "")
                raise HttpFailure(Said.of("feed.redirected", server=server, path=path,
                                          target=target or "?"))
            body = bytearray()
            assert isinstance(response.stream, Iterable)
            for chunk in response.stream:
                body += chunk
                if len(body) > self.max_body:
                    raise HttpFailure(Said.of("feed.too_large", server=server, path=path,
                                              mb=self.max_body // (1024 * 1024)))
            return response.status, response.headers, bytes(body)
        finally:
            response.close()


def _proxy_for(url: httpx.URL) -> str | None:
    """The environment's proxy for `url`, if any and if `NO_PROXY` does not exclude it."""
    host = url.host
    if host in ("127.0.0.1", "::1", "localhost"):
        return None
    proxies = urllib.request.getproxies_environment()
    proxy = proxies.get(url.scheme)
    if not proxy or not proxy.startswith(("http://", "https://")):
        return None
    for entry in proxies.get("no", "").split(","):
        entry = entry.strip().lower().lstrip(".")
        if entry == "*" or (entry and (host == entry or host.endswith("." + entry))):
            return None
    return proxy


def guarded_client(transport: GuardedTransport, *,
                   headers: Mapping[str, str] | None = None) -> httpx.Client:
    """An httpx client that goes through `transport` only."""
    return httpx.Client(transport=transport, follow_redirects=False, trust_env=False,
                        timeout=transport.timeout,
                        headers={"User-Agent": USER_AGENT, **(headers or {})})


# --- what a server answered, in words ------------------------------------------------

def not_json(response: httpx.Response) -> Said:
    """ "a page that is not JSON (text/html)"."""
    kind = response.headers.get("content-type", "").split(";")[0].strip()
    return Said.of("feed.not_json", kind=kind or ("empty" if not response.content else "?"))


def answered(response: httpx.Response) -> str | Said:
    """What a failing answer was: its status (`404`), or for a 200, what it held."""
    if response.status_code != 200:
        return str(response.status_code)
    return not_json(response)


# --- waiting as a server asks ----------------------------------------------------------

MAX_HEADER = 64
"""A reset time or a wait is a few characters; a longer header is no number."""


def bounded_wait(seconds: float) -> float | None:
    """A wait a server asked for, between one second and `MAX_WAIT`; None for no number.
    `inf` or 1e300 is a wait like any long one: `MAX_WAIT`."""
    if math.isnan(seconds):
        return None
    return min(MAX_WAIT, max(1.0, seconds))


def retry_after(headers: Mapping[str, str], now: datetime | None = None) -> float | None:
    """How long a 429 asks us to wait, from `Retry-After` (seconds or a date), Mastodon's
    `X-RateLimit-Reset` (a date) or Bluesky's `ratelimit-reset` (epoch seconds), read
    against the server's own `Date` when it sends one; None when none of them reads."""
    lower = {str(k).lower(): str(v) for k, v in headers.items()}
    moment = now or datetime.now(UTC)
    server_now = _http_date(lower.get("date", "")) or moment
    for name in ("retry-after", "x-ratelimit-reset", "ratelimit-reset"):
        value = lower.get(name, "").strip()
        if not value or len(value) > MAX_HEADER:
            continue
        wait = _wait_in(value, server_now, relative=name == "retry-after")
        if wait is not None:
            return wait
    return None


def _wait_in(value: str, server_now: datetime, *, relative: bool) -> float | None:
    """The wait one header says: seconds (`Retry-After`), an epoch (`ratelimit-reset`)
    or a date (either); None when it is no number, so the next header is read."""
    number = _number(value)
    if number is not None:
        return bounded_wait(number if relative else number - server_now.timestamp())
    when = _http_date(value) if relative else post_moment(value)
    if when is not None:
        return bounded_wait((when - server_now).total_seconds())
    return None


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _http_date(text: str) -> datetime | None:
    if not text or len(text) > MAX_HEADER:
        return None
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return post_moment(when, naive_is_utc=True)
