"""The environment's proxy for an address (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`).

The transport uses it itself, so a request through a proxy keeps every bound (the
clients are built with `trust_env=False`: httpx would otherwise route around the
transport to reach the proxy, and read `.netrc`). Loopback addresses never go through a
proxy: the local test servers, and a service the plan names on this machine.
"""

from __future__ import annotations

import urllib.request

import httpx

from tui.net.failure import is_loopback


def proxy_for(url: httpx.URL) -> str | None:
    """The environment's proxy for `url`, if any and if `NO_PROXY` does not exclude it."""
    host = url.host.lower().rstrip(".")
    if is_loopback(host):
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
