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
//    the app displays it, then graphemeLength. `length` and `published` are the app's
//    own result; `intended` and `shortened` what it means to count and publish (they
//    differ when the app's bugs mangle the post, see meant()).
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

// Each link facet replaced by its short form, left to right, the way the app does it:
// RichText.insert() of the short form before the link, then delete() of the link.
function asApp(rt) {
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
    facet.index.byteStart = byteStart;
    facet.index.byteEnd = byteStart + short.length;
    copy.delete(byteStart + short.length, byteEnd + short.length);
  }
  return copy;
}

// What the app means to publish and count: the same links, each replaced by its short
// form, with plain string operations (insert() shifts later facets by UTF-16 units
// although they are UTF-8 offsets, and its TextDecoder drops a U+FEFF that starts a
// slice: both can mangle a post).
function meant(text, rt) {
  const utf8 = new TextEncoder().encode(text);
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const at = (bytes) => decoder.decode(utf8.slice(0, bytes)).length;
  let out = "";
  let position = 0;
  for (const facet of rt.facets || []) {
    if (!isLink(facet)) {
      continue;
    }
    const start = at(facet.index.byteStart);
    const end = at(facet.index.byteEnd);
    out += text.slice(position, start) + shortForm(text.slice(start, end));
    position = end;
  }
  return new RichText({ text: out + text.slice(position) });
}

function bluesky(text) {
  const rt = new RichText({ text });
  rt.detectFacetsWithoutResolution();
  const published = asApp(rt);
  const intended = meant(text, rt);
  return {
    length: published.graphemeLength,
    intended: intended.graphemeLength,
    bytes: intended.length,
    blank: text.trim().length === 0,
    published: published.text,
    shortened: intended.text,
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
