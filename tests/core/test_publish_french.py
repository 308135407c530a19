"""Why a post did not go out, in the plan's language: each refusal and failure reason
comes from the words table (French typography included), while the as-run log keeps
the English line it always had."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from posting import cue, posting_run, write_plan

from tui.core.plan.images import Image
from tui.core.run.asrun import log_path_for, read_events
from tui.core.run.publish.channel import ChannelError, Reply, Sent
from tui.core.run.publish.ledger import PartRecord
from tui.core.run.publish.outcomes import Failed, Refused, describe
from tui.core.run.publish.parts import Part
from tui.core.run.publish.publisher import publish_cue, repost
from tui.core.text.said import Said
from tui.core.text.words import Words
from tui.post.errors import too_many

NBSP = "\u00a0"
SERVER = "https://bsky.example"


@dataclass
class Refusing:
    """A channel whose every call fails with `error`."""

    network: str
    error: ChannelError
    account: str = "endcm.org"
    sent: list[Part] = field(default_factory=list)

    def sign_in(self) -> str:
        raise self.error

    def send(self, part: Part, reply: Reply | None, image: Image | None) -> Sent:
        self.sent.append(part)
        raise self.error

    def find(self, record: PartRecord, text: str | None) -> Sent | None:
        raise self.error

    def delete(self, record: PartRecord) -> None:
        raise self.error

    def repost(self, uri: str, cid: str | None) -> Sent:
        raise self.error

    def refs(self, uri: str) -> Reply:
        raise self.error


def french_plan(folder: Path) -> Path:
    path = write_plan(folder)
    path.write_text(path.read_text(encoding="utf-8").replace(
        'language = "en"', 'language = "fr"'), encoding="utf-8")
    return path


def test_a_server_refusal_is_said_in_french_and_logged_in_english(tmp_path: Path) -> None:
    run = posting_run(french_plan(tmp_path))
    error = ChannelError.of("post.server_refused", server=SERVER,
                            what=Said.of("post.doing_post"), said="InvalidRequest: x")
    outcome = publish_cue(run, cue(run, "q2"), {"bluesky": Refusing("bluesky", error)})
    (failed,) = outcome.outcomes
    assert isinstance(failed, Failed)
    # The server's own words are quoted as they came.
    assert failed.reason == f"{SERVER} a refusé le message (InvalidRequest: x)"
    assert describe(failed, run.words, "Q2") == (
        f"Q2 non publié sur Bluesky{NBSP}: {SERVER} a refusé le message (InvalidRequest: x)")
    [logged] = [e for e in read_events(log_path_for(run.plan_path)) if e.kind == "post-failed"]
    assert logged.reason == f"{SERVER} refused the post (InvalidRequest: x)"


def test_an_intent_the_server_cannot_answer_about_is_refused_in_french(
        tmp_path: Path) -> None:
    run = posting_run(french_plan(tmp_path))
    run.record("post-intent", cue="q2", network="bluesky", part=1, parts=1, key="k-1")
    error = ChannelError.of("post.unreachable", server=SERVER,
                            what=Said.of("post.doing_find_post"))
    fake = Refusing("bluesky", error)
    (refused,) = publish_cue(run, cue(run, "q2"), {"bluesky": fake}).outcomes
    assert isinstance(refused, Refused) and fake.sent == []
    assert refused.reason == (
        f"impossible de savoir si la partie 1 est partie ({SERVER} est injoignable (la "
        f"recherche du message)){NBSP}: rien n'a été renvoyé")


def test_a_card_that_cannot_be_read_is_refused_in_french(tmp_path: Path) -> None:
    plan = french_plan(tmp_path)
    (tmp_path / "q1.png").unlink()
    run = posting_run(plan)
    fake = Refusing("bluesky", ChannelError("never called"))
    (refused,) = publish_cue(run, cue(run, "q1"), {"bluesky": fake}).outcomes
    assert isinstance(refused, Refused) and fake.sent == []
    assert refused.reason == "l'image 'q1.png' n'est pas là (elle est cherchée à côté du plan)"


def test_a_repost_that_fails_says_why_in_french(tmp_path: Path) -> None:
    run = posting_run(french_plan(tmp_path))
    error = ChannelError.of("post.repost_gone", server=SERVER)
    failed = repost(run, Refusing("bluesky", error), "at://did/post/1", None)
    assert isinstance(failed, Failed)
    assert failed.reason == f"{SERVER}{NBSP}: le message à repartager n'existe plus"


def test_too_many_requests_in_both_languages() -> None:
    error, wait = too_many(SERVER, "post.doing_post", {"retry-after": "30"}, 5.0, last=True)
    assert error is not None and wait == 0.0
    assert error.message == f"{SERVER} asks to wait (too many requests) for the post: " \
                            "try again in 31 s"
    assert error.say(Words("fr")) == (
        f"{SERVER} demande d'attendre (trop de requêtes) pour le message{NBSP}: réessayez "
        f"dans 31{NBSP}s")


def test_a_plain_line_from_a_channel_is_said_as_it_is() -> None:
    error = ChannelError("bsky answered 500")
    assert error.say(Words("fr")) == error.message == "bsky answered 500"


def test_what_the_platform_refuses_is_said_in_french(tmp_path: Path) -> None:
    """A draft the platform refuses whatever its length (over Bluesky's 3,000 bytes
    here) is refused in the plan's language, with the counter's words."""
    plan = french_plan(tmp_path)
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "Second: who helps?", family * 121), encoding="utf-8")
    run = posting_run(plan)
    fake = Refusing("bluesky", ChannelError("never called"))
    (refused,) = publish_cue(run, cue(run, "q2"), {"bluesky": fake}).outcomes
    assert isinstance(refused, Refused) and fake.sent == []
    assert refused.reason.startswith(
        f"Bluesky refuse une publication de plus de 3000{NBSP}octets en UTF-8{NBSP}: celle-ci "
        "en compte 30")
