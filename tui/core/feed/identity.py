"""Who is who in the conversation: the one rule that says a plan's handle and a post's
account are the same person, and how a reply names an author.

A Mastodon server names its own accounts without their server: on social.example's tag
timeline the host written `@EndCMHub@social.example` in the plan is `EndCMHub`, and a
remote author is `student_gh@mastodon.africa.example`. A handle and an account are the
same person when they name the same account on the server that served the post: `user`
on `server` is `user@server`. So a Mastodon post's author is completed with its server
where it is read (`FeedPost`: the server of the post's own address), and compared here.

- A full handle (`@user@server`) names that account only: `user@other.server` is
  someone else.
- A bare handle (`@MyOrg`, as a plan written for X has it) is taken as the account's
  first part on any server and any Bluesky domain (`myorg@any.server`,
  `myorg.bsky.social`): the plan did not say which.
- A name without a server and no server known (a mention in a post's text: Mastodon
  shows `@user` alone, whichever server the user is on) is matched by its name.

Case never matters: Mastodon's usernames and every domain are case-insensitive.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def server_of(address: str) -> str:
    """The host of an http(s) address, lowercased ("" for anything else): the server
    that serves a post at that address."""
    if not address.startswith(("https://", "http://")):
        return ""
    try:
        host = urlsplit(address).hostname or ""
    except ValueError:
        return ""
    # The host alone, as Mastodon names a remote account (and the feed a local one).
    return host.lower() if "@" not in host else ""


def full_account(name: str, server: str) -> str:
    """`name` with its server: `EndCMHub` on social.example is `EndCMHub@social.example`;
    a name that already has one, or no server known, stays as it is (without `@`)."""
    bare = name.strip().removeprefix("@")
    if not bare or "@" in bare or not server:
        return bare
    return f"{bare}@{server}"


def same_account(handle: str, name: str, server: str = "") -> bool:
    """Whether a plan's handle (`@EndCMHub@social.example`, `@MyOrg`, `myorg.bsky.social`)
    names the account `name`, as a post on `server` names it (`EndCMHub` there,
    `endcmhub@social.example` anywhere, `myorg.bsky.social`)."""
    wanted = handle.strip().removeprefix("@").lower()
    who = full_account(name, server.lower()).lower()
    if not wanted or not who:
        return False
    if wanted == who:
        return True
    if "@" not in who and "." not in who and "@" in wanted:
        # A name with no server known (a mention in a text): its name is all it says.
        return wanted.split("@", 1)[0] == who
    if "@" in wanted or "." in wanted:
        return False  # a full handle names one account on one server
    return who.split("@", 1)[0] == wanted or who.split(".", 1)[0] == wanted


def mention_for(author: str, platform: str, own_server: str = "") -> str:
    """How a reply names `author` so the network tells them: `@student_gh@mastodon.africa
    .example` for a Mastodon account of another server than the posting account's
    (`own_server`), `@student_gh` for one of the same server, `@zoe.bsky.social` on
    Bluesky. Without the posting account's server known, the full form (which every
    Mastodon server understands)."""
    bare = author.strip().removeprefix("@")
    if platform != "mastodon" or "@" not in bare:
        return "@" + bare
    user, _at, server = bare.partition("@")
    if own_server and server.lower() == own_server.lower():
        return "@" + user
    return "@" + bare
