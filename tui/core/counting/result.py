"""What a count tells the editor, the CLI and the drafts: `Count`."""

from __future__ import annotations

from typing import NamedTuple


class Count(NamedTuple):
    """A post's length as one platform counts it.

    Indices are code points of the text as given (not NFC, not UTF-16), so the editor
    can grey out `text[overflow_index:]` directly.

    A named tuple, so immutable: `tchat count --jsonl` makes one for every line a
    script pipes through it, and a tuple costs a third of a frozen dataclass to make
    (which sets each field through `object.__setattr__`).
    """

    platform: str
    length: int
    limit: int
    valid: bool
    # Where the text first runs past the limit; None when it fits.
    overflow_index: int | None
    # The first character the platform refuses in any post (X: U+FFFE, U+FEFF, U+FFFF).
    invalid_index: int | None = None
    # Every warning, the refusal first when there is one.
    warnings: tuple[str, ...] = ()
    # Why the platform refuses this post whatever its length (a blank post, too many
    # bytes or links, a character it never takes); None when it does not.
    refusal: str | None = None

    @property
    def remaining(self) -> int:
        """What is left before the limit; below 0 when over it."""
        return self.limit - self.length
