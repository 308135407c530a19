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
    # Why the platform refuses this post whatever its length (a blank post, too many
    # bytes or links, a character it never takes), as words to say in any language
    # (`Said`, without its final full stop: it is also the reason inside a longer
    # sentence); None when it does not.
    refusal_said: Said | None = None
    # Every other warning, as words likewise.
    others: tuple[Said, ...] = ()

    @property
    def notes(self) -> tuple[Said, ...]:
        """Every warning as words, the refusal first when there is one."""
        return self.others if self.refusal_said is None else (self.refusal_said, *self.others)

    @property
    def warnings(self) -> tuple[str, ...]:
        """Every warning in English, each a sentence, the refusal first: what `tchat
        count` prints and answers (made only when there is one: the words load then)."""
        return tuple(f"{note}." for note in self.notes) if self.notes else ()

    @property
    def refusal(self) -> str | None:
        """The refusal in English, a sentence; None when the platform takes the post."""
        return None if self.refusal_said is None else f"{self.refusal_said}."

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
