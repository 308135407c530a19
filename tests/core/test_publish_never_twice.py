"""The publisher: intent before sending, never twice, threads resumed, open intents
settled from what the server says. Channels here are fakes in memory; the real
clients against local servers are in tests/cli/test_post_clients.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from posting import cue, posting_run, write_plan

from tui.core.plan.images import Image
from tui.core.run.asrun import read_events
from tui.core.run.publish.channel import ChannelError, Reply, Sent
from tui.core.run.publish.ledger import PartRecord, ledger
from tui.core.run.publish.outcomes import AlreadyPosted, Deleted, Failed, Posted, Refused
from tui.core.run.publish.parts import Part
from tui.core.run.publish.publisher import (
    Absent,
    Found,
    Unknown,
    preview_cue,
    publish_cue,
    repost,
    settle,
    settlement,
    undo_cue,
)
from tui.core.run.runstate import fold


@dataclass
class FakeChannel:
    network: str
    account: str = "endcm.org"
    sent: list[tuple[Part, Reply | None, Image | None]] = field(default_factory=list)
    server: dict[str, Sent] = field(default_factory=dict)
    """What the server has, by key."""
    fail_at: dict[int, ChannelError] = field(default_factory=dict)
    """The nth send (from 1) fails with this error."""
    find_error: ChannelError | None = None
    deleted: list[str] = field(default_factory=list)

    def sign_in(self) -> str:
        return "did:plc:x"

    def send(self, part: Part, reply: Reply | None, image: Image | None) -> Sent:
        self.sent.append((part, reply, image))
        error = self.fail_at.pop(len(self.sent), None)
        if error is not None and not error.uncertain:
            raise error
        made = self.server.setdefault(part.key, Sent(
            f"at://did/{self.network}/{len(self.server) + 1}",
            f"https://{self.network}.example/{len(self.server) + 1}", f"cid{len(self.server)}"))
        if error is not None:
            raise error  # it arrived, and the answer was lost
        return made

    def find(self, record: PartRecord, text: str | None) -> Sent | None:
        if self.find_error is not None:
            raise self.find_error
        return self.server.get(record.key)

    def delete(self, record: PartRecord) -> None:
        self.deleted.append(record.uri or "")
        self.server = {k: v for k, v in self.server.items() if v.uri != record.uri}

    def repost(self, uri: str, cid: str | None) -> Sent:
        self.sent.append((Part(self.network, "", 1, 1, uri, None, "", uri), None, None))  # type: ignore[arg-type]
        return Sent("at://did/repost/1", "https://r.example/1")

    def refs(self, uri: str) -> Reply:
        return Reply(Sent("at://root", "", "cid-root"), Sent(uri, "", "cid-parent"))


def channels() -> dict[str, FakeChannel]:
    return {"bluesky": FakeChannel("bluesky"), "mastodon": FakeChannel("mastodon")}


def test_a_cue_posts_once_per_network_and_is_marked(tmp_path: Path) -> None:
    run = posting_run(write_plan(tmp_path))
    fakes = channels()
    outcome = publish_cue(run, cue(run, "q2"), fakes)
    assert [type(o) for o in outcome.outcomes] == [Posted, Posted]
    assert outcome.marked and outcome.copy_for == ("x",)
    # Marked where it went out, and there only: X waits for its copy.
    state = fold(run.read(), run.book.networks)
    assert state.networks_left("q2") == ("x",) and "q2" not in state.posted
    assert [e.network for e in run.read() if e.kind == "mark"] == ["bluesky", "mastodon"]
    again = publish_cue(run, cue(run, "q2"), fakes)
    assert [type(o) for o in again.outcomes] == [AlreadyPosted, AlreadyPosted]
    assert not again.marked
    assert isinstance(again.outcomes[0], AlreadyPosted)
    assert again.outcomes[0].urls == ("https://bluesky.example/1",)
    assert [len(f.sent) for f in fakes.values()] == [1, 1]
    kinds = [e.kind for e in read_events(run.plan_path.with_name("chat.toml.asrun.jsonl"))]
    assert kinds == ["post-intent", "post-done", "post-intent", "post-done", "mark", "mark"]


def test_the_intent_is_on_disk_before_the_post_leaves(tmp_path: Path) -> None:
    run = posting_run(write_plan(tmp_path))
    seen_on_disk: list[list[str]] = []

    class Watching(FakeChannel):
        def send(self, part: Part, reply: Reply | None, image: Image | None) -> Sent:
            seen_on_disk.append([e.kind for e in run.read()])
            return super().send(part, reply, image)

    publish_cue(run, cue(run, "q2"), {"mastodon": Watching("mastodon")})
    assert seen_on_disk == [["post-intent"]]


def test_a_log_that_cannot_be_written_sends_nothing(tmp_path: Path) -> None:
    run = posting_run(write_plan(tmp_path))

    def refuse(_event: object) -> None:
        raise OSError(30, "Read-only file system")

    run.append = refuse
    fakes = channels()
    outcome = publish_cue(run, cue(run, "q2"), fakes)
    assert all(isinstance(o, Refused) for o in outcome.outcomes)
    assert "Read-only file system" in outcome.outcomes[0].reason  # type: ignore[union-attr]
    assert all(not f.sent for f in fakes.values())


def test_a_thread_resumes_at_the_part_that_failed(tmp_path: Path) -> None:
    run = posting_run(write_plan(tmp_path))
    fake = FakeChannel("bluesky", fail_at={2: ChannelError("Bluesky refused the post (x)")})
    outcome = publish_cue(run, cue(run, "thanks"), {"bluesky": fake})
    (failed,) = outcome.outcomes
    assert isinstance(failed, Failed) and failed.posted == 1 and failed.parts >= 3
    assert not outcome.marked
    first = fake.sent[0][0]
    assert first.text.endswith(f"#EndCM 1/{failed.parts}")
    outcome = publish_cue(run, cue(run, "thanks"), {"bluesky": fake})
    (posted,) = outcome.outcomes
    assert isinstance(posted, Posted) and posted.first == 2 and len(posted.urls) == posted.parts
    assert outcome.marked
    parts = [part.part for part, _r, _i in fake.sent]
    assert parts == [1, 2, *range(2, posted.parts + 1)]  # part 1 never again
    root = fake.server[first.key]
    for part, reply, _image in fake.sent[2:]:
        assert reply is not None and reply.root == root
        previous = next(p for p, _r, _i in fake.sent if p.part == part.part - 1)
        assert reply.parent == fake.server[previous.key]


def test_a_crash_between_send_and_answer_is_settled_without_a_second_post(
        tmp_path: Path) -> None:
    run = posting_run(write_plan(tmp_path))
    fake = FakeChannel("mastodon",
                       fail_at={1: ChannelError("timed out", uncertain=True)})
    outcome = publish_cue(run, cue(run, "q2"), {"mastodon": fake})
    assert isinstance(outcome.outcomes[0], Failed)
    book = ledger(run.read())
    (open_intent,) = book.open_intents()  # no post-failed: it may have arrived
    assert len(fake.server) == 1  # it did
    # The restart: settled from what the server says, logged, nothing sent.
    settled = settle(posting_run(run.plan_path), {"mastodon": fake})
    assert [(r.part, d) for r, d in settled] == [(1, "done")]
    assert len(fake.sent) == 1
    again = publish_cue(run, cue(run, "q2"), {"mastodon": fake})
    assert isinstance(again.outcomes[0], AlreadyPosted) and len(fake.sent) == 1
    assert open_intent.key == fake.sent[0][0].key


def test_an_open_intent_the_server_lacks_goes_again_with_the_same_key(
        tmp_path: Path) -> None:
    run = posting_run(write_plan(tmp_path))
    run.record("post-intent", cue="q2", network="mastodon", part=1, parts=1, key="k-1",
               text="Q2 Second: who helps? #EndCM")
    fake = FakeChannel("mastodon")
    outcome = publish_cue(run, cue(run, "q2"), {"mastodon": fake})
    assert isinstance(outcome.outcomes[0], Posted)
    assert [p.key for p, _r, _i in fake.sent] == ["k-1"]


def test_an_open_intent_the_server_cannot_answer_about_sends_nothing(
        tmp_path: Path) -> None:
    run = posting_run(write_plan(tmp_path))
    run.record("post-intent", cue="q2", network="bluesky", part=1, parts=1, key="k-1")
    fake = FakeChannel("bluesky", find_error=ChannelError("cannot be reached"))
    outcome = publish_cue(run, cue(run, "q2"), {"bluesky": fake})
    (refused,) = outcome.outcomes
    assert isinstance(refused, Refused) and "cannot tell whether part 1" in refused.reason
    assert fake.sent == []


@pytest.mark.parametrize("answer, decision", [
    (Found(Sent("u", "l")), "done"), (Absent(), "resend"), (Unknown("down"), "wait")])
def test_settlement_decides_from_the_server_answer(answer: Found | Absent | Unknown,
                                                   decision: str) -> None:
    from posting import NOW

    from tui.core.run.publish.ledger import PartRecord

    record = PartRecord("q1", "bluesky", 1, 1, "k", "open", NOW, NOW)
    assert settlement(record, answer) == decision
    done = PartRecord("q1", "bluesky", 1, 1, "k", "done", NOW, NOW)
    assert settlement(done, answer) == "keep"


def test_undo_deletes_and_a_new_post_gets_new_keys(tmp_path: Path) -> None:
    run = posting_run(write_plan(tmp_path))
    fakes = channels()
    publish_cue(run, cue(run, "q2"), fakes)
    first_keys = [f.sent[0][0].key for f in fakes.values()]
    undone = undo_cue(run, cue(run, "q2"), fakes)
    assert [type(o) for o in undone.outcomes] == [Deleted, Deleted]
    assert all(f.deleted for f in fakes.values())
    again = publish_cue(run, cue(run, "q2"), fakes)
    assert [type(o) for o in again.outcomes] == [Posted, Posted]
    assert all(f.sent[1][0].key != key for f, key in zip(fakes.values(), first_keys,
                                                          strict=True))


def test_over_the_limit_is_refused_before_sending(tmp_path: Path) -> None:
    path = write_plan(tmp_path)
    text = path.read_text().replace('"Second: who helps?"', '"' + "long " * 70 + '"')
    path.write_text(text)
    run = posting_run(path)
    fakes = channels()
    outcome = publish_cue(run, cue(run, "q2"), fakes)
    refused = outcome.outcomes[0]
    assert isinstance(refused, Refused) and "/300 on Bluesky" in refused.reason
    assert isinstance(outcome.outcomes[1], Posted)  # Mastodon's 500 takes it
    assert fakes["bluesky"].sent == []


def test_the_card_goes_with_the_first_part(tmp_path: Path) -> None:
    run = posting_run(write_plan(tmp_path))
    fake = FakeChannel("mastodon")
    publish_cue(run, cue(run, "q1"), {"mastodon": fake})
    (_part, _reply, image), = fake.sent
    assert image is not None and image.alt == "A chart of the risks"
    assert image.kind == "image/png"


def test_a_repost_is_made_once(tmp_path: Path) -> None:
    run = posting_run(write_plan(tmp_path))
    fake = FakeChannel("bluesky")
    assert isinstance(repost(run, fake, "at://did:plc:a/app.bsky.feed.post/1", "c"), Posted)
    assert isinstance(repost(run, fake, "at://did:plc:a/app.bsky.feed.post/1", "c"),
                      AlreadyPosted)
    assert len(fake.sent) == 1


def test_the_preview_says_exactly_what_would_go_and_sends_nothing(tmp_path: Path) -> None:
    run = posting_run(write_plan(tmp_path))
    bluesky, mastodon = preview_cue(run, cue(run, "welcome"), ("bluesky", "mastodon"))
    (part,) = bluesky["parts"]
    assert part["text"] == "Welcome to #EndCM with @guest.bsky.social!"
    assert [f["kind"] for f in part["facets"]] == ["tag", "mention"]
    assert part["language"] == "en" and len(part["record_key"]) == 13
    assert mastodon["parts"][0]["idempotency_key"].startswith("tchat-")
    assert mastodon["parts"][0]["visibility"] == "public"
    assert run.read() == []
