"""Looking a host's name up within the request's deadline.

`socket.getaddrinfo` takes no timeout: a resolver that does not answer holds the caller
for as long as the system's resolver retries (tens of seconds, more on a broken
network), whatever deadline the request has. So the lookup runs in a thread of its own,
and the request waits for it in short slices, each of which checks the deadline and the
cancel (`left`): when either ends first, the request fails and the lookup's thread is
left to finish alone (a daemon, holding nothing). At most `MAX_LOOKUPS` such threads
wait at once: past that, a request fails at once rather than pile threads up behind a
dead resolver.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Callable

import httpcore

SLICE = 0.25
MAX_LOOKUPS = 8


class NoName(httpcore.ConnectError):
    """The name has no address."""


class SlowName(httpcore.ConnectTimeout):
    """The name was not found within the request's deadline."""


class Busy(httpcore.ConnectError):
    """Too many lookups are under way already (a resolver that answers nobody)."""


_lookups = threading.BoundedSemaphore(MAX_LOOKUPS)


class _Lookup:
    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self.done = threading.Event()
        self.found: list[str] = []
        self.failed = False

    def run(self) -> None:
        try:
            answers = socket.getaddrinfo(self.host, self.port, type=socket.SOCK_STREAM)
            for _family, _type, _proto, _name, address in answers:
                ip = str(address[0])
                if ip not in self.found:
                    self.found.append(ip)
        except (OSError, UnicodeError, ValueError):
            self.failed = True
        finally:
            _lookups.release()
            self.done.set()


def addresses(host: str, port: int, left: Callable[[], float]) -> list[str]:
    """The addresses of `host` (itself when it is one). `left()` gives the seconds the
    request has left, or raises when it has none (or was cancelled)."""
    try:
        ipaddress.ip_address(host)
        return [host]
    except ValueError:
        pass
    if not _lookups.acquire(blocking=False):
        raise Busy(f"too many name lookups under way ({MAX_LOOKUPS})")
    lookup = _Lookup(host, port)
    try:
        threading.Thread(target=lookup.run, name="tchat-name-lookup", daemon=True).start()
    except RuntimeError:
        _lookups.release()
        raise Busy("no thread for the name lookup") from None
    while not lookup.done.wait(min(SLICE, _left_for_lookup(left))):
        pass
    if lookup.failed or not lookup.found:
        raise NoName(f"no address for {host}")
    return lookup.found


def _left_for_lookup(left: Callable[[], float]) -> float:
    try:
        return left()
    except httpcore.TimeoutException:
        raise SlowName("the name lookup took longer than the request's deadline") from None
