"use strict";
// The search core of themes/default/assets/js/site.js, run in Node.
//
//   node search.node.js SITE_JS INDEX_DIR            checks ranking, folding, highlighting
//   node search.node.js SITE_JS INDEX_DIR SEARCH_DIR and measures queries over a built
//                                                    site's search/ folder (with
//                                                    SEARCH_RELEVANCE=1: checks every
//                                                    definition is found first by its names)
//
// INDEX_DIR is the search/ folder TestSearchScript writes from
// search_docs.json ("-" skips the checks). site.js attaches its DOM-free core to
// globalThis.ShiftbookSearch when it is loaded without a document.
const assert = require("assert");
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [siteJS, indexDir, benchDir] = process.argv.slice(2);
if (!siteJS || !indexDir) {
  console.error("usage: node search.node.js SITE_JS INDEX_DIR [SEARCH_DIR]");
  process.exit(2);
}
require(path.resolve(siteJS));
const S = globalThis.ShiftbookSearch;
assert.ok(S, "site.js did not define globalThis.ShiftbookSearch");

async function check(indexDir) {
  const docs = JSON.parse(fs.readFileSync(path.join(__dirname, "search_docs.json"), "utf8"));
  const idx = open(indexDir);
  const results = async (q) => (await idx.search(q)).results;
  const urls = async (q) => (await idx.docs(await results(q))).map((r) => r.doc.u);


  // An exact abbreviation or metric id puts the definition and the metric first.
  const nps = await urls("nps");
  assert.deepStrictEqual(nps.slice(0, 2).sort(), ["definitions/net-promoter-score/", "metrics/nps/"], "nps: " + nps);
  assert.strictEqual(nps[2], "vision/nps-survey/", "nps: a title starting with the query comes next: " + nps);
  assert.deepStrictEqual((await urls("NPS")).slice(0, 2), nps.slice(0, 2), "case");
  // The whole title, and a synonym.
  assert.deepStrictEqual((await urls("net promoter score")).slice(0, 2).sort(), ["definitions/net-promoter-score/", "metrics/nps/"]);
  assert.strictEqual((await urls("attrition"))[0], "definitions/churn/");
  assert.strictEqual((await urls("churn rate"))[0], "definitions/churn/");
  // The section name counts, a little.
  assert.strictEqual((await urls("definitions churn"))[0], "definitions/churn/");
  assert.deepStrictEqual(await urls("metrics loyalty"), ["metrics/nps/"]);
  // Prefix matching on every word, all words required.
  assert.ok((await urls("prom")).indexOf("definitions/net-promoter-score/") >= 0, "prefix");
  assert.deepStrictEqual((await urls("net prom sco")).slice(0, 2).sort(), ["definitions/net-promoter-score/", "metrics/nps/"]);
  assert.deepStrictEqual(await urls("nps zzzz"), [], "AND");
  assert.deepStrictEqual(await urls("   "), [], "blank");
  assert.deepStrictEqual(await urls("?!"), [], "punctuation only");
  // Accents and letters that do not decompose.
  assert.deepStrictEqual((await urls("gdansk")).sort(), ["journeys/onboarding/", "vision/nps-survey/"]);
  assert.deepStrictEqual((await urls("GDAŃSK")).sort(), ["journeys/onboarding/", "vision/nps-survey/"]);
  assert.deepStrictEqual(await urls("lodz"), ["vision/nps-survey/"]);
  // Headings, keywords of a journey.
  assert.strictEqual((await urls("discover"))[0], "journeys/onboarding/");
  assert.strictEqual((await urls("small business"))[0], "journeys/onboarding/");
  // Markup in the index is text, and is found as words.
  assert.deepStrictEqual(await urls("script alert"), ["vision/markup/"]);

  // Highlighting marks the matched prefix in the original text.
  const pieces = S.highlight("Customers in Gdańsk, GDANSK & <b>", ["gdan", "cust"]);
  assert.deepStrictEqual(pieces, [["Cust", true], ["omers in ", false], ["Gdań", true], ["sk, ", false], ["GDAN", true], ["SK & <b>", false]]);
  assert.deepStrictEqual(S.highlight("e\u0301te\u0301 ete", ["ete"]), [["e\u0301te\u0301", true], [" ", false], ["ete", true]], "combining marks");
  assert.deepStrictEqual(S.highlight("no match", ["zz"]), [["no match", false]]);
  // A snippet from the summary when it holds the query, else from the text.
  const res = await idx.search("loyalty");
  await idx.docs(res.results);
  const def = res.results.find((r) => r.doc.u === "definitions/net-promoter-score/");
  assert.ok(S.snippet(def.doc, res.terms).some((p) => p[1] && p[0] === "Loyalty"), "summary snippet");
  // A term found by its name or abbreviation shows its summary.
  const byName = (await idx.docs((await idx.search("nps")).results))[0];
  assert.strictEqual(S.snippet(byName.doc, ["nps"]).map((p) => p[0]).join(""), byName.doc.d);
  const body = docs.find((d) => d.u === "journeys/onboarding/"); // found by a word of the text only: a window of the text
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
  // Every query word loads only the files it needs, each once.
  const fresh = open(indexDir);
  await fresh.search("nps");
  const firstLoads = fresh.loads.slice();
  assert.ok(firstLoads[0] === "index" && firstLoads.length <= 3 && firstLoads.every((id) => !id.startsWith("d/")), "nps loads " + firstLoads);
  await fresh.search("nps");
  assert.deepStrictEqual(fresh.loads, firstLoads, "a second search loads nothing again");
  // A damaged file is an error, not a wrong result.
  const broken = new S.Index((id) => Promise.resolve(id === "index" ? { v: "x", n: 1, b: "", s: [""] } : { t: [["nps", "!!"]] }));
  await broken.search("nps").then(() => assert.fail("a damaged posting must be refused"), () => {});
  console.log("search core: ok");
}

// open is the index in dir, loaded as site.js loads it in a browser: each
// file a script calling ShiftbookSearch.loaded. idx.loads lists the files
// loaded, idx.bytes their sizes.
function open(dir) {
  const idx = new S.Index((id) => {
    const p = S.expect(id);
    const text = fs.readFileSync(path.join(dir, id + ".js"), "utf8");
    idx.loads.push(id);
    idx.bytes.push(Buffer.byteLength(text));
    vm.runInThisContext(text);
    S.fail(id, new Error(id + " did not call ShiftbookSearch.loaded"));
    return p;
  });
  idx.loads = [];
  idx.bytes = [];
  return idx;
}

function median(a) {
  const s = a.slice().sort((x, y) => x - y);
  return s[s.length >> 1];
}

// bench runs each query on a fresh index, as a reader's first query, and
// again on a warm one; bytes are every file it loads, the documents of the
// first 8 results included.
async function bench(dir) {
  const queries = ["nps", "net promoter score", "customer", "cust", "c", "journey", "onboarding", "renewal friction",
    "churn", "term 934", "annual capability", "employees governance", "the customer journey", "feedback loop",
    "effortless partner", "zzzz", "s", "strategic", "q", "quarterly review cadence", "a b c", "dashboard"];
  const all = [], bytes = [];
  for (const q of queries) {
    const idx = open(dir);
    await idx.open();
    const before = idx.bytes.reduce((a, b) => a + b, 0);
    const t = process.hrtime.bigint();
    const res = await idx.search(q);
    await idx.docs(res.results.slice(0, 8));
    for (const r of res.results.slice(0, 8)) S.snippet(r.doc, res.terms);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const b = idx.bytes.reduce((a, x) => a + x, 0);
    all.push(ms);
    bytes.push(b);
    console.log(`${JSON.stringify(q).padEnd(28)} ${String(res.results.length).padStart(5)} results  ${ms.toFixed(1)} ms  ${b} bytes (manifest ${before}) in ${idx.loads.length} files`);
  }
  console.log(`all queries: median ${median(all).toFixed(1)} ms, max ${Math.max(...all).toFixed(1)} ms; bytes median ${median(bytes)}, max ${Math.max(...bytes)}`);
}

// relevance searches every definition of a built site by its title, and
// its abbreviation and synonyms: the definition must come first (another
// page of the same title may share first place only by title order).
async function relevance(dir) {
  const idx = open(dir);
  await idx.open();
  const m = idx.manifest;
  const wrong = [];
  let asked = 0;
  for (let n = 0; n < m.n; n++) {
    const doc = await idx._file("d/" + n);
    if (doc.k !== "definition") continue;
    for (const name of [doc.t].concat(doc.w || [])) {
      asked++;
      const res = (await idx.search(name)).results;
      const top = res.length ? res[0].score : -1;
      const mine = res.find((r) => r.n === n);
      if (!mine || mine.score < top) wrong.push(JSON.stringify(name) + " → " + (res.length ? "document " + res[0].n : "nothing") + ", not its definition (document " + n + ")");
    }
  }
  if (!asked) throw new Error("the site has no definitions");
  if (wrong.length) throw new Error(wrong.length + " of " + asked + " names do not find their definition first:\n" + wrong.slice(0, 20).join("\n"));
  console.log("relevance: " + asked + " names of definitions find their definition first");
}

(indexDir === "-" ? Promise.resolve() : check(indexDir)).then(() => {
  if (benchDir && process.env.SEARCH_RELEVANCE) return relevance(benchDir);
  if (benchDir) return bench(benchDir);
}).catch((err) => {
  console.error(err);
  process.exit(1);
});
