"""Posts that read naturally with no guest, or with one.

The guide's posts name "our guests {guests}"; many regular chats have no guest, and
some have one. Before a template is filled, the phrases around `{guests}` are rewritten
for the number of guests taking part: with none, "“{title}”, with {guests}." becomes
"“{title}”." and "for our guests {guests}, and for you" becomes "for you"; with one,
"our guests" becomes "our guest" ("nos invités", "notre invité"). Only these known
phrases are touched: anything else a moderator wrote stays as written.
"""

from __future__ import annotations

import re

from tui.core.text.vocabulary import Language

_G = r"\{guests\}"

# (pattern, replacement) applied in order to a template when no guest takes part. A
# pattern that may start on white space starts only on the first of a run: tried at
# every space of a long run, it was quadratic on a plan's text.
_WITHOUT: dict[Language, tuple[tuple[re.Pattern[str], str], ...]] = {
    "en": (
        (re.compile(rf"\bfor our guests\s+{_G},?\s+and for you"), "for you"),
        (re.compile(rf"\bto our guests\s+{_G}\s+and to\s+"), "to "),
        (re.compile(rf",?(?<!\s)\s++with\s++(?:our guests\s++)?{_G}"), ""),
        (re.compile(rf"{_G}\s+and\s+"), ""),
    ),
    "fr": (
        (re.compile(rf"\bpour nos invités\s+{_G}\s+(?:et|comme) pour vous"), "pour vous"),
        (re.compile(rf"\bà nos invités\s+{_G}\s+et à\s+"), "à "),
        (re.compile(rf",?(?<!\s)\s++avec\s++(?:nos invités\s++)?{_G}"), ""),
        (re.compile(rf"{_G}\s+et\s+"), ""),
    ),
}

_ONE: dict[Language, tuple[tuple[re.Pattern[str], str], ...]] = {
    "en": ((re.compile(rf"\bour guests(\s+{_G})"), r"our guest\1"),),
    "fr": (
        (re.compile(rf"\bnos invités(\s+{_G})"), r"notre invité\1"),
        (re.compile(rf"\bNos invités(\s+{_G})"), r"Notre invité\1"),
    ),
}

_LEFT_BLANK = re.compile(r"[ \t]+([.,])|[ \t]{2,}")


def for_guests(template: str, guests: int, language: Language) -> str:
    """`template` with its phrases about the guests fit for `guests` guests."""
    if guests >= 2 or "{guests}" not in template:
        return template
    if guests == 1:
        for pattern, replacement in _ONE[language]:
            template = pattern.sub(replacement, template)
        return template
    for pattern, replacement in _WITHOUT[language]:
        template = pattern.sub(replacement, template)
    # A `{guests}` in a phrase not known above is left to fill with nothing: no blank
    # is left before a full stop or a comma, and no double blank.
    template = template.replace("{guests}", "")
    return _LEFT_BLANK.sub(lambda m: m.group(1) or " ", template)
