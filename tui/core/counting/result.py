"""What a count tells the editor, the CLI and the drafts: `Count`."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Count:
    """A post's length as one platform counts it.

    Indices are code points of the text as given (not NFC, not UTF-16), so the editor
    can grey out `text[overflow_index:]` directly.
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
    remaining: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "remaining", self.limit - self.length)
