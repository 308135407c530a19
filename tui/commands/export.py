"""`tchat export PLAN --to KIND [-o FILE] [--force] [--log FILE] [--replay FILE] [--all]
[--zones Z1,Z2]`.

Before the chat: a guest brief, the messages inviting the guests, a calendar event, a
Facebook event text, a printable run-sheet. After it: a recap and a transcript from the
as-run log and the conversation (Markdown or one HTML page) and the thank-you drafts.
The export goes to standard output as raw text (no Rich wrapping, so it can be piped or
redirected byte for byte), or to FILE, which is never replaced without --force. Notes
for the moderator go to standard error, in the plan's language.

The conversation is the one kept beside the plan by the live run (`PLAN.feed.jsonl`);
with another log (`--log`, a rehearsal's), it is the conversation that rehearsal
replayed: `--replay FILE`, else the plan's `[feed] replay`.

Exit codes: 0 written, 1 the plan cannot load or the file cannot be written, 2 usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from rich.console import Console
from rich.text import Text

from tui.commands.output import (
    EXIT_OK,
    EXIT_PROBLEMS,
    CommandError,
    UsageError,
    error_console,
    render_problems,
    warn_skipped,
    write_output,
)
from tui.core.exports import EXPORTS, export, make_context
from tui.core.plan.check import semantic_problems
from tui.core.plan.model import Plan
from tui.core.plan.planfile import parse_plan, read_plan_text
from tui.core.plan.problems import PlanError
from tui.core.run.asrun import Event, LogError, log_path_for, read_named_log
from tui.core.text.typography import french_print
from tui.core.text.words import Words

if TYPE_CHECKING:
    from tui.core.room.summary import Recording


def zones_argument(text: str) -> list[ZoneInfo]:
    """ "Europe/Paris,Africa/Dakar" -> the zones, each checked, in the order given."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    if not names:
        raise argparse.ArgumentTypeError("give at least one time zone, such as Europe/Paris")
    zones = []
    for name in names:
        try:
            zones.append(ZoneInfo(name))
        except (ZoneInfoNotFoundError, ValueError, OSError):
            raise argparse.ArgumentTypeError(
                f"unknown time zone {name!r}: use IANA names such as Europe/Paris, "
                "Africa/Dakar or America/Montreal, separated by commas"
            ) from None
    return zones


def register(subparsers: Any, summary: str) -> None:
    kinds = "\n".join(f"  {name:<15} {kind.help}" for name, kind in EXPORTS.items())
    parser = subparsers.add_parser(
        "export",
        help=summary,
        description=(
            "Export what a chat needs before and after the hour. Writes to standard output "
            "unless -o is given; an existing file is only replaced with --force."
        ),
        epilog=f"KIND is one of:\n{kinds}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("plan", type=Path, metavar="PLAN", help="the plan's TOML file")
    parser.add_argument(
        "--to", required=True, choices=list(EXPORTS), metavar="KIND",
        help="what to export: " + ", ".join(EXPORTS),
    )
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write to FILE instead of standard output")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.add_argument(
        "--log", type=Path, metavar="FILE",
        help="the as-run log to read for a recap (default: PLAN.asrun.jsonl beside the "
             "plan; a rehearsal's log is PLAN.rehearsal-*.jsonl)",
    )
    parser.add_argument(
        "--replay", type=Path, metavar="FILE",
        help="with --log: the conversation that rehearsal replayed (default: the plan's "
             "[feed] replay), for a recap or a transcript",
    )
    parser.add_argument(
        "--zones", type=zones_argument, metavar="Z1,Z2",
        help="time zones to give times in, comma-separated IANA names (default: the "
             "chat's zone, then its audience zones)",
    )
    parser.add_argument(
        "--all", action="store_true", dest="all_questions",
        help="recap and transcript: the organisers' version, with the questions never "
             "asked and (recap) the planned-versus-actual timings",
    )
    parser.set_defaults(func=run)



def run(args: argparse.Namespace) -> int:
    return _run(args, error_console())


def _run(args: argparse.Namespace, err: Console) -> int:
    plan_path: Path = args.plan
    kind = EXPORTS[args.to]
    readers = ", ".join(name for name, k in EXPORTS.items() if k.reads_log)
    if args.log is not None and not kind.reads_log:
        raise UsageError(f"--log is only read by {readers}, not by {kind.name}")
    if args.all_questions and not kind.reads_log:
        raise UsageError(f"--all is only read by {readers}, not by {kind.name}")
    if args.replay is not None and (args.log is None or not kind.reads_feed):
        raise UsageError(f"--replay goes with --log, for {readers}")

    try:
        text = read_plan_text(plan_path)
        plan = parse_plan(text)
    except PlanError as error:
        # Each line names the plan; as in `tchat drafts`, nothing more to say.
        render_problems(err, str(plan_path), error.problems)
        return EXIT_PROBLEMS
    errors = [p for p in semantic_problems(plan, text) if p.is_error]
    if errors:
        # Still exported (a brief is worth having while one post is too long), but each
        # error is shown: a start that does not exist changes every time in the export.
        render_problems(err, str(plan_path), errors)
        err.print(Text(
            f"{plan_path}: " + french_print(
                Words(plan.chat.language)("cli.exported_despite", n=len(errors)),
                plan.chat.language),
            style="yellow",
        ))

    words = Words(plan.chat.language)
    notes: list[str] = []
    events: list[Event] = []
    if kind.reads_log:
        events = _events(args.log, plan_path, err, notes, words)
    recording = _conversation(args, plan, plan_path, kind.reads_feed, notes, words)

    zones: list[tzinfo] | None = args.zones
    context = make_context(
        plan, zones=zones, events=events, feed=recording.posts, created=datetime.now(UTC),
        all_questions=args.all_questions, feed_skipped=recording.skipped_lines,
        feed_problem=recording.problem, replayed=recording.replayed,
    )
    result = export(kind.name, context)
    data = result.text.encode("utf-8")

    output: Path | None = args.output
    if output is None:
        _to_stdout(data)
    else:
        write_output(output, data, force=args.force, example=_file_name(plan_path, kind.name,
                     kind.suffix), protected=(plan_path, log_path_for(plan_path)))
    language = plan.chat.language
    for note in [*notes, *result.notes]:
        err.print(Text.assemble((words("export.note_prefix"), "yellow"),
                                french_print(note, language)))
    if output is not None:
        err.print(Text.assemble(("✓ ", "bold green"),
                                words("export.wrote", path=str(output), kind=kind.name)))
    return EXIT_OK


def _conversation(args: argparse.Namespace, plan: Plan, plan_path: Path, reads_feed: bool,
                  notes: list[str], words: Words) -> Recording:
    """The conversation the export reads: the live run's, kept beside the plan; for
    another log (a rehearsal's), the conversation it replayed, when one is known."""
    from tui.core.room.summary import Recording, recorded_feed, replayed_feed

    if not reads_feed:
        return Recording()
    log: Path | None = args.log
    if log is None or _same_file(log, log_path_for(plan_path)):
        return _noted(recorded_feed(plan_path), notes, words)
    replay: Path | None = args.replay
    if replay is None and plan.feed is not None and plan.feed.replay is not None:
        replay = Path(plan.feed.replay_path(plan_path) or plan_path)
    if replay is None:
        return Recording()
    recording = replayed_feed(plan, replay)
    if recording.problem is None:
        notes.append(words("export.note_replay", path=str(replay)))
    return _noted(recording, notes, words)


def _noted(recording: Recording, notes: list[str], words: Words) -> Recording:
    """`recording`, with what could not be read of it added to the notes."""
    if recording.problem is not None:
        notes.append(recording.problem)
    skipped = recording.skipped_lines
    if skipped:
        shown = ", ".join(str(n) for n in skipped[:5]) + ("…" if len(skipped) > 5 else "")
        notes.append(f"{recording.path}: " + words("export.note_feed_skipped", n=len(skipped),
                                                     lines=shown))
    return recording


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except OSError:
        return False


def _events(log: Path | None, plan_path: Path, err: Console, notes: list[str],
            words: Words) -> list[Event]:
    path = log if log is not None else log_path_for(plan_path)
    if log is None and not path.exists():
        notes.append(words("export.note_no_log", path=str(path)))
        return []
    try:
        reading = read_named_log(path)
    except LogError as error:
        raise CommandError(str(error)) from None
    warn_skipped(err, path, reading.skipped_lines, words)
    return reading.events


def _file_name(plan: Path, kind: str, suffix: str) -> str:
    """A name to suggest: the plan's, then the kind unless the suffix says it already
    ("demo-fr.ics", "demo-fr-guest-brief.md", not "ics.ics")."""
    if suffix.lstrip(".") == kind:
        return f"{plan.stem}{suffix}"
    return f"{plan.stem}-{kind}{suffix}"


def _to_stdout(data: bytes) -> None:
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, and keep Python from
        # complaining when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())

