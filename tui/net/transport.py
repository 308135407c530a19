"""The one guarded HTTP transport, under every client of tchat (httpx's own clients for
Mastodon, the atproto SDK for Bluesky, given it as its transport).

- **A total deadline per request**, not a per-read timeout: a server sending one byte a
  second kept a request alive for ever, as each read got its byte in time. Every name
  lookup (`tui.net.names`), connect, write and read of a request gets what is left of
  its deadline (`TIMEOUT`, or less), and a caller can narrow it for every request it
  makes (`deadline()`: a poll's budget, a post's call).
- **Cancellation**: reads wait in slices of `SLICE`, so `cancel()` (the app closing)
  ends every request under way, and `stopping(event)` those of one caller, within a
  quarter of a second instead of at their deadline.
- **A bounded answer**: the body is read here, and more than `max_body` (or less, for a
  caller that says so with `answers_up_to()`) is refused, at once when the announced
  `Content-Length` says it already; the headers are bounded by the HTTP parser (h11).
- **No redirect, ever**: a 3xx is a failure naming where it pointed, so a credential in
  a header, or an app password in a JSON body that a 307 would resend, never follows it
  (the atproto SDK follows redirects itself: it never gets one).
- **Only the hosts the caller named** (`allowed`, `allow()`): a request to any other
  scheme, host or port is refused before it leaves, so a credential goes to its own
  host only, whatever address a server's answer names.
- **Proxies from the environment** (`tui.net.proxies`) are used by this transport
  itself, within the same bounds; loopback is never proxied.

Every failure is an `HttpFailure` whose words name the server and what happened.
"""

from __future__ import annotations

import contextlib
import math
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from contextvars import ContextVar
from typing import Any

import httpcore
import httpx

from tui.core.feed.status import Said
from tui.net import names
from tui.net.failure import HttpFailure, Origin, origin_of, server_of
from tui.net.numbers import content_length
from tui.net.proxies import proxy_for

TIMEOUT = 10.0
"""Seconds a request may take in all, from looking its host up to its last byte."""
MAX_BODY = 8 * 1024 * 1024
"""The largest answer read: a page of 40 statuses is a few hundred kilobytes, a thread
of 1,000 replies a few megabytes."""
SLICE = 0.25
"""How often a waiting read looks whether it was cancelled."""
USER_AGENT = "tchat"

_ends: ContextVar[float | None] = ContextVar("tchat_net_deadline", default=None)
_cap: ContextVar[int | None] = ContextVar("tchat_net_max_body", default=None)
_stops: ContextVar[tuple[threading.Event, ...]] = ContextVar("tchat_net_stops", default=())


class _Progress:
    """What one request has done so far: whether any of its bytes were written."""

    def __init__(self, cancelled: threading.Event) -> None:
        self.cancelled = cancelled
        self.sent = False


_request: ContextVar[_Progress | None] = ContextVar("tchat_net_request", default=None)


class _Cancelled(Exception):
    pass


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Every request made inside ends within `seconds` from now (or sooner, by its own
    deadline or an enclosing one)."""
    ends = time.monotonic() + seconds
    current = _ends.get()
    token = _ends.set(ends if current is None else min(current, ends))
    try:
        yield
    finally:
        _ends.reset(token)


@contextlib.contextmanager
def answers_up_to(size: int) -> Iterator[None]:
    """Every answer read inside is at most `size` bytes (or less, by an enclosing
    bound or the transport's own)."""
    current = _cap.get()
    token = _cap.set(size if current is None else min(current, size))
    try:
        yield
    finally:
        _cap.reset(token)


@contextlib.contextmanager
def stopping(event: threading.Event) -> Iterator[None]:
    """Every request made inside ends (within `SLICE`) once `event` is set: one caller's
    cancel, on a transport other callers share (a Bluesky session)."""
    token = _stops.set((*_stops.get(), event))
    try:
        yield
    finally:
        _stops.reset(token)


def _left() -> float:
    """Seconds the request under way has left; raises when it has none or was stopped."""
    progress = _request.get()
    if (progress is not None and progress.cancelled.is_set()) \
            or any(event.is_set() for event in _stops.get()):
        raise _Cancelled
    ends = _ends.get()
    left = TIMEOUT if ends is None else ends - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the request's deadline passed")
    return left


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        while True:
            left = _left()
            try:
                return self._inner.read(max_bytes, min(left, SLICE))
            except httpcore.ReadTimeout:
                continue  # a slice ran out: the deadline or a cancel decides

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        left = _left()
        progress = _request.get()
        if progress is not None and buffer:
            progress.sent = True  # from here on, the server may have the request
        self._inner.write(buffer, left)

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, _left()))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        failure: Exception | None = None
        for address in names.addresses(host, port, _left):
            try:
                stream = self._inner.connect_tcp(address, port, _left(), local_address,
                                                 socket_options)
            except httpcore.ConnectError as error:
                failure = error  # this address refuses: the next one may not
                continue
            return _Stream(stream)
        raise failure or httpcore.ConnectError(f"no address of {host} answers")

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None,
                            ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("no unix sockets here")

    def sleep(self, seconds: float) -> None:
        time.sleep(min(seconds, _left()))


class GuardedTransport(httpx.BaseTransport):
    """An httpx transport that sends to the `allowed` addresses' hosts only, gives each
    request `timeout` seconds in all, reads at most `max_body` bytes of answer, and turns
    a redirect into a failure."""

    def __init__(self, allowed: Iterable[str], *, timeout: float = TIMEOUT,
                 max_body: int = MAX_BODY) -> None:
        self.timeout = timeout
        self.max_body = max_body
        self.cancelled = threading.Event()
        self._allowed: set[Origin] = set()
        for address in allowed:
            if not self.allow(address):
                raise ValueError(f"not an http(s) address: {address!r}")
        self._ssl = httpx.create_ssl_context()
        self._pools: dict[str | None, httpcore.ConnectionPool] = {}
        self._lock = threading.Lock()

    def allow(self, address: str) -> bool:
        """Let requests go to `address`'s scheme, host and port too (a Bluesky session's
        own server); False when it is no http(s) address."""
        found = origin_of(address)
        if found is None:
            return False
        self._allowed.add(found)
        return True

    def allows(self, url: httpx.URL | str) -> bool:
        return origin_of(url) in self._allowed

    def cancel(self) -> None:
        """Stop the request under way (within `SLICE`) and every later one."""
        self.cancelled.set()

    def close(self) -> None:
        with self._lock:
            pools, self._pools = list(self._pools.values()), {}
        for pool in pools:
            pool.close()

    def _pool_for(self, url: httpx.URL) -> httpcore.ConnectionPool:
        proxy = proxy_for(url)
        with self._lock:
            pool = self._pools.get(proxy)
            if pool is None:
                options: dict[str, Any] = {
                    "ssl_context": self._ssl, "max_connections": 4,
                    "max_keepalive_connections": 2, "keepalive_expiry": 30.0,
                    "http1": True, "http2": False, "retries": 0,
                    "network_backend": _Backend()}
                if proxy is None:
                    pool = httpcore.ConnectionPool(**options)
                else:
                    address = httpx.URL(proxy)
                    auth = (address.username, address.password) if address.username else None
                    pool = httpcore.HTTPProxy(
                        proxy_url=str(address.copy_with(username=None, password=None)),
                        proxy_auth=auth, **options)
                self._pools[proxy] = pool
        return pool

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        server, path = server_of(request.url), request.url.path
        if not self.allows(request.url):
            raise HttpFailure(Said.of("net.foreign_host", server=server))
        progress = _Progress(self.cancelled)
        token = _request.set(progress)
        try:
            with deadline(self.timeout):
                seconds = _window()
                try:
                    status, headers, body = self._exchange(request, server, path)
                except HttpFailure:
                    raise
                except _Cancelled:
                    raise HttpFailure(Said.of("net.cancelled"), arrived=progress.sent
                                      ) from None
                except (names.NoName, names.SlowName, names.Busy) as error:
                    lookup = ("net.why_slow_name" if isinstance(error, names.SlowName) else
                              "net.why_busy" if isinstance(error, names.Busy) else
                              "net.why_no_name")
                    raise HttpFailure(Said.of("net.unreachable", server=server,
                                              why=Said.of(lookup))) from None
                except httpcore.TimeoutException:
                    raise HttpFailure(Said.of("net.timed_out", server=server, path=path,
                                              seconds=seconds), arrived=progress.sent
                                      ) from None
                except httpcore.ConnectError as error:
                    causes = (error.__cause__, error.__context__, *error.args)
                    refused = any(isinstance(c, ConnectionRefusedError) for c in causes)
                    said = Said.of("net.why_refused" if refused else "net.why_network")
                    raise HttpFailure(Said.of("net.unreachable", server=server, why=said),
                                      arrived=progress.sent) from None
                except (httpcore.RemoteProtocolError, httpcore.LocalProtocolError,
                        httpcore.UnsupportedProtocol):
                    raise HttpFailure(Said.of("net.not_http", server=server, path=path),
                                      arrived=progress.sent) from None
                except (httpcore.NetworkError, httpcore.ProxyError, OSError):
                    raise HttpFailure(Said.of("net.unreachable", server=server,
                                              why=Said.of("net.why_network")),
                                      arrived=progress.sent) from None
        finally:
            _request.reset(token)
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
            headers = httpx.Headers(response.headers)
            if 300 <= response.status < 400 and response.status != 304:
                raise HttpFailure(Said.of("net.redirected", server=server, path=path,
                                          target=headers.get("location", "") or "?"))
            cap = self._cap()
            too_large = HttpFailure(Said.of("net.too_large", server=server, path=path,
                                            mb=max(1, cap // (1024 * 1024))), arrived=True)
            announced = content_length(_as_text(headers))
            if announced is not None and announced > cap:
                raise too_large
            body = bytearray()
            assert isinstance(response.stream, Iterable)
            for chunk in response.stream:
                body += chunk
                if len(body) > cap:
                    raise too_large
            return response.status, response.headers, bytes(body)
        finally:
            response.close()

    def _cap(self) -> int:
        asked = _cap.get()
        return self.max_body if asked is None else min(asked, self.max_body)


def _window() -> int:
    """The whole seconds the request starting now has, as a failure says them."""
    ends = _ends.get()
    return max(1, math.ceil((TIMEOUT if ends is None else ends - time.monotonic()) - 1e-3))


def _as_text(headers: httpx.Headers) -> Mapping[str, str]:
    return {key: value for key, value in headers.items()}


def guarded_client(transport: GuardedTransport, *, base_url: str = "",
                   headers: Mapping[str, str] | None = None) -> httpx.Client:
    """An httpx client that goes through `transport` only (never the environment's own
    way to a proxy, never `.netrc`)."""
    return httpx.Client(transport=transport, follow_redirects=False, trust_env=False,
                        timeout=transport.timeout, base_url=base_url,
                        headers={"User-Agent": USER_AGENT, **(headers or {})})
