"""`tchat run PLAN` (and `tchat PLAN`): the live run-sheet on the wall clock.

`tchat` alone (or `tchat run` without a plan) rehearses the bundled demo instead: a
newcomer sees the hour unfold on a simulated clock, and nothing they do touches a real
run.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from importlib.resources import files
from pathlib import Path
from typing import Any

from tui.commands.output import report_plan_error
from tui.core.glance import glance
from tui.core.problems import PlanError
from tui.core.vocabulary import Language

EXIT_OK, EXIT_PROBLEMS = 0, 1


def demo_plan_path(language: Language = "fr") -> Path:
    """The bundled demo plan: `tui/plans/` in a wheel, the repo's `plans/` when editable."""
    name = f"demo-{language}.toml"
    packaged = files("tui") / "plans" / name
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "plans" / name


def demo_copy(language: Language, folder: Path | None = None) -> Path:
    """A fresh copy of the demo in `folder` (a new temporary folder by default), so the
    demo can be ticked and edited freely: the bundled file (read-only inside a wheel) and
    the repo stay clean."""
    folder = folder or Path(tempfile.mkdtemp(prefix="tchat-demo-"))
    target = folder / f"demo-{language}.toml"
    shutil.copyfile(demo_plan_path(language), target)
    return target


def opens_on_a_glance() -> bool:
    """Whether the screen opens on a glance at the plan and validates it just after.

    In a terminal, yes: the moderator sees the countdown before pydantic has even
    loaded, and a plan found invalid after the glance shows the screen for a blink
    before its problems are printed. Output that goes to no terminal (a script, a pipe)
    gets the problems alone, as the plan is then validated first; so does a plan that
    cannot be glanced at.
    """
    return sys.stdout.isatty()


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
    if args.plan is None:
        from tui.commands.rehearse import DEMO_START_IN, Rehearsal, rehearse

        return rehearse(Rehearsal(None, offset=-DEMO_START_IN, language=language))
    from tui.app import TchatApp  # Textual loads only for the commands that need it

    path: Path = args.plan
    try:
        app = TchatApp(path, language=language, settle_heap=True,
                       opening=glance(path) if opens_on_a_glance() else None)
    except PlanError as error:
        report_plan_error(path, error.problems)
        return EXIT_PROBLEMS
    app.run()
    if app.load_error is not None:
        report_plan_error(path, app.load_error.problems)
        return EXIT_PROBLEMS
    return EXIT_OK
