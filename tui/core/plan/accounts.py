"""The optional `[accounts]` table: the Bluesky and Mastodon accounts tchat posts as.

Without it tchat posts nothing and opens no socket for posting. Only the handles are
here: the app password and the token come from the system keyring or the environment
(`tchat login`), never from the plan, which is a file people share.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from tui.core.plan.feedurl import feed_url_problem
from tui.core.text.said import SaidError

BLUESKY_SERVICE = "https://bsky.social"
NETWORKS = ("bluesky", "mastodon")
"""The networks tchat posts to itself; X and Threads stay on the clipboard."""

# A Bluesky handle is a domain name (the atproto handle syntax): labels of letters,
# digits and hyphens, the last one starting with a letter.
_HANDLE = re.compile(
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
    r"[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
)
# @user@server: Mastodon's usernames, then the server's domain (a port for a test one).
_MASTODON = re.compile(
    r"@?([A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,28}[A-Za-z0-9_])?)@"
    r"((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
    r"[A-Za-z0-9])?(?::[0-9]{1,5})?)"
)


class Accounts(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, validate_assignment=True)

    bluesky: str | None = None
    """The Bluesky handle (`endcm.org`); its app password is in the keyring."""
    mastodon: str | None = None
    """The Mastodon account (`@endcm@social.coop`): its server is the part after the
    second @; its token is in the keyring."""
    bluesky_service: str | None = None
    """Another service than bsky.social: a test server (plain http for 127.0.0.1 only)."""
    mastodon_server: str | None = None
    """Another address for the Mastodon server than the handle's: a test server."""

    @field_validator("bluesky")
    @classmethod
    def _bluesky_handle(cls, value: str | None) -> str | None:
        if value is None:
            return None
        handle = value.strip().removeprefix("@")
        if len(handle) > 253 or not _HANDLE.fullmatch(handle):
            raise SaidError.of("check.bluesky_account", value=repr(value))
        return handle.lower()

    @field_validator("mastodon")
    @classmethod
    def _mastodon_account(cls, value: str | None) -> str | None:
        if value is None:
            return None
        match = _MASTODON.fullmatch(value.strip())
        if match is None:
            raise SaidError.of("check.mastodon_account", value=repr(value))
        return f"@{match.group(1)}@{match.group(2).lower()}"

    @field_validator("bluesky_service", "mastodon_server")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        if value is not None:
            problem = feed_url_problem(value)
            if problem is not None:
                raise SaidError(problem)
            value = value.strip().rstrip("/")
        return value

    @model_validator(mode="after")
    def _names_an_account(self) -> Accounts:
        if self.bluesky is None and self.mastodon is None:
            raise SaidError.of("check.no_account")
        return self

    @property
    def networks(self) -> tuple[str, ...]:
        """The networks with an account, in a fixed order (Bluesky, then Mastodon)."""
        return tuple(n for n in NETWORKS if getattr(self, n) is not None)

    def handle(self, network: str) -> str:
        value = getattr(self, network)
        if not isinstance(value, str):
            raise KeyError(network)
        return value

    @property
    def bluesky_base(self) -> str:
        return self.bluesky_service or BLUESKY_SERVICE

    @property
    def mastodon_base(self) -> str:
        """The Mastodon server's address: `mastodon_server`, else https:// + the handle's."""
        if self.mastodon_server is not None:
            return self.mastodon_server
        if self.mastodon is None:
            raise KeyError("mastodon")
        return "https://" + self.mastodon.rsplit("@", 1)[1]
