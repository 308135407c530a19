"""`tchat run PLAN` (and `tchat PLAN`): the live run-sheet on the wall clock.

`tchat` alone (or `tchat run` without a plan) rehearses the bundled demo instead: a
newcomer sees the hour unfold on a simulated clock, and nothing they do touches a real
run.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tui import startup
from tui.commands.output import (
    EXIT_OK,
    EXIT_PROBLEMS,
    refused_without_terminal,
    report_plan_error,
)
from tui.core.plan.glance import glance
from tui.core.plan.problems import PlanError
from tui.core.text.vocabulary import Language


def register(subparsers: Any, summary: str) -> None:
    parser = subparsers.add_parser(
        "run",
        help=summary,
        description=(
            "Open the live run-sheet of a plan on the wall clock: countdown, next question, "
            "drafts to copy, checklist. Every action goes to PLAN.asrun.jsonl beside the "
            "plan. Without PLAN, rehearses the bundled demo (see tchat rehearse)."
        ),
    )
    parser.add_argument("plan", type=Path, nargs="?", metavar="PLAN",
                        help="the plan's TOML file (default: the bundled demo)")
    parser.add_argument("--lang", choices=("fr", "en"), default=None,
                        help="language of the screen (default: the plan's)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    language: Language | None = args.lang
    refused = refused_without_terminal(args.plan, live=True)
    if refused is not None:
        return refused
    if args.plan is None:
        from tui.commands.demo import DEMO_START_IN
        from tui.commands.rehearse import Rehearsal, rehearse

        return rehearse(Rehearsal(None, offset=-DEMO_START_IN, language=language))
    from tui.app import TchatApp  # Textual loads only for the commands that need it

    path: Path = args.plan
    seen = glance(path) if startup.opens_on_a_glance() else None
    try:
        app = TchatApp(startup.begin(path, language=language, glance=seen), settle_heap=True)
    except PlanError as error:
        report_plan_error(path, error.problems, language)
        return EXIT_PROBLEMS
    app.run()
    if app.load_error is not None:
        report_plan_error(path, app.load_error.problems, language)
        return EXIT_PROBLEMS
    return EXIT_OK
