"""`tchat count`: human lines, JSONL streaming, exit codes, and no traceback."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main
from tui.commands.count import jsonl_results, run_jsonl

ROOT = Path(__file__).resolve().parents[2]


class FakeStdin(io.TextIOWrapper):
    """A text stdin with a `buffer`, like the real one; never a terminal."""

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8")

    def isatty(self) -> bool:
        return False


def run_count(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *args: str,
    stdin: bytes = b"",
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", FakeStdin(stdin))
    code = main(["count", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_counts_each_text_with_limit_and_what_is_left(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run_count(capsys, monkeypatch, "Bonjour 👋🏽", "https://example.com/x")
    assert code == 0
    first, second = out.splitlines()
    assert first.startswith("10 / 280 · 270 left")
    assert second.startswith("23 / 280 · 257 left")


def test_over_the_limit_exits_1_and_says_by_how_much(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run_count(capsys, monkeypatch, "ok", "x" * 290)
    assert code == 1
    assert "290 / 280 · 10 over" in out
    assert "overflows at character 281" in out


def test_reads_standard_input_without_its_final_newline(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run_count(
        capsys, monkeypatch, "--platform", "bluesky", stdin="Salut 🇫🇷\n".encode()
    )
    assert code == 0
    assert out.startswith("7 / 300 · 293 left")


def test_user_text_is_not_read_as_markup(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run_count(capsys, monkeypatch, "[bold]hi[/]", "a [/] b")
    assert code == 0
    assert "[bold]hi[/]" in out
    assert "a [/] b" in out


def test_limit_and_warnings(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run_count(
        capsys, monkeypatch, "--platform", "threads", "--limit", "10", "#one #two"
    )
    assert code == 0
    assert out.startswith("9 / 10 · 1 left")
    assert "warning: Threads takes one topic per post" in out


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["--platform", "bluesky", " "], "Bluesky will not post a blank text."),
        (["--platform", "bluesky", "👨\u200d👩\u200d👧\u200d👦" * 121],
         "Bluesky refuses a post over 3000 bytes of UTF-8: this one has 3025"),
        (["--platform", "threads", " ".join(f"https://e{i}.fr" for i in range(6))],
         "Threads refuses a post with more than 5 links: this one has 6."),
        (["a\uffffb"], "X refuses any post holding U+FFFF."),
    ],
)
def test_a_refused_post_says_why_and_exits_1(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    reason: str,
) -> None:
    code, out, _ = run_count(capsys, monkeypatch, *args)
    assert code == 1
    assert f"refused: {reason}" in out
    assert "warning: " + reason not in out  # said once, as the refusal


def test_jsonl_gives_the_refusal() -> None:
    sink = io.StringIO()
    assert run_jsonl(io.BytesIO(b'" "\n'), sink, "bluesky", 300) == 1
    result = json.loads(sink.getvalue())
    assert (result["valid"], result["refusal"]) == (False, "Bluesky will not post a blank text.")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--platform", "myspace", "hi"], "unknown platform 'myspace'"),
        (["--limit", "0", "hi"], "--limit"),
        (["--limit", "many", "hi"], "invalid int value"),
        (["--jsonl", "hi"], "--jsonl reads standard input"),
    ],
)
def test_usage_errors_exit_2_with_a_message(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(b""))
    with pytest.raises(SystemExit) as exited:
        raise SystemExit(main(["count", *args]))
    captured = capsys.readouterr()
    assert exited.value.code == 2
    assert message in captured.err
    assert "Traceback" not in captured.out + captured.err


def test_jsonl_answers_each_line_in_order(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [json.dumps("Bonjour à tous"), "42", "{not json", json.dumps("x" * 300), ""]
    code, out, _ = run_count(
        capsys, monkeypatch, "--jsonl", stdin=("\n".join(lines) + "\n").encode()
    )
    results = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert len(results) == len(lines)
    assert results[0] == {
        "weighted_length": 14, "limit": 280, "valid": True, "remaining": 266,
        "overflow_index": None, "warnings": [], "refusal": None,
    }
    assert results[1] == {"error": "line 2: expected a JSON string, got a number"}
    assert results[2]["error"].startswith("line 3: not valid JSON")
    assert (results[3]["valid"], results[3]["overflow_index"]) == (False, 280)
    assert results[4]["error"].startswith("line 5: not valid JSON")


def test_jsonl_all_valid_exits_0_and_reports_platform_warnings() -> None:
    sink = io.StringIO()
    source = io.BytesIO(b'"#a #b"\n"\\u00e9t\\u00e9"\n')
    assert run_jsonl(source, sink, "threads", 500) == 0
    first, second = (json.loads(line) for line in sink.getvalue().splitlines())
    assert first["weighted_length"] == 5 and len(first["warnings"]) == 1
    assert second["weighted_length"] == 3


def test_jsonl_survives_bytes_that_are_not_utf8() -> None:
    results = list(jsonl_results([b'"ok"\n', b"\xff\xfe\n", b'"still ok"\n'], "x", 280))
    assert [r.get("error") for r in results] == [None, "line 2: not UTF-8", None]


def test_jsonl_flushes_each_line_through_a_pipe() -> None:
    """An editor keeps the pipe open: each answer must come before the next question."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "count", "--jsonl", "--platform", "mastodon"],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        for text, length in (("first", 5), ("@bob@example.social hi", 7)):
            process.stdin.write((json.dumps(text) + "\n").encode())
            process.stdin.flush()
            answer = json.loads(process.stdout.readline())
            assert answer["weighted_length"] == length
    finally:
        process.stdin.close()
        process.wait(timeout=30)
        assert process.stderr is not None
        process.stderr.close()
        process.stdout.close()
    assert process.returncode == 0


def test_jsonl_loads_neither_rich_nor_what_x_does_not_need() -> None:
    """A script pays every import of each `tchat count --jsonl`: Rich (the human output,
    the errors), importlib.resources (the data files are read beside their module), the
    IDNA codec (Mastodon's check only), dataclasses (and the inspect it loads) and the
    words tables (an error's output) stay out of an X count that prints nothing through
    Rich. The answer itself still comes."""
    probe = (
        "import sys\n"
        "from tui.launch import entry\n"
        "sys.argv = ['tchat', 'count', '--jsonl']\n"
        "try:\n"
        "    entry()\n"
        "except SystemExit:\n"
        "    names = {'importlib.resources', 'encodings.idna', 'dataclasses', 'inspect',\n"
        "             'tui.core.text.words'}\n"
        "    print(sorted(name for name in sys.modules\n"
        "                 if name.split('.')[0] == 'rich' or name in names), file=sys.stderr)\n"
    )
    post = json.dumps("\u00e9t\u00e9 https://a.fr/x \U0001f468\u200d\U0001f4bb") + "\n"
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, input=post.encode(), capture_output=True,
        timeout=60, check=False,
    )
    assert json.loads(result.stdout)["weighted_length"] == 30
    assert result.stderr.decode().strip() == "[]"
