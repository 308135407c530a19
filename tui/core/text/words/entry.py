"""The shape of one entry of the words table, shared by every surface's module."""

from __future__ import annotations

Plural = dict[str, str]
"""Texts by CLDR plural category ("one", "other"...); "other" is always there."""
