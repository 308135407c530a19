"""Pictures of the pages published after a chat, at a phone's width, from the English
demo plan: the recap, the transcript and the series of a weekly chat.

    .venv/bin/python scripts/page_screenshots.py [--out screenshots] [--keep FOLDER]

The demo's own recorded conversation is a few dozen posts; a picture of a real hour
needs a few hundred. So four weekly editions of the demo are made in a throwaway folder
(`tchat new --from`), each with an as-run log and a conversation drawn from a fixed
seed: answers arrive in a burst after each question, people come back from one edition
to the next, some share links. The pages are exported as `tchat export` and `tchat
series` make them and photographed by headless Chromium (Debian's `chromium`), 390 CSS
pixels wide at twice the density. `--keep FOLDER` keeps the editions, to run `tchat
series` or `tchat export` on them by hand.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from browser import FLAGS, chromium  # noqa: E402

from tui.core.exports import export, make_context  # noqa: E402
from tui.core.exports.series import read_edition, series_html, series_rows  # noqa: E402
from tui.core.feed.post import FeedPost  # noqa: E402
from tui.core.feed.store import FeedStore, feed_path_for  # noqa: E402
from tui.core.plan.drafts import DraftBook  # noqa: E402
from tui.core.plan.edition import next_edition  # noqa: E402
from tui.core.plan.model import Plan  # noqa: E402
from tui.core.plan.planfile import load_plan, save_plan  # noqa: E402
from tui.core.room.planned import attributor_for  # noqa: E402
from tui.core.run.asrun import AsRunLog, Event, log_path_for, read_events  # noqa: E402

EDITIONS = 4
PHONE = (390, 1500)
FIRST = ("amara", "nia", "jo", "ben", "maya", "sam", "lea", "tom", "ife", "zoe", "ravi",
         "ada", "kofi", "lina", "omar", "rosa", "yan", "eli", "ines", "kai", "mira", "noah",
         "sara", "tariq", "uma", "vic", "wen", "xena", "yara", "zak")
SERVERS = ("social.example", "mastodon.africa.example", "bsky")
SAID = (
    "privacy settings first, always", "talk before you ban", "screenshots are evidence",
    "our school runs a peer-mentor scheme", "report, block, tell someone",
    "two-factor on every account", "the law is years behind", "ask what she enjoys online",
    "helplines need more funding", "platforms should answer reports within a day",
    "nobody taught us this at school", "blocking is not rude", "location sharing off",
    "believe her the first time", "teachers need training too",
)
LINKS = ("https://saferinternet.example/guide", "https://helpline.example/young-people",
         "https://law.example/online-abuse-report")


def people(pool: random.Random, edition: int) -> list[tuple[str, str]]:
    """The accounts of one edition: about half came before, the rest are new."""
    everyone = [(f"{name}{n}", SERVERS[(n + len(name)) % 3])
                for n in range(4) for name in FIRST]
    start = edition * 18
    return [everyone[i % len(everyone)] for i in range(start, start + 46)]


def account(handle: tuple[str, str]) -> tuple[str, str]:
    """(platform, author) for an account: Bluesky handles carry their domain."""
    name, server = handle
    if server == "bsky":
        return "bluesky", f"{name}.bsky.example"
    return "mastodon", f"{name}@{server}"


def conversation(plan: Plan, moments: dict[str, datetime], seed: int,
                 edition: int) -> list[FeedPost]:
    pool = random.Random(seed)
    book = DraftBook(plan)
    tag = plan.chat.tag
    host = plan.chat.host.removeprefix("@") + "@social.example"
    crowd = people(pool, edition)
    guests = [g.handle.removeprefix("@") + "@social.example" for g in plan.guests]
    posts: list[FeedPost] = []

    def add(author: str, text: str, at: datetime, platform: str = "mastodon",
            reply_to: str | None = None) -> str:
        number = len(posts) + 1
        post_id = f"{seed}{number:05d}"
        url = (f"https://bsky.app/profile/{author}/post/{post_id}" if platform == "bluesky"
               else f"https://{author.split('@')[1]}/@{author.split('@')[0]}/{post_id}")
        posts.append(FeedPost(platform, post_id, author, author.split("@")[0].title(),  # type: ignore[arg-type]
                              text, url, at, reply_to))
        return post_id

    start = plan.chat.start_at
    for cue in book.cues:
        moment = moments.get(cue.id)
        if moment is None or cue.kind not in ("welcome", "question"):
            continue
        asked = add(host, book.text_for(cue), moment)
        if cue.kind != "question":
            continue
        number = cue.number or 0
        for index in range(pool.randint(16, 34)):
            at = moment + timedelta(minutes=min(pool.expovariate(1 / 2.2), 9))
            platform, author = account(pool.choice(crowd))
            if index < 3 and number <= len(guests):
                platform, author = "mastodon", guests[(number + index) % len(guests)]
            text = f"A{number} {pool.choice(SAID)} {tag}"
            if pool.random() < 0.12:
                text = f"A{number} {pool.choice(SAID)}: {pool.choice(LINKS)} {tag}"
            reply = asked if pool.random() < 0.1 and platform == "mastodon" else None
            if reply:
                text = f"{pool.choice(SAID).capitalize()} {tag}"
            add(author, text, at, platform, reply)
    for _ in range(pool.randint(25, 40)):
        at = start + timedelta(minutes=pool.uniform(-4, 62))
        platform, author = account(pool.choice(crowd))
        add(author, f"{pool.choice(SAID).capitalize()}, great chat {tag}", at, platform)
    return sorted(posts, key=lambda post: post.created_at)


def make_edition(folder: Path, plan: Plan, number: int) -> Path:
    path = folder / f"girls-safe-online-{number}.toml"
    save_plan(plan, path)
    pool = random.Random(100 + number)
    moments = {}
    log = AsRunLog(log_path_for(path))
    for draft in DraftBook(plan).drafts:
        cue = draft.cue
        if not 0 <= cue.offset <= plan.chat.duration or draft.part not in (None, 1):
            continue
        if cue.kind == "question" and cue.number == 7 and number % 2:
            continue  # every other week, a question is dropped for the flow
        moment = cue.at + timedelta(seconds=pool.randint(0, 80))
        moments[draft.id] = moment
        log.append(Event("mark", moment, moment, cue=draft.id))
    posts = conversation(plan, moments, seed=number, edition=number)
    store = FeedStore(feed_path_for(path), plan.chat.start_at)
    store.append(attributor_for(plan).add_all(store.fresh(posts)))
    return path


def editions(folder: Path) -> list[Path]:
    plan = load_plan(ROOT / "plans" / "demo-en.toml")
    paths = []
    for number in range(1, EDITIONS + 1):
        if number > 1:
            start = plan.chat.start + timedelta(days=7)
            written = plan.questions
            # A new edition's questions are fresh slots to write: these are written.
            plan = next_edition(plan, start=f"{start:%Y-%m-%d %H:%M}")
            plan = plan.model_copy(update={"questions": written})
        paths.append(make_edition(folder, plan, number))
    return paths


def photograph(browser: str, page: Path, target: Path) -> None:
    import subprocess

    width, height = PHONE
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [browser, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
             "--force-device-scale-factor=2", f"--screenshot={target}", page.as_uri()],
            capture_output=True, timeout=120, check=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--keep", type=Path, default=None,
                        help="keep the editions (plans, logs, conversations) in FOLDER")
    args = parser.parse_args()
    browser = chromium()
    if browser is None:
        print("no Chromium: apt-get install chromium (or set TCHAT_CHROMIUM)",
              file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        paths = editions(folder)
        last = paths[-1]
        plan = load_plan(last)
        events = read_events(log_path_for(last))
        from tui.core.room.summary import recorded_feed

        posts = recorded_feed(last).posts
        made = plan.chat.end_at + timedelta(days=1)
        pages = {}
        for kind in ("recap-html", "transcript-html"):
            context = make_context(plan, events=events, feed=posts,
                                   created=made.astimezone(UTC))
            pages[kind.removesuffix("-html")] = export(kind, context).text
        pages["series"] = series_html(series_rows([read_edition(p) for p in paths]))
        for name, text in pages.items():
            page = folder / f"{name}.html"
            page.write_text(text, encoding="utf-8")
            target = args.out / f"{name}-phone.png"
            photograph(browser, page, target)
            print(f"wrote {target}")
        if args.keep is not None:
            args.keep.mkdir(parents=True, exist_ok=True)
            for item in folder.iterdir():
                shutil.copy2(item, args.keep / item.name)
            print(f"kept the editions in {args.keep}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
