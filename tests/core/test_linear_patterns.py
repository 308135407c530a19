"""Every pattern that reads outside text (posts, plans, logs, servers' answers) runs in
linear time: fed the shapes that make a backtracking pattern explode, it finishes.

One post of 102 characters (`"@a" * 48 + "! #Tag"`) once froze the run-sheet for good:
the mentions pattern tried every way of splitting the mentions. Here every compiled
pattern of the modules that see outside text, and the functions built on them, are fed
long runs of the shapes that hurt (mentions, `a:`, `#`, spaces, brackets, 100,000
characters). The work runs in a child process with a generous bound: linear patterns
take a few seconds for all of it, a quadratic one minutes, an exponential one for ever
(`finditer` tries every start, as `search` and `sub` do). Nothing here times the
patterns; it checks that they finish.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

MODULES = (
    "tui.core.feed.attribution",
    "tui.core.feed.mastodon_html",
    "tui.core.feed.plaintext",
    "tui.core.feed.post",
    "tui.core.feed.identity",
    "tui.core.text.clean",
    "tui.core.text.controls",
    "tui.core.text.typography",
    "tui.core.text.placeholders",
    "tui.core.text.guestwording",
    "tui.core.text.elision",
    "tui.core.exports.links",
    "tui.core.exports.markdown",
    "tui.core.exports.series",
    "tui.core.room.record",
    "tui.core.plan.planfile",
    "tui.core.plan.glance",
    "tui.core.plan.model",
    "tui.core.plan.drafts",
    "tui.core.plan.networks",
    "tui.core.plan.accounts",
    "tui.core.plan.planedit",
    "tui.core.run.publish.richtext",
    "tui.core.timing.durations",
    "tui.core.run.asrun",
)

CHILD = textwrap.dedent('''
    import importlib, re, sys

    N = int(sys.argv[1])
    MODULES = sys.argv[2:]
    SHAPES = [
        "@a" * N, "@a" * N + "! #Tag", "@a@b." * N, "@a, " * N + "x", "@bob@m.ex " * N,
        "a:" * N, "a: " * N + "x", "#" * N, "#a" * N + "!", " " * N + "x", " " * N + "x»",
        "\\u00a0" * N + "x", "\\u202f" * N + ";", "«" + " " * N, "\\t" * N + "x", "\\n" * N,
        "[" * N, "[[" + " " * N + "x", "[a" + " " * N + "x", "{" * N, "{a" * N, "}" * N,
        "http://" * N, "https://a." * N, "a." * N + "!", "a-" * N + "!", "1" * N + "x",
        "1h" * N + "x", "A1" * N, "Q1 " * N, "= " + " " * N + "x", "<p>" * N, "&amp;" * N,
        "for our guests" + " " * N, "with" + " " * N + "x", "{guests}" + " " * N,
        ", " * N + "with", "`" * N, "*_" * N, "\\x1b[" * N, "\\u202e" * N,
    ]
    SHAPES = [shape[: 100_000] for shape in SHAPES]

    def patterns(value, seen):
        if id(value) in seen:
            return
        seen.add(id(value))
        if isinstance(value, re.Pattern):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from patterns(item, seen)
        elif isinstance(value, (tuple, list, frozenset, set)):
            for item in value:
                yield from patterns(item, seen)

    found = 0
    for name in MODULES:
        module = importlib.import_module(name)
        seen = set()
        for value in list(vars(module).values()):
            for pattern in patterns(value, seen):
                found += 1
                for shape in SHAPES:
                    for _ in pattern.finditer(shape):
                        pass

    # The functions built on them, as the app calls them on a post, a plan or a log.
    from tui.core.feed.attribution import answer_number, question_number
    from tui.core.feed.mastodon_html import html_to_text
    from tui.core.feed.plaintext import one_line
    from tui.core.text.clean import collapse, safe_url
    from tui.core.text.typography import for_post, for_print
    from tui.core.text.placeholders import unknown_placeholders
    from tui.core.text.guestwording import for_guests
    from tui.core.exports.links import linked, parse_highlight
    from tui.core.exports.markdown import escape
    from tui.core.plan.drafts import has_tag, with_tag
    from tui.core.timing.durations import OFFSET, parse_duration
    from tui.core.plan.glance import language_of
    from tui.core.feed.identity import same_account, server_of
    from tui.core.text.words import Words

    french = Words("fr")
    for shape in SHAPES:
        language_of(shape); server_of(shape); same_account("@a@b.example", shape, shape)
        french("export.email_questions", place=shape)
        answer_number(shape); question_number(shape)
        html_to_text(shape); one_line(shape); collapse(shape); safe_url(shape)
        for_post(shape); for_print(shape); unknown_placeholders(shape)
        for guests in (0, 1):
            for language in ("fr", "en"):
                for_guests(shape, guests, language)
        for platform in ("x", "bluesky", "mastodon", "threads"):
            linked(shape, platform)
        parse_highlight(shape); escape(shape)
        has_tag(shape, "#Tag"); with_tag(shape, "#Tag")
        try:
            parse_duration(shape, OFFSET)
        except ValueError:
            pass
    print("patterns", found)
''')


def test_every_pattern_on_outside_text_finishes_on_adversarial_shapes() -> None:
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, "100000", *MODULES],
            capture_output=True, text=True, timeout=60, check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("a pattern did not finish on adversarial input within 60 s")
    assert done.returncode == 0, done.stderr[-2000:]
    count = int(done.stdout.split()[-1])
    assert count >= 20  # the introspection found the patterns it is meant to feed


def test_the_shape_that_froze_the_run_sheet_is_no_answer() -> None:
    from tui.core.feed.attribution import answer_number, question_number

    assert answer_number("@a" * 48 + "! #Tag") is None
    assert answer_number("@a" * 48 + " A2 yes") == 2
    assert question_number("@a@b.c " * 40 + "Q3 why?") == 3
    assert answer_number("@bobA1 hi") is None  # a mention is the whole handle
