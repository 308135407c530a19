"""The plan's closed lists of words (languages, platforms, phases...), as types.

Apart from the pydantic model so that light modules (the screen's words, the glance
that draws the first frame) can name them without loading pydantic.
"""

from __future__ import annotations

from typing import Literal

Language = Literal["fr", "en"]
Platform = Literal["x", "x-legacy", "bluesky", "mastodon", "threads"]
GuestStatus = Literal["invited", "confirmed", "declined"]
PostKind = Literal["promo", "welcome", "rules", "heads-up", "closing", "thanks", "custom"]
Phase = Literal["before", "during", "after"]
Repeat = Literal["weekly", "monthly"]
