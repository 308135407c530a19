// Counts per second of the official twitter-text (npm, 3.1.0) parseTweet, for the
// benchmark's texts. Run by benchmarks/counting.py, which pins it to one core.
//
// Input (argv[2]): a JSON file {"texts": {"name": "text"}, "seconds": 0.5, "warmup": 1.0}.
// Output (stdout): {"rates": {"name": counts_per_second}, "lengths": {"name": weighted}}.
"use strict";

const fs = require("fs");
const path = require("path");

const twitter = require(path.join(__dirname, "..", "tests", "node", "node_modules", "twitter-text"));
const input = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));

function perSecond(text, seconds) {
  // Same loop as the Python side: batches of 100 calls until `seconds` have passed.
  const batch = 100;
  let calls = 0;
  let sink = 0;
  const start = process.hrtime.bigint();
  for (;;) {
    for (let i = 0; i < batch; i++) {
      sink += twitter.parseTweet(text).weightedLength;
    }
    calls += batch;
    const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    if (elapsed >= seconds) {
      if (sink < 0) console.error(sink); // keeps the calls from being optimised away
      return calls / elapsed;
    }
  }
}

const rates = {};
const lengths = {};
for (const [name, text] of Object.entries(input.texts)) {
  perSecond(text, input.warmup); // let the JIT compile parseTweet for this text
  rates[name] = perSecond(text, input.seconds);
  lengths[name] = twitter.parseTweet(text).weightedLength;
}
process.stdout.write(JSON.stringify({ rates, lengths }) + "\n");
