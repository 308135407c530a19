"""Charts as inline SVG: the hour minute by minute, one question's answers, a series of
editions. No script, no font, no file: shapes and a few labels, coloured by the page's
stylesheet (`html.CHART_STYLE`), scaled to the width of the column by the browser.

Each chart is one function of figures already computed (`tui.core.exports.figures`)
and says in words what it shows: a `<title>` and `<desc>` for screen readers, the same
words where Markdown shows the chart. Labels are escaped; coordinates are rounded to a
tenth, so the same figures always give the same bytes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta, tzinfo

from tui.core.exports.document import Figure
from tui.core.exports.figures import Asked, HourFigures
from tui.core.exports.html import escape
from tui.core.plan.model import Language
from tui.core.room.pace import AnswerCurve
from tui.core.text.typography import french_print
from tui.core.text.words import Words
from tui.core.timing.dates import short_time

WIDTH = 400
"""The drawing's own units: about a phone's column, so an 11-unit label reads at about
11 px there and grows a little on a wide screen (the figure's width is capped)."""
FONT = 11
CHAR = 6.2
"""About how wide a character of a label is, to keep labels apart."""
MAX_BARS = 120
"""More minutes than this are drawn in groups of minutes."""


@dataclass(frozen=True, slots=True)
class Bar:
    segments: tuple[tuple[int, str], ...]
    """(value, CSS class), from the bottom up."""
    label: str = ""
    missing: bool = False
    """No figures for it (an edition that cannot be read): drawn as an empty outline."""

    @property
    def total(self) -> int:
        return sum(value for value, _kind in self.segments)


@dataclass(frozen=True, slots=True)
class Marker:
    position: float
    """In bars from the left edge: 2.5 is the middle of the third bar."""
    label: str


def _n(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _text(x: float, y: float, label: str, *, anchor: str = "middle",
          kind: str = "") -> str:
    extra = f' class="{kind}"' if kind else ""
    return (f'<text x="{_n(x)}" y="{_n(y)}" font-size="{FONT}" text-anchor="{anchor}"'
            f"{extra}>{escape(label)}</text>")


def bar_chart(
    ident: str, bars: Sequence[Bar], *, title: str, desc: str,
    legend: Sequence[tuple[str, str]] = (), markers: Sequence[Marker] = (),
    ticks: Sequence[Marker] = (), height: int = 180,
) -> str:
    """Stacked bars, one per minute or per edition, with question markers and labels
    under the axis; `legend` is (CSS class, words) per kind of segment."""
    # The tallest bar reaches the top, labelled with its value: a round scale above it
    # would leave a phone's small chart half empty.
    scale = max(1, max((bar.total for bar in bars), default=0))
    left, right = max(28.0, len(str(scale)) * CHAR + 8), WIDTH - 6.0
    legend_y = 10.0 if legend else 0.0
    rows = 2 if markers else 0
    top = legend_y + 8 + rows * 11 + (4 if markers else 0)
    bottom = height - 18.0
    plot = right - left
    step = plot / max(len(bars), 1)
    gap = step * 0.18 if step >= 4 else 0.0
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{ident}-t {ident}-d">',
        f'<title id="{ident}-t">{escape(title)}</title>',
        f'<desc id="{ident}-d">{escape(desc)}</desc>',
    ]
    x = left
    for kind, words in legend:
        parts.append(f'<rect class="{kind} key" x="{_n(x)}" y="{_n(legend_y - 8)}" '
                     'width="9" height="9"/>')
        parts.append(_text(x + 12, legend_y, words, anchor="start"))
        x += 12 + len(words) * CHAR + 14
    parts.append(f'<line class="axis" x1="{_n(left)}" y1="{_n(top)}" x2="{_n(right)}" '
                 f'y2="{_n(top)}" stroke-dasharray="2 3"/>')
    parts.append(_text(left - 4, top + 4, str(scale), anchor="end"))
    parts.append(_text(left - 4, bottom, "0", anchor="end"))
    for index, bar in enumerate(bars):
        x = left + index * step + gap / 2
        width = max(step - gap, 0.6)
        if bar.missing:
            parts.append(f'<rect class="gap" x="{_n(x)}" y="{_n(top)}" width="{_n(width)}" '
                         f'height="{_n(bottom - top)}"/>')
            continue
        y = bottom
        for value, kind in bar.segments:
            if value <= 0:
                continue
            size = (bottom - top) * value / scale
            y -= size
            parts.append(f'<rect class="{kind}" x="{_n(x)}" y="{_n(y)}" width="{_n(width)}" '
                         f'height="{_n(size)}"/>')
    parts.append(f'<line class="axis" x1="{_n(left)}" y1="{_n(bottom)}" x2="{_n(right)}" '
                 f'y2="{_n(bottom)}"/>')
    ends: list[float] = [-math.inf] * max(rows, 1)
    for marker in markers:
        # A question marked before the first bar (a log's clock gone astray) stays inside.
        x = min(max(left + marker.position * step, left), right)
        width = len(marker.label) * CHAR
        centre = min(max(x, left + width / 2), right - width / 2)
        # A label too close to the one before it goes on the other row.
        row = next((r for r in range(rows) if centre - width / 2 > ends[r] + 2), rows - 1)
        ends[row] = centre + width / 2
        label_y = legend_y + 8 + 10 + row * 11
        parts.append(f'<line class="asked" x1="{_n(x)}" y1="{_n(label_y + 2)}" x2="{_n(x)}" '
                     f'y2="{_n(bottom)}"/>')
        parts.append(_text(centre, label_y, marker.label, kind="asked-label"))
    last_end = -math.inf
    for tick in ticks:
        x = left + tick.position * step
        width = len(tick.label) * CHAR
        centre = min(max(x, left + width / 2), right - width / 2)
        if centre - width / 2 <= last_end + 4:
            continue
        last_end = centre + width / 2
        parts.append(_text(centre, height - 4, tick.label))
    parts.append("</svg>")
    return "".join(parts)


def _bucket(figures: HourFigures) -> int:
    """Minutes per bar: one, unless the window is longer than `MAX_BARS` minutes."""
    return max(1, math.ceil(len(figures.minutes) / MAX_BARS))


def hour_chart(figures: HourFigures, language: Language, zone: tzinfo, *,
               ident: str = "hour") -> Figure | None:
    """Posts per minute over the hour, answers distinguished, each question marked where
    it was asked; None when nobody posted. `ident` names its parts, unique in a page."""
    if figures.posts == 0:
        return None
    words = Words(language)
    size = _bucket(figures)
    bars = []
    for first in range(0, len(figures.minutes), size):
        group = figures.minutes[first:first + size]
        bars.append(Bar(((sum(m.answers for m in group), "answers"),
                         (sum(m.others for m in group), "others"))))

    def position(minute: float) -> float:
        return (minute - figures.first_minute) / size

    def clock(minute: int) -> str:
        return short_time(figures.start + timedelta(minutes=minute), zone, language)

    markers = [
        Marker(position((a.at - figures.start) / timedelta(minutes=1)), f"Q{a.number}")
        for a in figures.asked
    ]
    last_minute = figures.first_minute + len(figures.minutes)
    every = 15 if len(figures.minutes) <= 150 else 60
    ticks = [Marker(position(m), clock(m))
             for m in range(math.ceil(figures.first_minute / every) * every, last_minute + 1,
                            every)]
    peak_index = max(range(len(figures.minutes)),
                     key=lambda i: (figures.minutes[i].posts, -i))
    peak = figures.minutes[peak_index]
    desc = words(
        "export.chart_hour_alt",
        start=clock(figures.first_minute), end=clock(last_minute),
        posts=words("feed.posts", n=figures.posts),
        answers=words("feed.answers", n=figures.answers),
        peak_time=clock(figures.first_minute + peak_index),
        peak=words("feed.posts", n=peak.posts),
    )
    if figures.asked:
        desc += " " + words("export.chart_asked", questions=", ".join(
            f"Q{a.number} {short_time(a.at, zone, language)}" for a in figures.asked))
    # Page text, as the page's paragraphs: the words table's no-break spaces become
    # narrow before ";", and the clock times filled in ("18 h 06") hold together too.
    desc = french_print(desc, language)
    title = words("export.chart_hour_title")
    svg = bar_chart(
        ident, bars, title=title, desc=desc, markers=markers, ticks=ticks,
        legend=(("answers", words("export.chart_key_answers")),
                ("others", words("export.chart_key_others"))),
    )
    return Figure(svg, desc, words("export.chart_hour_caption"))


CURVE_MINUTES = (5, 15)
"""A question's curve covers the minutes until the next question, within these."""
CURVE_LEAST = 8
"""A curve of fewer answers says nothing a count does not."""


def answer_curve(figures: HourFigures, asked: Asked, curve: AnswerCurve | None,
                 language: Language, zone: tzinfo) -> Figure | None:
    """The answers to one question minute by minute after it was asked (its `curve`, as
    `tui.core.exports.curves.question_curves` gives every export): a small chart, when
    there are enough answers for a shape to show."""
    if curve is None:
        return None
    later = [a.at for a in figures.asked if a.at > asked.at]
    until = min(later) if later else figures.end
    lowest, highest = CURVE_MINUTES
    minutes = min(max(math.ceil((until - asked.at) / timedelta(minutes=1)), lowest), highest)
    shown = curve.per_minute[:minutes]
    values = (*shown, *([0] * (minutes - len(shown))))
    if sum(values) < CURVE_LEAST or sum(1 for v in values if v) < 2:
        return None
    words = Words(language)
    label = f"Q{asked.number}"
    desc = words("export.chart_curve_alt", label=label,
                 start=short_time(asked.at, zone, language),
                 values=", ".join(str(v) for v in values))
    desc = french_print(desc, language)
    width, height, left, right, top, bottom = 200, 48, 4.0, 196.0, 6.0, 40.0
    scale = max(values)
    step = (right - left) / (len(values) - 1)
    points = [(left + i * step, bottom - (bottom - top) * v / scale)
              for i, v in enumerate(values)]
    line = " ".join(f"{_n(x)},{_n(y)}" for x, y in points)
    area = f"{_n(left)},{_n(bottom)} {line} {_n(right)},{_n(bottom)}"
    ident = f"curve-{asked.number}"
    svg = (
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{ident}-t {ident}-d">'
        f'<title id="{ident}-t">{escape(words("export.chart_curve_title", label=label))}'
        f'</title><desc id="{ident}-d">{escape(desc)}</desc>'
        f'<polygon class="area" points="{area}"/>'
        f'<polyline class="curve" points="{line}"/>'
        f'<line class="axis" x1="{_n(left)}" y1="{_n(bottom)}" x2="{_n(right)}" '
        f'y2="{_n(bottom)}"/>'
        "</svg>"
    )
    caption = words("export.chart_curve_caption", label=label, peak=max(values),
                    minutes=len(values))
    return Figure(svg, desc, caption, small=True)
