"""The X counter against twitter-text's published conformance cases.

The YAML files are read from the shared conformance folder ($TCHAT_CONFORMANCE_DIR, else
../shared/conformance beside the repository); they are not copied into the repository.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from tui.core.counting import Count, count
from tui.core.counting.counter import count_x_v2
from tui.core.counting.tlds import known_tlds
from tui.core.counting.urls import twitter_urls


def conformance_dir() -> Path:
    configured = os.environ.get("TCHAT_CONFORMANCE_DIR")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2].parent / "shared" / "conformance"


CONFORMANCE = conformance_dir()
pytestmark = pytest.mark.skipif(
    not (CONFORMANCE / "validate.yml").is_file(),
    reason=f"twitter-text conformance data not found in {CONFORMANCE} "
    "(set TCHAT_CONFORMANCE_DIR to the folder holding validate.yml)",
)


@cache
def sections(file_name: str) -> dict[str, list[dict[str, Any]]]:
    path = CONFORMANCE / file_name
    if not path.is_file():
        return {}
    tests: dict[str, list[dict[str, Any]]] = yaml.safe_load(path.read_text("utf-8"))["tests"]
    return tests


def cases(file_name: str, *names: str) -> list[Any]:
    return [
        pytest.param(case, id=f"{name}: {case['description'][:60]}")
        for name in names
        for case in sections(file_name).get(name, [])
    ]


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def valid_range_end(text: str, counted: Count) -> int:
    """twitter-text's validRangeEnd: the last UTF-16 unit before the overflow or the first
    refused character, inclusive."""
    stops = [i for i in (counted.overflow_index, counted.invalid_index) if i is not None]
    end = min(stops, default=len(text))
    return max(utf16_length(text[:end]) - 1, 0)


def check_weighted(case: dict[str, Any], counted: Count) -> None:
    expected = case["expected"]
    assert counted.length == expected["weightedLength"]
    assert counted.valid is expected["valid"]
    assert valid_range_end(case["text"], counted) == expected["validRangeEnd"]


V3 = cases("validate.yml", "WeightedTweetsWithDiscountedEmojiCounterTest",
           "UnicodeDirectionalMarkerCounterTest")
V2 = cases("validate.yml", "WeightedTweetsCounterTest")


def test_all_weighted_cases_are_found() -> None:
    assert (len(V3), len(V2)) == (24, 20)


@pytest.mark.parametrize("case", V3)
def test_weighted_length_v3(case: dict[str, Any]) -> None:
    check_weighted(case, count(case["text"], "x"))


@pytest.mark.parametrize("case", V2)
def test_weighted_length_v2(case: dict[str, Any]) -> None:
    check_weighted(case, count_x_v2(case["text"]))


URL_LISTS = cases("extract.yml", "urls", "tco_urls_with_params")
URL_INDICES = cases("extract.yml", "urls_with_indices", "urls_with_directional_markers")


def found_urls(text: str) -> list[str]:
    return [text[start:end] for start, end in twitter_urls().spans(text)]


@pytest.mark.parametrize("case", URL_LISTS)
def test_url_extraction(case: dict[str, Any]) -> None:
    assert found_urls(case["text"]) == case["expected"]


@pytest.mark.parametrize("case", URL_INDICES)
def test_url_extraction_indices(case: dict[str, Any]) -> None:
    text = case["text"]
    # No astral characters in these texts, so code points and UTF-16 indices agree.
    assert utf16_length(text) == len(text)
    spans = [(text[start:end], [start, end]) for start, end in twitter_urls().spans(text)]
    assert spans == [(e["url"], e["indices"]) for e in case["expected"]]


@pytest.mark.parametrize("case", URL_LISTS + URL_INDICES)
def test_each_found_url_counts_23(case: dict[str, Any]) -> None:
    """What extraction decides is what the counter charges: 23 per link."""
    text = case["text"]
    urls = found_urls(text)
    rest = text
    for url in urls:
        rest = rest.replace(url, "", 1)
    # Removing the links leaves plain characters; count them as X does, with no link.
    assert count(text).length == count(rest.replace(".", " ")).length + 23 * len(urls)


TLD_CASES = cases("tlds.yml", "country", "generic")


def test_shipped_tlds_match_the_conformance_list() -> None:
    source = yaml.safe_load((CONFORMANCE / "tld_lib.yml").read_text("utf-8"))
    assert known_tlds() == {t.lower() for names in source.values() for t in names}


@pytest.mark.parametrize("case", TLD_CASES)
def test_every_tld_makes_a_link(case: dict[str, Any]) -> None:
    assert found_urls(case["text"]) == case["expected"]
