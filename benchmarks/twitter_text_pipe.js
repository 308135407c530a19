// The official twitter-text (3.1.0, with @twemoji/parser 16) behind the same kind of
// pipe as `tchat count --jsonl`: one JSON string per line on standard input, one JSON
// object per line on standard output, in order. Run by benchmarks/counting.py.
//
// Like tchat, it writes its answers once per chunk of input read, not once per line:
// readline hands over every line of a chunk before the next read, and setImmediate
// runs after them (a write per line made node a quarter slower).
"use strict";

const path = require("path");
const readline = require("readline");

const twitter = require(path.join(__dirname, "..", "tests", "node", "node_modules", "twitter-text"));

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
let answers = [];
let flushing = false;

function flush() {
  flushing = false;
  process.stdout.write(answers.join(""));
  answers = [];
}

lines.on("line", (line) => {
  let answer;
  try {
    const text = JSON.parse(line);
    const parsed = twitter.parseTweet(text);
    answer = {
      weighted_length: parsed.weightedLength,
      limit: 280,
      valid: parsed.valid,
      remaining: 280 - parsed.weightedLength,
    };
  } catch (error) {
    answer = { error: String(error) };
  }
  answers.push(JSON.stringify(answer) + "\n");
  if (!flushing) {
    flushing = true;
    setImmediate(flush);
  }
});
