"""The next edition of a regular chat: what `tchat new NEXT --from LAST` writes.

Many chats come back every week or month (the guide: "un rendez-vous ponctuel ou
régulier"). The next plan keeps what makes the series (title, topic, tag, zones,
language, host, platform, guests, post templates, the checklist, and the ids' layout)
and starts afresh on what makes an edition: new question slots, every guest back to
`invited`, every task to do again. Every offset is relative to the start, so moving the
start moves the whole ladder.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

from pydantic import ValidationError

from tui.core.plan.model import Chat, Plan
from tui.core.plan.newplan import NewPlanError, normalise_tag, parse_start, questions, zone_named
from tui.core.plan.schedule import missing_ids
from tui.core.text.clean import one_line

_COMMENT: dict[str, str] = {
    "fr": "Les questions de l'édition du {date}, pour mémoire (à effacer ensuite) :",
    "en": "The questions of the {date} edition, for reference (delete when done):",
}


def following_start(chat: Chat) -> datetime | None:
    """When the edition after `chat` starts, as written in the plan: `next` when given,
    else one `repeat` later (the same weekday of the same week, for a monthly chat);
    None when the plan says neither."""
    if chat.next is not None:
        return chat.next
    if chat.repeat is None:
        return None
    local = chat.start.astimezone(chat.zone) if chat.start.tzinfo else chat.start
    if chat.repeat == "weekly":
        moved = local + timedelta(days=7)
    else:
        moved = _same_weekday_next_month(local)
    # Kept in the form the plan wrote it: a local time stays local to `timezone`.
    return moved if chat.start.tzinfo is None else moved.replace(tzinfo=chat.start.tzinfo)


def _same_weekday_next_month(moment: datetime) -> datetime:
    week = (moment.day - 1) // 7  # 0 for "the first Thursday"
    last = moment.day + 7 > calendar.monthrange(moment.year, moment.month)[1]
    year, month = (moment.year + 1, 1) if moment.month == 12 else (moment.year, moment.month + 1)
    days = calendar.monthrange(year, month)[1]
    first = date(year, month, 1)
    offset = (moment.weekday() - first.weekday()) % 7
    day = 1 + offset + 7 * week
    if last and week == 4 or day > days:
        # "The last Thursday" stays the last one, even in a month with only four.
        day = max(d for d in range(1 + offset, days + 1, 7))
    return moment.replace(year=year, month=month, day=day)


def next_edition(
    last: Plan, *, start: str | None = None, title: str | None = None,
    tag: str | None = None, timezone: str | None = None, question_count: int | None = None,
) -> Plan:
    """The plan of the edition after `last`; `start` as `tchat new --start` reads it."""
    old = last.chat
    zone_name = timezone if timezone is not None else old.timezone
    zone = zone_named(zone_name) if zone_name is not None else old.zone
    if start is not None:
        moment = parse_start(start, zone)
    else:
        found = following_start(old)
        if found is None:
            raise NewPlanError(
                "the last edition has no `next` date and no `repeat`: give the new one's "
                "start with --start \"2027-01-07 18:00\""
            )
        moment = found
    if moment.tzinfo is None and zone_name is None:
        raise NewPlanError("the start has no offset and the last plan no timezone: add one")
    title_text = old.title if title is None else title.strip()
    if not title_text:
        raise NewPlanError("the title is empty: write a few words")
    values = {
        **old.model_dump(),
        "title": title_text,
        "tag": old.tag if tag is None else normalise_tag(tag),
        "start": moment,
        "timezone": zone_name,
        "next": None,
        "recap_url": "",
    }
    try:
        chat = Chat.model_validate(values)
    except ValidationError as error:
        raise NewPlanError(str(error.errors()[0]["msg"]).removeprefix("Value error, ")) \
            from None
    count = question_count if question_count is not None else max(len(last.questions), 2)
    # Fresh slots, at the minutes the last edition used: its rhythm is part of the format.
    kept_at = [q.at for q in last.questions]
    fresh = []
    for index, slot in enumerate(questions(old.language, count)):
        at = kept_at[index] if index < len(kept_at) else None
        fresh.append(slot if at is None else slot.model_copy(update={"at": at}))
    plan = Plan(
        chat=chat,
        guests=[g.model_copy(update={"status": "invited"}) for g in last.guests],
        questions=fresh,
        posts=[p.model_copy() for p in last.posts],
        checklist=[item.model_copy(update={"done": False}) for item in last.checklist],
    )
    return _with_ids_like(plan, last)


def _with_ids_like(plan: Plan, last: Plan) -> Plan:
    """`plan` with ids where `last` had them: the same id on the slot in the same place
    (`q1` stays `q1`), and for slots beyond the last's, the id tchat gives a new one. A
    last edition written without ids gets none: the first run adds them, as ever."""
    if not any(q.id for q in last.questions) and not any(p.id for p in last.posts):
        return plan
    kept = [q.id for q in last.questions]
    named = plan.model_copy(update={"questions": [
        q.model_copy(update={"id": kept[i]}) if i < len(kept) and kept[i] else q
        for i, q in enumerate(plan.questions)
    ]})
    ids = missing_ids(named)
    return named.model_copy(update={
        "questions": [q.model_copy(update={"id": ids.get(f"questions[{i}]", q.id)})
                      for i, q in enumerate(named.questions, 1)],
        "posts": [p.model_copy(update={"id": ids.get(f"posts[{i}]", p.id)})
                  for i, p in enumerate(named.posts, 1)],
    })


def last_questions_comment(last: Plan) -> str:
    """The last edition's questions as TOML comment lines, one per question."""
    chat = last.chat
    day = chat.start_at.astimezone(chat.zone).date().isoformat()
    lines = [_COMMENT[chat.language].format(date=day)]
    lines += [f"Q{n} {one_line(q.text)}" for n, q in enumerate(last.questions, 1)]
    return "".join(f"# {line}\n" for line in lines)


def with_comment_before_questions(toml_text: str, comment: str) -> str:
    """`toml_text` with `comment` just above its first `[[questions]]` table."""
    marker = "[[questions]]\n"
    at = toml_text.find(marker)
    if at < 0:
        return toml_text + "\n" + comment
    return toml_text[:at] + comment + "\n" + toml_text[at:]
