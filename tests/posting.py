"""A plan with posting accounts, and a run to post from, for the posting tests."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from pathlib import Path

from tui.core.plan.drafts import DraftBook
from tui.core.plan.planfile import load_plan
from tui.core.plan.schedule import Cue
from tui.core.run.asrun import AsRunLog, log_path_for
from tui.core.run.publish.publisher import Run

LONG_THANKS = " ".join(
    f"Merci {name} pour vos réponses précises, vos liens et votre patience ce soir 🎉"
    for name in ("Anaïs", "Bérénice", "Chloé", "Délia", "Élodie", "Fanny", "Gaëlle", "Hélène",
                 "Inès", "Jade", "Kenza"))
# A 1x1 transparent PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5E"
    "rkJggg==")
NOW = datetime(2026, 12, 3, 17, 30, tzinfo=UTC)


def plan_text(accounts: str, *, platforms: str = '"x", "bluesky", "mastodon"') -> str:
    return f'''[chat]
title = "Girls and online safety"
tag = "#EndCM"
start = 2026-12-03T17:00:00+00:00
language = "en"
platforms = [{platforms}]
host = "@endcm"

[[guests]]
name = "Guest"
handle = "@guest.bsky.social"
status = "confirmed"

[[questions]]
id = "q1"
text = "Café ☕ first: what risks do girls meet online? https://example.org/reports/2026/online-safety"
image = "q1.png"
alt = "A chart of the risks"

[[questions]]
id = "q2"
text = "Second: who helps?"

[[posts]]
id = "welcome"
kind = "welcome"
at = 0
text = "Welcome to {{tag}} with @guest.bsky.social!"

[[posts]]
id = "thanks"
kind = "custom"
at = 55
thread = true
text = "{LONG_THANKS}"
{accounts}'''


ACCOUNTS = '''
[accounts]
bluesky = "endcm.org"
mastodon = "@endcm@social.example"
'''


def write_plan(folder: Path, accounts: str = ACCOUNTS, **options: str) -> Path:
    path = folder / "chat.toml"
    path.write_text(plan_text(accounts, **options), encoding="utf-8")
    (folder / "q1.png").write_bytes(PNG)
    return path


def posting_run(path: Path, now: datetime = NOW) -> Run:
    book = DraftBook(load_plan(path))
    log = AsRunLog(log_path_for(path))
    return Run(book, path, log.read, log.append, lambda: now, lambda: now)


def cue(run: Run, cue_id: str) -> Cue:
    return next(c for c in run.book.cues if c.id == cue_id)
