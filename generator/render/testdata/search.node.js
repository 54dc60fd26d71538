"use strict";
// The search core of themes/default/assets/js/site.js, run in Node.
//
//   node search.node.js SITE_JS                 checks ranking, folding, highlighting
//   node search.node.js SITE_JS INDEX_JSON      and times queries over a built index
//
// site.js attaches its DOM-free core to globalThis.ShiftbookSearch when it
// is loaded without a document. TestSearchScript runs the first form.
const assert = require("assert");
const fs = require("fs");
const path = require("path");

const [siteJS, indexJSON] = process.argv.slice(2);
if (!siteJS) {
  console.error("usage: node search.node.js SITE_JS [INDEX_JSON]");
  process.exit(2);
}
require(path.resolve(siteJS));
const S = globalThis.ShiftbookSearch;
assert.ok(S, "site.js did not define globalThis.ShiftbookSearch");

function check() {
  const docs = [
    { t: "Home", u: "", k: "home", d: "Our customer experience vision.", x: "Welcome to Northwind." },
    { t: "Definitions", u: "definitions/", k: "section", x: "One shared vocabulary." },
    { t: "Churn", u: "definitions/churn/", s: "Definitions", k: "definition", w: ["attrition", "churn rate"], d: "Customers who leave us.", x: "Churn means customers leaving. The NPS of churned customers is low." },
    { t: "Net Promoter Score", u: "definitions/net-promoter-score/", s: "Definitions", k: "definition", w: ["NPS", "promoter score"], d: "Loyalty measure: % promoters minus % detractors.", x: "The Net Promoter Score asks how likely a customer is to recommend us." },
    { t: "Net Promoter Score", u: "metrics/nps/", s: "Metrics", k: "metric", w: ["nps"], d: "Relationship loyalty across all five markets.", h: ["Why it matters"], x: "NPS is our headline loyalty measure." },
    { t: "NPS survey process", u: "vision/nps-survey/", s: "Vision", h: ["Sending the survey"], x: "How we send the NPS survey every quarter in Gdańsk and Łódź." },
    { t: "Customer onboarding", u: "journeys/onboarding/", s: "Journeys", k: "journey", w: ["Small-business owner"], h: ["Discover", "Sign up"], x: "A new customer from Gdańsk signs up; we ask for an NPS score after 30 days." },
    { t: "Markup <b>bold</b> & co", u: "vision/markup/", s: "Vision", x: "Text with <script>alert(1)</script> in it & more." },
  ];
  const idx = S.createIndex(docs);
  const urls = (q) => idx.search(q).results.map((r) => r.doc.u);

  // An exact abbreviation or metric id puts the definition and the metric first.
  const nps = urls("nps");
  assert.deepStrictEqual(nps.slice(0, 2).sort(), ["definitions/net-promoter-score/", "metrics/nps/"], "nps: " + nps);
  assert.strictEqual(nps[2], "vision/nps-survey/", "nps: a title starting with the query comes next: " + nps);
  assert.deepStrictEqual(urls("NPS").slice(0, 2), nps.slice(0, 2), "case");
  // The whole title, and a synonym.
  assert.deepStrictEqual(urls("net promoter score").slice(0, 2).sort(), ["definitions/net-promoter-score/", "metrics/nps/"]);
  assert.strictEqual(urls("attrition")[0], "definitions/churn/");
  assert.strictEqual(urls("churn rate")[0], "definitions/churn/");
  // The section name counts, a little.
  assert.strictEqual(urls("definitions churn")[0], "definitions/churn/");
  assert.deepStrictEqual(urls("metrics loyalty"), ["metrics/nps/"]);
  // Prefix matching on every word, all words required.
  assert.ok(urls("prom").indexOf("definitions/net-promoter-score/") >= 0, "prefix");
  assert.deepStrictEqual(urls("net prom sco").slice(0, 2).sort(), ["definitions/net-promoter-score/", "metrics/nps/"]);
  assert.deepStrictEqual(urls("nps zzzz"), [], "AND");
  assert.deepStrictEqual(urls("   "), [], "blank");
  assert.deepStrictEqual(urls("?!"), [], "punctuation only");
  // Accents and letters that do not decompose.
  assert.deepStrictEqual(urls("gdansk").sort(), ["journeys/onboarding/", "vision/nps-survey/"]);
  assert.deepStrictEqual(urls("GDAŃSK").sort(), ["journeys/onboarding/", "vision/nps-survey/"]);
  assert.deepStrictEqual(urls("lodz"), ["vision/nps-survey/"]);
  // Headings, keywords of a journey.
  assert.strictEqual(urls("discover")[0], "journeys/onboarding/");
  assert.strictEqual(urls("small business")[0], "journeys/onboarding/");
  // Markup in the index is text, and is found as words.
  assert.deepStrictEqual(urls("script alert"), ["vision/markup/"]);

  // Highlighting marks the matched prefix in the original text.
  const pieces = S.highlight("Customers in Gdańsk, GDANSK & <b>", ["gdan", "cust"]);
  assert.deepStrictEqual(pieces, [["Cust", true], ["omers in ", false], ["Gdań", true], ["sk, ", false], ["GDAN", true], ["SK & <b>", false]]);
  assert.deepStrictEqual(S.highlight("e\u0301te\u0301 ete", ["ete"]), [["e\u0301te\u0301", true], [" ", false], ["ete", true]], "combining marks");
  assert.deepStrictEqual(S.highlight("no match", ["zz"]), [["no match", false]]);
  // A snippet from the summary when it holds the query, else from the text.
  const res = idx.search("loyalty");
  const def = res.results.find((r) => r.doc.u === "definitions/net-promoter-score/");
  assert.ok(S.snippet(def.doc, res.terms).some((p) => p[1] && p[0] === "Loyalty"), "summary snippet");
  // A term found by its name or abbreviation shows its summary.
  const byName = idx.search("nps").results[0];
  assert.strictEqual(S.snippet(byName.doc, ["nps"]).map((p) => p[0]).join(""), byName.doc.d);
  const body = docs[6]; // found by a word of the text only: a window of the text
  assert.deepStrictEqual(S.snippet(body, ["days"]).filter((p) => p[1]), [["days", true]]);
  const long = { t: "Long", u: "long/", x: "word ".repeat(200) + "needle in the middle " + "word ".repeat(200) + "…" };
  const sn = S.snippet(long, ["needle"]);
  const text = sn.map((p) => p[0]).join("");
  assert.ok(text.startsWith("… ") && text.endsWith(" …") && text.length < 260, "snippet window: " + text);
  assert.ok(sn.some((p) => p[1] && p[0] === "needle"));
  assert.strictEqual(S.kindLabel("definition"), "Definition");
  assert.strictEqual(S.kindLabel("metric"), "Metric");
  assert.strictEqual(S.kindLabel("journey"), "Journey");
  assert.strictEqual(S.kindLabel(undefined), "Page");
  assert.strictEqual(S.kindLabel("section"), "Page");
  return S.createIndexAsync(docs, 3).then((async) => {
    assert.deepStrictEqual(async.search("nps").results.map((r) => r.doc.u), nps, "createIndexAsync");
    return S.createIndexAsync({}).then(() => assert.fail("a non-list index must be refused"), () => {});
  }).then(() => console.log("search core: ok"));
}

function median(a) {
  const s = a.slice().sort((x, y) => x - y);
  return s[s.length >> 1];
}

function bench(file) {
  const raw = fs.readFileSync(file);
  const gz = require("zlib").gzipSync(raw, { level: 9 }).length;
  let t0 = process.hrtime.bigint();
  const docs = JSON.parse(raw.toString("utf8"));
  const parseMS = Number(process.hrtime.bigint() - t0) / 1e6;
  t0 = process.hrtime.bigint();
  const idx = S.createIndex(docs);
  const buildMS = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`index: ${docs.length} documents, ${raw.length} bytes, ${gz} gzipped; JSON.parse ${parseMS.toFixed(0)} ms, token index ${buildMS.toFixed(0)} ms (${idx.terms.length} distinct tokens)`);
  // Queries a reader types, keystroke by keystroke for two of them.
  const queries = ["nps", "net promoter score", "customer", "cust", "c", "journey", "onboarding", "renewal friction",
    "churn", "term 934", "annual capability", "employees governance", "the customer journey", "feedback loop",
    "effortless partner", "zzzz", "s", "st", "str", "stra", "strat", "strate", "strateg", "strategic",
    "q", "qu", "qua", "quarterly review cadence", "a b c", "dashboard"];
  const all = [], withSnippets = [], cpu = [];
  for (const q of queries) {
    const times = [], snip = [];
    let n = 0;
    for (let i = 0; i < 21; i++) {
      const c = process.cpuUsage();
      let t = process.hrtime.bigint();
      const r = idx.search(q);
      const cpuMS = process.cpuUsage(c).user / 1000;
      const searchMS = Number(process.hrtime.bigint() - t) / 1e6;
      for (const x of r.results.slice(0, 8)) {
        S.highlight(x.doc.t, r.terms);
        S.snippet(x.doc, r.terms);
      }
      const totalMS = Number(process.hrtime.bigint() - t) / 1e6;
      if (i > 0) { // the first run warms the JIT
        times.push(searchMS);
        cpu.push(cpuMS);
        snip.push(totalMS);
      }
      n = r.results.length;
    }
    all.push(...times);
    withSnippets.push(...snip);
    console.log(`${JSON.stringify(q).padEnd(28)} ${String(n).padStart(5)} results  median ${median(times).toFixed(2)} ms  max ${Math.max(...times).toFixed(2)} ms  (+8 snippets: median ${median(snip).toFixed(2)} ms)`);
  }
  // First query on a cold index, as a reader meets it.
  const cold = S.createIndex(docs);
  let t = process.hrtime.bigint();
  cold.search("customer journey");
  const coldMS = Number(process.hrtime.bigint() - t) / 1e6;
  console.log(`all queries: median ${median(all).toFixed(2)} ms, max ${Math.max(...all).toFixed(2)} ms (CPU time: median ${median(cpu).toFixed(2)} ms, max ${Math.max(...cpu).toFixed(2)} ms); with 8 snippets: median ${median(withSnippets).toFixed(2)} ms, max ${Math.max(...withSnippets).toFixed(2)} ms; first query on a fresh index ${coldMS.toFixed(2)} ms`);
}

check().then(() => {
  if (indexJSON) bench(indexJSON);
}).catch((err) => {
  console.error(err);
  process.exit(1);
});
