"""Numbers with decimals as a reader of the plan's language writes them: "0.2" in
English, "0,2" in French (the decimal comma).

Only for people: the as-run log, `--jsonl`, CSV and every file a program reads keep
Python's decimal point.
"""

from __future__ import annotations

from tui.core.text.vocabulary import Language


def decimal(value: float, language: Language, spec: str = "g") -> str:
    """`format(value, spec)`, with a decimal comma in French: `decimal(0.2, "fr")` is
    "0,2", `decimal(23.25, "fr", ".1f")` "23,2", `decimal(10.0, "fr")` "10"."""
    text = format(value, spec)
    return text.replace(".", ",") if language == "fr" else text
