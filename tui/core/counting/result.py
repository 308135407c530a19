"""What a count tells the editor, the CLI and the drafts: `Count`."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from tui.core.text.said import Said


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
    # The same warnings as words to say in any language (`Said`, each without its final
    # full stop: a refusal is also said as the reason inside a longer sentence), the
    # refusal first. `warnings` and `refusal` hold them in English, as `tchat count`
    # prints and answers them.
    notes: tuple[Said, ...] = ()

    @property
    def refusal_said(self) -> Said | None:
        """Why the platform refuses the post, as words without a final full stop."""
        return self.notes[0] if self.refusal is not None else None

    @property
    def remaining(self) -> int:
        """What is left before the limit; below 0 when over it."""
        return self.limit - self.length


def said(key: str, **fields: str | int) -> Said:
    """A counter's warning or refusal, as words (`count.*` in the shared table).

    Imported here, on the way to a warning: a count without one, as nearly every line
    of a script's pipe is, never loads the words tables.
    """
    from tui.core.text.said import Said

    return Said.of(key, **fields)
