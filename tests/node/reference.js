// The platforms' own counting code, run on many posts at once for the differential tests
// (tests/core/test_counting_differential.py) and the pipe benchmark (benchmarks/).
//
// Input, standard input: one JSON object per line, {"platform": "x" | "bluesky", "text": "..."}.
// Output, standard output: one JSON object per line, in the same order.
//
// x: twitter-text 3.1.0's parseTweet, with @twemoji/parser 16 in place of its old
//    twemoji-parser (package.json's "overrides").
// bluesky: what the app's composer computes, with @atproto/api's RichText: facets found
//    by detectFacetsWithoutResolution(), every link facet replaced by its short form as
//    the app displays it, then graphemeLength. `length` is the app as published (its
//    insert() shifts later facets by UTF-16 units although they are UTF-8 offsets);
//    `intended` is the same with the shift in bytes, which is what the app means to count.
"use strict";

const path = require("path");
const readline = require("readline");

const modules = path.join(__dirname, "node_modules");
const twitter = require(path.join(modules, "twitter-text"));
const { RichText, UnicodeString } = require(path.join(modules, "@atproto", "api"));

const MAX_SHOWN_PATH = 15;
const KEPT_PATH = 13;

// The app's short form of a link: host, then path + query + fragment cut to 13
// characters and "..." when longer than 15; anything that does not parse as an http(s)
// URL stays as written.
function shortForm(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    return url;
  }
  const rest = (parsed.pathname === "/" ? "" : parsed.pathname) + parsed.search + parsed.hash;
  return rest.length > MAX_SHOWN_PATH
    ? parsed.host + rest.slice(0, KEPT_PATH) + "..."
    : parsed.host + rest;
}

function isLink(facet) {
  return facet.features.some((f) => f.$type === "app.bsky.richtext.facet#link");
}

// Each link facet replaced by its short form, left to right, the way the app does it
// (insert the short form before the link, then delete the link). `asApp`: later facets
// move by the short form's UTF-16 length, as RichText.insert() does; otherwise by its
// UTF-8 length.
function shortened(rt, asApp) {
  if (!rt.facets || !rt.facets.length) {
    return rt;
  }
  const copy = rt.clone();
  for (const facet of copy.facets) {
    if (!isLink(facet)) {
      continue;
    }
    const { byteStart, byteEnd } = facet.index;
    const short = new UnicodeString(shortForm(copy.unicodeText.slice(byteStart, byteEnd)));
    copy.insert(byteStart, short.utf16);
    if (!asApp) {
      const error = short.length - short.utf16.length;
      for (const other of copy.facets) {
        if (other !== facet && other.index.byteStart >= byteStart) {
          other.index.byteStart += error;
          other.index.byteEnd += error;
        }
      }
    }
    facet.index.byteStart = byteStart;
    facet.index.byteEnd = byteStart + short.length;
    copy.delete(byteStart + short.length, byteEnd + short.length);
  }
  return copy;
}

function bluesky(text) {
  const rt = new RichText({ text });
  rt.detectFacetsWithoutResolution();
  const asApp = shortened(rt, true);
  const meant = shortened(rt, false);
  return {
    length: asApp.graphemeLength,
    intended: meant.graphemeLength,
    bytes: meant.length,
    blank: text.trim().length === 0,
  };
}

function x(text) {
  const parsed = twitter.parseTweet(text);
  return {
    length: parsed.weightedLength,
    valid: parsed.valid,
    validRangeEnd: parsed.validRangeEnd,
  };
}

const platforms = { x, bluesky };

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
const out = [];
lines.on("line", (line) => {
  const { platform, text } = JSON.parse(line);
  out.push(JSON.stringify(platforms[platform](text)));
  if (out.length >= 256) {
    process.stdout.write(out.join("\n") + "\n");
    out.length = 0;
  }
});
lines.on("close", () => {
  if (out.length) {
    process.stdout.write(out.join("\n") + "\n");
  }
});
