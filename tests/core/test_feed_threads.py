"""Replies under the host's questions: bounded walks, the thread book, and answers
counted for the question of their thread, whatever order the posts arrive in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.feed.attribution import Attributor
from tui.core.feed.conversation import Conversation
from tui.core.feed.post import FeedPost
from tui.core.feed.threads import ThreadBook, walk_flat, walk_tree

START = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)


def post(id_: str, author: str, text: str, minute: float = 1,
         reply_to: str | None = None, platform: str = "bluesky") -> FeedPost:
    return FeedPost(platform, id_, author, author, text,  # type: ignore[arg-type]
                    f"https://bsky.app/{id_}", START + timedelta(minutes=minute), reply_to)


def status(id_: str, parent: str | None) -> dict[str, Any]:
    return {"id": id_, "in_reply_to_id": parent}


def flat(root: str, statuses: list[dict[str, Any]], **bounds: int) -> Any:
    return walk_flat(root, statuses, lambda s: s.get("id"), lambda s: s.get("in_reply_to_id"),
                     **bounds)


# --- walking what a server sent ------------------------------------------------------

def test_a_flat_context_is_read_parents_first_in_the_servers_order() -> None:
    walk = flat("q", [status("a", "q"), status("b", "a"), status("c", "q"),
                      status("x", "elsewhere"), status("q", None)])
    assert [s["id"] for s in walk.kept] == ["a", "b", "c"]
    assert not walk.cut


def test_a_post_replying_to_itself_or_looping_is_read_once() -> None:
    walk = flat("q", [status("a", "q"), status("a", "q"), status("b", "b"),
                      status("c", "d"), status("d", "c"), status("q", "a")])
    assert [s["id"] for s in walk.kept] == ["a"]
    assert walk.repeated >= 2


def test_a_chain_deeper_than_the_bound_is_cut_and_said() -> None:
    chain = [status(str(n), str(n - 1) if n > 1 else "q") for n in range(1, 10_001)]
    walk = flat("q", chain, max_depth=50, max_replies=1000)
    assert len(walk.kept) == 50 and walk.too_deep == 1000 and walk.cut  # counted to a bound
    assert flat("q", chain[:60], max_depth=50).too_deep == 10


def test_more_replies_than_the_bound_are_cut_and_said() -> None:
    walk = flat("q", [status(str(n), "q") for n in range(5000)], max_replies=1000)
    assert len(walk.kept) == 1000 and walk.too_many


class Node:
    def __init__(self, uri: str | None, replies: Any = None) -> None:
        self.post = type("P", (), {"uri": uri})() if uri is not None else None
        self.replies = replies


def test_a_nested_thread_with_garbage_and_a_loop_is_read_once() -> None:
    looped = Node("b")
    looped.replies = [looped, Node("a")]
    root = Node("q", [Node("a", [looped]), Node(None, [Node("hidden")]), "garbage",
                      Node("c", None)])
    walk = walk_tree(root, lambda n: getattr(n, "replies", None) or [],
                     lambda n: getattr(getattr(n, "post", None), "uri", None))
    assert [n.post.uri for n in walk.kept] == ["a", "b", "c"]
    assert walk.repeated == 2


def test_a_nested_chain_deeper_than_the_bound_never_recurses() -> None:
    root = Node("q", [])
    node = root
    for n in range(3_000):  # past Python's recursion limit (1,000)
        child = Node(str(n), [])
        node.replies = [child]
        node = child
    walk = walk_tree(root, lambda n: n.replies, lambda n: n.post.uri, max_depth=50,
                     max_replies=1000)
    assert len(walk.kept) == 50 and walk.too_deep == 1000


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=120),
       st.integers(1, 10), st.integers(1, 40))
def test_any_graph_is_walked_within_bounds_each_post_once(
    edges: list[tuple[int, int]], depth: int, most: int,
) -> None:
    walk = flat("0", [status(str(a), str(b)) for a, b in edges], max_depth=depth,
                max_replies=most)
    ids = [s["id"] for s in walk.kept]
    assert len(ids) == len(set(ids)) <= most
    assert "0" not in ids
    parents = {s["id"]: s["in_reply_to_id"] for s in walk.kept}
    for node in ids:  # every kept reply hangs from the root within the depth
        steps, here = 0, node
        while here != "0":
            here = parents[here]
            steps += 1
        assert steps <= depth


# --- the thread book ------------------------------------------------------------------

def test_the_nearest_question_above_a_post_is_its_thread() -> None:
    book: ThreadBook[str] = ThreadBook()
    book.ask("q1", 1)
    book.link("q1", None)
    book.link("a", "q1")
    book.link("b", "a")
    book.ask("q2", 2)
    book.link("q2", "b")  # the host threads Q2 under the conversation of Q1
    book.link("c", "q2")
    assert [book.thread_of(k) for k in ("a", "b", "q2", "c")] == [1, 1, 2, 2]


def test_a_link_learnt_late_rethreads_what_hangs_below_it() -> None:
    book: ThreadBook[str] = ThreadBook()
    assert book.link("c", "b") == []
    assert book.link("b", "a") == []  # nothing above them is a question yet
    book.ask("q", 3)
    moved = book.link("a", "q")
    assert sorted(moved) == ["b", "c"]
    assert book.thread_of("c") == 3


def test_a_loop_of_replies_settles_once() -> None:
    book: ThreadBook[str] = ThreadBook()
    book.link("a", "b")
    book.link("b", "a")
    book.link("self", "self")
    assert book.thread_of("a") is None and book.thread_of("self") is None
    book.ask("a", 1)
    assert book.thread_of("b") == 1 and book.thread_of("a") == 1


# --- attribution and counts -------------------------------------------------------------

def attributor() -> Attributor:
    return Attributor("@host.example", ("@guest.example",), 5)


def test_a_reply_to_a_reply_counts_for_the_question_of_its_thread() -> None:
    items = attributor().add_all([
        post("q1", "host.example", "Q1 What now? #tchat", 1),
        post("r1", "ann.example", "good question", 2, reply_to="q1"),
        post("r2", "bob.example", "I agree with Ann", 3, reply_to="r1"),
        post("r3", "cat.example", "A3 is mine", 4, reply_to="r2"),
        post("r4", "dan.example", "and me", 5, reply_to="r3"),
        post("h", "host.example", "thanks Ann!", 6, reply_to="r1"),
        post("r5", "eve.example", "the host said so", 7, reply_to="h"),
        post("g", "guest.example", "from us", 8, reply_to="r1"),
    ])
    assert [(i.post.id, i.kind, i.answers, i.in_thread) for i in items] == [
        ("q1", "host", None, False), ("r1", "answer", 1, True), ("r2", "answer", 1, True),
        ("r3", "answer", 3, False), ("r4", "answer", 1, True), ("h", "host", None, False),
        ("r5", "answer", 1, True), ("g", "guest", 1, True)]


def test_answers_do_not_depend_on_the_order_posts_arrive_in() -> None:
    posts = [post("q1", "host.example", "Q1 hello", 1),
             post("r1", "ann.example", "yes", 2, reply_to="q1"),
             post("r2", "bob.example", "no", 3, reply_to="r1")]
    forward = attributor().add_all(posts)
    backward = attributor().add_all(list(reversed(posts)))
    assert sorted((i.post.id, i.answers) for i in forward) == \
        sorted((i.post.id, i.answers) for i in backward)


def test_the_conversation_counts_a_reply_again_when_its_parent_arrives_later() -> None:
    conversation = Conversation(attributor())
    first = conversation.take([post("q1", "host.example", "Q1 hello", 1),
                               post("r2", "bob.example", "deep reply", 3, reply_to="r1")])
    assert [i.answers for i in first] == [None, None]
    assert conversation.counts.answers(1) == (0, 0)
    version = conversation.version
    conversation.take([post("r1", "ann.example", "untagged", 2, reply_to="q1")])
    assert conversation.counts.answers(1) == (2, 2)
    assert conversation.version > version
    assert [i.answers for i in conversation.items] == [None, 1, 1]
    assert [i.answers for i in conversation.recent] == [None, 1, 1]


def test_a_question_post_known_by_id_counts_what_is_under_it() -> None:
    conversation = Conversation(attributor())
    conversation.take([post("r1", "ann.example", "yes", 2, reply_to="posted")])
    conversation.know_question("bluesky", "posted", 2)
    assert conversation.counts.answers(2) == (1, 1)


def test_a_muted_account_leaves_the_counts_and_comes_back() -> None:
    conversation = Conversation(attributor())
    conversation.take([post("q1", "host.example", "Q1 hi", 1),
                       post("a", "spam.example", "A1 buy now", 2),
                       post("b", "ann.example", "A1 yes", 3)])
    conversation.mute(["@spam.example"])
    assert conversation.counts.answers(1) == (1, 1)
    assert [i.post.id for i in conversation.recent] == ["q1", "b"]
    conversation.take([post("c", "spam.example", "A1 again", 4)])
    assert conversation.counts.answers(1) == (1, 1)
    conversation.mute([])
    assert conversation.counts.answers(1) == (3, 2)
    assert [i.post.id for i in conversation.shown()] == ["q1", "a", "b", "c"]


@settings(max_examples=100, deadline=None)
@given(st.permutations(list(range(8))), st.lists(st.integers(0, 7), min_size=8, max_size=8))
def test_counts_settle_to_the_same_whatever_the_arrival(order: list[int],
                                                        parents: list[int]) -> None:
    # Post n replies to post parents[n] when that is earlier, else to the question.
    posts = [post("q", "host.example", "Q1 go", 0)] + [
        post(f"p{n}", f"u{n}.example", "words", n + 1,
             reply_to=f"p{parents[n]}" if parents[n] < n else "q") for n in range(8)]
    expected = Conversation(attributor())
    expected.take(posts)
    shuffled = Conversation(attributor())
    for n in order:  # one post per poll, in any order, the question somewhere among them
        shuffled.take([posts[n + 1]])
        if n == order[len(order) // 2]:
            shuffled.take([posts[0]])
    assert shuffled.counts.answers(1) == expected.counts.answers(1) == (8, 8)
