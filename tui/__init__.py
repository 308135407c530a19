"""tchat: a terminal run-sheet for hashtag chat moderators."""

__version__ = "0.1.0"
