"""The chat plan: what a moderator writes in TOML, as a strict pydantic model.

The model is strict on purpose: a typo such as `questoins` or `duration = "60"` must be
reported, not silently ignored or coerced, because the plan drives a live hour.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, tzinfo
from pathlib import PurePath
from typing import get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    field_validator,
    model_serializer,
    model_validator,
)
from pydantic_core import PydanticCustomError

from tui.core.plan.accounts import Accounts
from tui.core.plan.feedurl import feed_url_problem
from tui.core.plan.networks import (
    KNOWN,
    NETWORKS,
    PerNetwork,
    entry_for,
    mention_on,
    per_network_problem,
    same_network,
    written_for,
)
from tui.core.text.said import Said, SaidError
from tui.core.text.vocabulary import GuestStatus as GuestStatus
from tui.core.text.vocabulary import Language as Language
from tui.core.text.vocabulary import Phase as Phase
from tui.core.text.vocabulary import Platform as Platform
from tui.core.text.vocabulary import PostKind as PostKind
from tui.core.text.vocabulary import Repeat as Repeat
from tui.core.timing.chattime import FIRST_YEAR, LAST_YEAR, chat_zone, known_zone, start_utc
from tui.core.timing.offsets import Offset

PLATFORMS: tuple[str, ...] = get_args(Platform)
# An http(s) address without spaces or quotes: it is pasted into posts and pages.
_WEB_ADDRESS = re.compile(r"https?://[^\s<>\"'`\\^{|}]+", re.IGNORECASE)
# The error type of a problem a model validator finds in one field: `planfile` locates
# it at that field (`ctx["field"]`) rather than at the table.
FIELD_PROBLEM = "plan_field"
# Said by `planfile`, which reads the file as written (see `Chat._one_list_of_networks`).
BOTH_PLATFORMS = Said.of("check.both_platforms")
START_WITHOUT_ZONE = Said.of("check.start_without_zone")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, validate_assignment=True)


def field_problem(field: str, said: Said) -> PydanticCustomError:
    """An error a model validator raises about one of its fields, located there."""
    return PydanticCustomError(FIELD_PROBLEM, said.say("en"), {"field": field, "said": said})


def _per_network(value: object, what: str) -> PerNetwork:
    problem = per_network_problem(value, what)
    if problem is not None:
        raise SaidError(problem)
    return value if isinstance(value, str) else dict(value)  # type: ignore[call-overload]


def _variants(value: object) -> dict[str, str]:
    """`variants = { x = "…" }`: a post's own wording per network, never empty."""
    if not isinstance(value, dict):
        raise SaidError.of("check.variants_table")
    for key, item in value.items():
        if key not in NETWORKS:
            raise SaidError.of("check.unknown_network_in", network=repr(key), what="variants",
                               known=KNOWN)
        if not isinstance(item, str):
            raise SaidError.of("check.network_text", network=key)
        if not item.strip():
            raise SaidError.of("check.variant_empty", network=key)
    return dict(value)


class Chat(_Strict):
    """The `[chat]` table: what, when, where."""

    title: str = Field(min_length=1)
    topic: str = ""
    tag: str = Field(min_length=1)
    start: datetime
    timezone: str | None = None
    duration: int = Field(default=60, ge=5, le=24 * 60)
    platform: Platform = "x"
    """The network, or the first of `platforms`: what code made for one network reads."""
    platforms: list[Platform] | None = None
    """The networks of a chat run on several at once, in the moderator's order."""
    char_limit: int | dict[str, int] | None = None
    """A server's or an account's own limit: a number for a one-network plan, else a
    table per network (`{ mastodon = 1000 }`)."""
    language: Language = "fr"
    host: PerNetwork = ""
    """The host's handle: one string for every network, or a table per network."""
    audience_timezones: list[str] = Field(default_factory=list)
    heads_up: int = Field(default=2, ge=0, le=30)
    """Minutes before each question at which a heads-up post is offered; 0 for none."""
    next: datetime | None = None
    """The next edition's start, when known: named by `{next}` (thank-you, recap)."""
    repeat: Repeat | None = None
    """A regular chat: the calendar event recurs (an RRULE), and `tchat new --from`
    proposes the next date from it."""
    recap_url: str = ""
    """Where the recap is published, for `{recap_url}` in the post announcing it."""

    @model_validator(mode="before")
    @classmethod
    def _one_list_of_networks(cls, data: object) -> object:
        # `platform` mirrors the first of `platforms`, so that code reading it keeps
        # working. A file that writes both is refused by `planfile`, which sees what the
        # file holds; here both are there at every assignment, the mirror among them. A
        # dumped model holds `platforms = None` (TOML has no null: a file never does).
        if isinstance(data, dict) and data.get("platforms") is not None:
            networks = data["platforms"]
            if isinstance(networks, list) and networks and networks[0] in NETWORKS:
                return {**data, "platform": networks[0]}
        return data

    @field_validator("platforms")
    @classmethod
    def _distinct_networks(cls, value: list[Platform] | None) -> list[Platform] | None:
        if value is None:
            return None
        if not value:
            raise SaidError.of("check.no_network")
        for index, network in enumerate(value):
            for earlier in value[:index]:
                if earlier == network:
                    raise SaidError.of("check.network_twice", network=repr(network))
                if same_network(earlier, network):
                    raise SaidError.of("check.both_x", first=repr(earlier),
                                       second=repr(network))
        return value

    @field_validator("host", mode="plain")
    @classmethod
    def _host_per_network(cls, value: object) -> PerNetwork:
        return _per_network(value, "host")

    @field_validator("char_limit", mode="plain")
    @classmethod
    def _limit_per_network(cls, value: object) -> int | dict[str, int] | None:
        if value is None:
            return None
        if isinstance(value, dict):
            for key, item in value.items():
                if key not in NETWORKS:
                    raise SaidError.of("check.unknown_network_in", network=repr(key),
                                       what="char_limit", known=KNOWN)
                _check_limit(item, f"{key}: ")
            return dict(value)
        _check_limit(value, "")
        assert isinstance(value, int)
        return value

    @field_validator("start")
    @classmethod
    def _sane_start(cls, value: datetime) -> datetime:
        # Every cue is start + an offset of up to a year and is shown in several zones:
        # keep the start far from datetime's own limits (years 1 and 9999).
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise SaidError.of("check.start_range", date=value.date().isoformat(),
                               first=FIRST_YEAR, last=LAST_YEAR)
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value is not None:
            known_zone(value)
        return value

    @field_validator("audience_timezones")
    @classmethod
    def _known_zones(cls, value: list[str]) -> list[str]:
        for name in value:
            known_zone(name)
        return value

    @field_validator("recap_url")
    @classmethod
    def _web_address(cls, value: str) -> str:
        if value and not _WEB_ADDRESS.fullmatch(value):
            raise SaidError.of("check.recap_url")
        return value

    @model_validator(mode="after")
    def _limit_names_its_network(self) -> Chat:
        if isinstance(self.char_limit, int) and len(self.networks) > 1:
            raise field_problem("char_limit", Said.of("check.limit_one_number"))
        return self

    @model_serializer(mode="wrap")
    def _written_once(self, handler: SerializerFunctionWrapHandler) -> dict[str, object]:
        # `platform` mirrors the first of `platforms`: a plan written back names its
        # networks once, or it would not load again.
        data: dict[str, object] = handler(self)
        if self.platforms is not None:
            data.pop("platform", None)
        return data

    @property
    def networks(self) -> tuple[Platform, ...]:
        """The networks the chat runs on, in the plan's order; one for a plan that
        writes `platform` (or nothing: X)."""
        return tuple(self.platforms) if self.platforms else (self.platform,)

    def limit_on(self, network: str) -> int | None:
        """The limit the plan sets for `network`; None for the network's own."""
        if isinstance(self.char_limit, dict):
            return entry_for(self.char_limit, network)
        return self.char_limit

    def host_on(self, network: str) -> str:
        """The host's handle as a post on `network` writes it ("" when none)."""
        return mention_on(written_for(self.host, network), network)

    @model_validator(mode="after")
    def _start_has_zone(self) -> Chat:
        if self.start.tzinfo is None and self.timezone is None:
            raise SaidError(START_WITHOUT_ZONE)
        if self.next is not None and self.next.tzinfo is None and self.timezone is None:
            raise SaidError.of("check.next_without_zone")
        return self

    @property
    def next_at(self) -> datetime | None:
        """The next edition's start in UTC, when `next` is given."""
        return None if self.next is None else start_utc(self.next, self.zone)

    @property
    def zone(self) -> tzinfo:
        """The zone the chat is shown in: `timezone` if given, else start's own offset."""
        return chat_zone(self.start, self.timezone)  # a zone is guaranteed by _start_has_zone

    @property
    def start_at(self) -> datetime:
        """The start as an aware datetime in UTC (see `chattime.start_utc`)."""
        return start_utc(self.start, self.zone)

    @property
    def end_at(self) -> datetime:
        return self.start_at + timedelta(minutes=self.duration)


def _check_limit(value: object, where: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SaidError.of("check.limit_number", where=where)
    if not 1 <= value <= MAX_CHAR_LIMIT:
        raise SaidError.of("check.limit_range", where=where, limit=MAX_CHAR_LIMIT)


MAX_CHAR_LIMIT = 100_000


class Guest(_Strict):
    """One `[[guests]]` entry: an invited expert or organisation."""

    name: str = Field(min_length=1)
    handle: PerNetwork = ""
    """One handle for every network, or a table per network."""
    role: str = ""
    status: GuestStatus = "invited"
    email: str = ""

    @field_validator("handle", mode="plain")
    @classmethod
    def _handle_per_network(cls, value: object) -> PerNetwork:
        return _per_network(value, "handle")

    def handle_on(self, network: str) -> str:
        """The guest's handle as a post on `network` writes it ("" when none there)."""
        return mention_on(written_for(self.handle, network), network)

    def handles_on(self, networks: tuple[str, ...]) -> list[tuple[str, str]]:
        """(network, handle) for each of `networks` the guest has a handle on."""
        return [(n, h) for n in networks if (h := self.handle_on(n))]

    @property
    def has_handle(self) -> bool:
        """Whether any handle is written, on any network."""
        if isinstance(self.handle, str):
            return bool(self.handle.strip())
        return any(h.strip() for h in self.handle.values())


# A stable name for a question or a post, written into the plan once (by `tchat new`, or
# by the app when missing) so that marks follow it when questions are inserted or moved.
ID_PATTERN = r"^[A-Za-z0-9_@#.:-]{1,40}$"


class Question(_Strict):
    """One `[[questions]]` entry. `at` is minutes after the start; spaced evenly if absent."""

    id: str | None = Field(default=None, pattern=ID_PATTERN)
    text: str = Field(min_length=1)
    at: Offset | None = None
    notes: str = ""
    image: str | None = Field(default=None, min_length=1)
    """A question card, beside the plan, posted with the text (see `plan.images`)."""
    alt: str | None = None
    """The image's alt text, required with it. (None, not "": a plan written by tchat
    leaves out what it does not use.)"""
    variants: dict[str, str] | None = None
    """The question's own wording on some networks (`{ x = "a shorter text" }`)."""

    @field_validator("variants", mode="plain")
    @classmethod
    def _known_networks(cls, value: object) -> dict[str, str] | None:
        return None if value is None else _variants(value)


class Post(_Strict):
    """One `[[posts]]` entry: a prepared post at a time relative to the start."""

    id: str | None = Field(default=None, pattern=ID_PATTERN)
    kind: PostKind
    at: Offset
    text: str = Field(min_length=1)
    notes: str = ""
    add_tag: bool = True
    """Append the chat's tag when the text lacks it (the guide: always use the tag)."""
    thread: bool | None = None
    """true: a text over the limit is split into a numbered thread (`1/3`...), posted
    as a chain."""
    image: str | None = Field(default=None, min_length=1)
    alt: str | None = None
    variants: dict[str, str] | None = None
    """The post's own wording on some networks (`{ x = "a shorter text" }`)."""

    @field_validator("variants", mode="plain")
    @classmethod
    def _known_networks(cls, value: object) -> dict[str, str] | None:
        return None if value is None else _variants(value)


def text_on(text: str, variants: dict[str, str] | None, network: str) -> str:
    """A post's or a question's wording on `network`: its variant there, else `text`."""
    return (entry_for(variants, network) if variants else None) or text


class ChecklistItem(_Strict):
    """One `[[checklist]]` entry."""

    phase: Phase
    text: str = Field(min_length=1)
    done: bool = False
    due: Offset | None = None
    done_with: list[PostKind] | None = None
    """The posts that accomplish the item (`["welcome", "rules"]`): once a post of each
    kind listed is marked posted, the item is done without a tick."""


MAX_SERVERS = 10
MAX_ACCOUNTS = 500
# An account as a post names it: letters, digits, _ . - and one inner @ (Mastodon's
# server), with or without the leading @; nothing that could hide in a terminal.
_ACCOUNT = re.compile(r"@?[\w.\-]{1,100}(?:@[\w.\-]{1,200})?")


def _server(value: str) -> str:
    problem = feed_url_problem(value)
    if problem is not None:
        raise SaidError(problem)
    return value.rstrip("/")


class Feed(_Strict):
    """The optional `[feed]` table: where to read the tag's conversation during the chat.

    Without it tchat opens no socket at all. Credentials never go here: they come from
    the environment or the system keyring (see `tui.feed.credentials`)."""

    mastodon: str | list[str] | None = None
    """A Mastodon server whose public timeline of the tag is read, or several: each
    server shows the posts it knows of, and a post seen on two is one post."""
    bluesky: bool = False
    """Search Bluesky for the tag (needs an app password)."""
    bluesky_service: str | None = None
    """Another Bluesky service than bsky.social (a test server, a self-hosted PDS)."""
    poll_seconds: int = Field(default=15, ge=5, le=3600)
    replay: str | None = Field(default=None, min_length=1)
    """A recorded conversation (JSON lines), relative to the plan, replayed in rehearsal."""
    feature: list[str] = Field(default_factory=list, max_length=MAX_ACCOUNTS)
    """Accounts shown in their own colour beside the guests (co-hosts, partners)."""
    mute: list[str] = Field(default_factory=list, max_length=MAX_ACCOUNTS)
    """Accounts left out of the pane, the counts and the exports (spam, bots)."""

    @field_validator("bluesky_service")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        return _server(value) if value is not None else None

    @field_validator("mastodon", mode="before")
    @classmethod
    def _one_or_a_list(cls, value: object) -> object:
        # Said once, here, rather than as pydantic's one error per member of the union.
        if value is None or isinstance(value, str):
            return value
        if isinstance(value, list) and all(isinstance(url, str) for url in value):
            return value
        raise SaidError.of("check.feed_mastodon_type")

    @field_validator("mastodon")
    @classmethod
    def _servers(cls, value: str | list[str] | None) -> str | list[str] | None:
        if value is None or isinstance(value, str):
            return _server(value) if value is not None else None
        if not value:
            raise SaidError.of("check.feed_no_server")
        if len(value) > MAX_SERVERS:
            raise SaidError.of("check.feed_max_servers", limit=MAX_SERVERS)
        servers = [_server(url) for url in value]
        twice = sorted({url for url in servers if servers.count(url) > 1})
        if twice:
            raise SaidError.of("check.feed_server_twice", url=repr(twice[0]))
        return servers

    @field_validator("feature", "mute")
    @classmethod
    def _accounts(cls, value: list[str]) -> list[str]:
        for name in value:
            if not _ACCOUNT.fullmatch(name):
                raise SaidError.of("check.feed_not_account", name=repr(name[:60]))
        return value

    @property
    def mastodon_servers(self) -> tuple[str, ...]:
        """The Mastodon servers read, one or several, in the plan's order."""
        if self.mastodon is None:
            return ()
        return (self.mastodon,) if isinstance(self.mastodon, str) else tuple(self.mastodon)

    @field_validator("replay")
    @classmethod
    def _relative_file(cls, value: str | None) -> str | None:
        if value is not None and "\x00" in value:
            raise SaidError.of("check.file_name")
        return value

    @property
    def live(self) -> bool:
        """Whether any live source is asked for (a replay alone opens no socket)."""
        return self.mastodon is not None or self.bluesky

    def replay_path(self, plan_path: PurePath) -> PurePath | None:
        """The replay file, relative to the plan's folder as written in the plan."""
        if self.replay is None:
            return None
        return plan_path.parent / self.replay


class Plan(_Strict):
    """A whole chat plan, as stored in one TOML file."""

    chat: Chat
    guests: list[Guest] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
    posts: list[Post] = Field(default_factory=list)
    checklist: list[ChecklistItem] = Field(default_factory=list)
    feed: Feed | None = None
    accounts: Accounts | None = None
    """Where tchat posts itself (Bluesky, Mastodon); none: it posts nothing."""

    @model_validator(mode="after")
    def _ids_are_unique(self) -> Plan:
        seen: set[str] = set()
        ids = [q.id for q in self.questions] + [p.id for p in self.posts]
        for item_id in ids:
            if item_id is not None:
                if item_id in seen:
                    raise SaidError.of("check.id_twice", id=repr(item_id))
                seen.add(item_id)
        return self
