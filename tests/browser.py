"""Headless Chromium for the page tests: what a phone and a desktop browser make of a
page tchat publishes, measured by the browser itself.

One Chromium run loads a wrapper page holding each page under test in an iframe of the
width wanted (390 px, a phone; 1280 px, a desktop), measures it once loaded and writes
the measures into the wrapper's title, which `--dump-dom` prints. The pages under test
are loaded as they are, their Content-Security-Policy included: only the wrapper runs a
script.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from html import unescape
from pathlib import Path

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-extensions", "--disable-sync", "--disable-default-apps", "--no-first-run",
    "--mute-audio", "--hide-scrollbars", "--allow-file-access-from-files",
)
NAMES = ("chromium", "chromium-browser", "google-chrome")


def chromium() -> str | None:
    """The browser to use: `$TCHAT_CHROMIUM`, else Debian's `chromium` on the PATH."""
    chosen = os.environ.get("TCHAT_CHROMIUM")
    if chosen:
        return chosen if Path(chosen).exists() else None
    return next((found for name in NAMES if (found := shutil.which(name))), None)


# Run in the wrapper once it and every frame have loaded: for each frame, the page's
# width against its viewport, and each chart's box and the bars and lines drawn in it.
MEASURE = """
var frames = Array.prototype.slice.call(document.querySelectorAll('iframe'));
function measure(frame) {
  var doc = frame.contentDocument, win = frame.contentWindow;
  var charts = Array.prototype.slice.call(doc.querySelectorAll('svg.chart'));
  return {
    name: frame.getAttribute('data-name'), width: win.innerWidth,
    scrollWidth: Math.max(doc.documentElement.scrollWidth, doc.body.scrollWidth),
    charts: charts.map(function (svg) {
      var box = svg.getBoundingClientRect();
      var drawn = Array.prototype.slice.call(
        svg.querySelectorAll('rect.answers, rect.others, rect.first, polyline'))
        .filter(function (shape) {
          var b = shape.getBoundingClientRect(); return b.width > 0 && b.height > 0; });
      return {left: box.left, right: box.right, width: box.width, height: box.height,
              drawn: drawn.length};
    })
  };
}
// The wrapper's own load waits for every frame's: no frame can load unseen before a
// listener on it would be added.
window.addEventListener('load', function () {
  document.title = JSON.stringify(frames.map(measure));
});
"""


@dataclass(frozen=True)
class Chart:
    left: float
    right: float
    width: float
    height: float
    drawn: int


@dataclass(frozen=True)
class Measure:
    name: str
    width: int
    scroll_width: int
    charts: tuple[Chart, ...]


def measure(browser: str, pages: dict[str, Path], widths: tuple[int, ...]) -> list[Measure]:
    """Each page at each width, as the browser lays it out."""
    with tempfile.TemporaryDirectory() as folder:
        frames = "".join(
            f'<iframe data-name="{name}@{width}" src="{path.as_uri()}" '
            f'style="border:0;display:block;width:{width}px;height:900px"></iframe>'
            for name, path in pages.items() for width in widths
        )
        wrapper = Path(folder) / "wrapper.html"
        wrapper.write_text(f"<!DOCTYPE html><html><head><title>waiting</title></head>"
                           f'<body style="margin:0">{frames}<script>{MEASURE}</script>'
                           "</body></html>", encoding="utf-8")
        result = subprocess.run(
            [browser, *FLAGS, f"--user-data-dir={folder}/profile", "--window-size=1400,1000",
             "--virtual-time-budget=20000", "--dump-dom", wrapper.as_uri()],
            capture_output=True, text=True, timeout=120, check=False,
        )
    dom = result.stdout
    start, end = dom.find("<title>"), dom.find("</title>")
    title = unescape(dom[start + len("<title>"):end]) if start >= 0 else ""
    if not title.startswith("["):
        raise AssertionError(f"the browser measured nothing (exit {result.returncode}): "
                             f"{result.stderr[-2000:]}")
    return [
        Measure(item["name"], item["width"], item["scrollWidth"],
                tuple(Chart(**chart) for chart in item["charts"]))
        for item in json.loads(title)
    ]


def screenshot(browser: str, page: Path, target: Path, *, width: int, height: int,
               scale: int = 2) -> None:
    """A picture of the top of `page` in a window `width` CSS pixels wide."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [browser, *FLAGS, f"--user-data-dir={folder}/profile",
             f"--window-size={width},{height}", f"--force-device-scale-factor={scale}",
             f"--screenshot={target}", page.as_uri()],
            capture_output=True, timeout=120, check=True,
        )
