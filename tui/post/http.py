"""HTTP for posting: a total deadline per call, no redirect, no foreign host.

httpx's timeouts bound each read or write, not a call: a server sending one byte every
nine seconds would hold a 10 s timeout for ever. Here every socket operation gets what
is left of the call's deadline (`Deadline`), so a call ends when its time is up, and an
answer over `MAX_ANSWER` bytes ends it too. A 3xx is never followed (a credential, or
an app password in a JSON body that a 307 would resend, must not reach another host or
port), and a request to any host but the account's own is refused before it leaves.
"""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx

TIMEOUT = 10.0
MAX_ANSWER = 4 * 1024 * 1024
USER_AGENT = "tchat"


class RedirectRefused(httpx.HTTPError):
    """The server answered with a redirect: tchat does not follow one with a credential."""


class ForeignHost(httpx.HTTPError):
    """A request to another host than the account's: refused before it leaves."""


def origin(url: str | httpx.URL) -> tuple[str, str, int]:
    parts = urlsplit(str(url))
    scheme = parts.scheme.lower()
    port = parts.port or (443 if scheme == "https" else 80)
    return scheme, (parts.hostname or "").lower(), port


class Deadline:
    """The end of the current call, shared by every socket operation in it."""

    def __init__(self, seconds: float = TIMEOUT) -> None:
        self.seconds = seconds
        self._local = threading.local()

    @contextmanager
    def call(self, seconds: float | None = None) -> Iterator[None]:
        """Everything inside is one call: `seconds` (default the deadline's) in all."""
        outer = getattr(self._local, "end", None)
        end = time.monotonic() + (self.seconds if seconds is None else seconds)
        if outer is not None:
            end = min(end, outer)
        self._local.end, saved_bytes = end, getattr(self._local, "read", 0)
        self._local.read = 0
        try:
            yield
        finally:
            self._local.end, self._local.read = outer, saved_bytes

    def left(self, timeout: type[Exception] = httpcore.ReadTimeout) -> float:
        end: float | None = getattr(self._local, "end", None)
        if end is None:
            return self.seconds  # a call outside `call()` still has its own bound
        left = end - time.monotonic()
        if left <= 0:
            raise timeout("the call took longer than its deadline")
        return left

    def count(self, size: int) -> None:
        self._local.read = getattr(self._local, "read", 0) + size
        if self._local.read > MAX_ANSWER:
            raise httpcore.ReadError("the answer is larger than tchat reads")


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, deadline: Deadline) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        data = self._inner.read(max_bytes, self._deadline.left(httpcore.ReadTimeout))
        self._deadline.count(len(data))
        return data

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._deadline.left(httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname,
                                      self._deadline.left(httpcore.ConnectTimeout))
        return _Stream(inner, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, deadline: Deadline) -> None:
        self._deadline = deadline
        self._inner = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(host, port, self._deadline.left(httpcore.ConnectTimeout),
                                         local_address, socket_options)
        return _Stream(stream, self._deadline)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None
                            ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("tchat posts over TCP only")



def _mapped(error: Exception) -> httpx.HTTPError:
    if isinstance(error, httpcore.TimeoutException):
        return httpx.TimeoutException(str(error))
    if isinstance(error, httpcore.NetworkError):
        return httpx.NetworkError(str(error))
    return httpx.RemoteProtocolError(str(error))


class _Body(httpx.SyncByteStream):
    def __init__(self, inner: Iterable[bytes]) -> None:
        self._inner = inner

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self._inner
        except (httpcore.TimeoutException, httpcore.NetworkError, httpcore.ProtocolError) \
                as error:
            raise _mapped(error) from None

    def close(self) -> None:
        close = getattr(self._inner, "close", None)
        if close is not None:
            close()


class DeadlineTransport(httpx.BaseTransport):
    """httpx's transport on a connection pool whose every socket call has a deadline."""

    def __init__(self, deadline: Deadline) -> None:
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(), network_backend=_Backend(deadline),
            max_connections=4, keepalive_expiry=30.0)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.SyncByteStream)
        core = httpcore.Request(
            method=request.method,
            url=httpcore.URL(scheme=request.url.raw_scheme, host=request.url.raw_host,
                             port=request.url.port, target=request.url.raw_path),
            headers=request.headers.raw, content=request.stream,
            extensions=request.extensions)
        try:
            answer = self._pool.handle_request(core)
        except (httpcore.TimeoutException, httpcore.NetworkError, httpcore.ProtocolError,
                httpcore.UnsupportedProtocol) as error:
            raise _mapped(error) from None
        assert isinstance(answer.stream, Iterable)
        return httpx.Response(status_code=answer.status, headers=answer.headers,
                              stream=_Body(answer.stream), extensions=answer.extensions)

    def close(self) -> None:
        self._pool.close()


def guards(allowed: Callable[[], set[tuple[str, str, int]]]
           ) -> dict[str, list[Callable[[Any], None]]]:
    """httpx event hooks: a request only to an allowed origin, a redirect never followed
    (the response hook runs before httpx would follow it)."""

    def on_request(request: httpx.Request) -> None:
        if origin(request.url) not in allowed():
            raise ForeignHost(f"tchat does not send this account's requests to "
                              f"{request.url.host}")

    def on_response(response: httpx.Response) -> None:
        if response.is_redirect:
            response.close()
            raise RedirectRefused(f"{response.request.url.host} answered with a redirect "
                                  f"({response.status_code}): tchat follows none")

    return {"request": [on_request], "response": [on_response]}


def client(deadline: Deadline, allowed: Callable[[], set[tuple[str, str, int]]],
           **options: Any) -> httpx.Client:
    """An httpx client for one account: deadlines, no redirect, its own host only."""
    return httpx.Client(transport=DeadlineTransport(deadline), follow_redirects=False,
                        timeout=deadline.seconds, event_hooks=guards(allowed),
                        headers={"User-Agent": USER_AGENT}, trust_env=False, **options)


def retry_after(headers: httpx.Headers | dict[str, str], now: float | None = None
                ) -> float | None:
    """Seconds the server asks to wait: `Retry-After` (seconds or a date), Bluesky's
    `ratelimit-reset` (an epoch), Mastodon's `X-RateLimit-Reset` (a date)."""
    import email.utils
    from datetime import UTC, datetime

    moment = time.time() if now is None else now
    lower = {str(k).lower(): str(v) for k, v in dict(headers).items()}
    value = lower.get("retry-after")
    if value:
        if value.strip().isdigit():
            return float(value.strip())
        try:
            return email.utils.parsedate_to_datetime(value).timestamp() - moment
        except (TypeError, ValueError):
            pass
    value = lower.get("ratelimit-reset")
    if value:
        try:
            return float(value) - moment
        except ValueError:
            pass
    value = lower.get("x-ratelimit-reset")
    if value:
        try:
            reset = datetime.fromisoformat(value.replace("Z", "+00:00"))
            if reset.tzinfo is None:
                reset = reset.replace(tzinfo=UTC)
            return reset.timestamp() - moment
        except ValueError:
            pass
    return None
