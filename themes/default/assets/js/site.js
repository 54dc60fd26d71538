"use strict";
// shiftbook's own site script: offline search. Plain ES2017, no framework,
// nothing from another host. Everything is found from the page's
// <meta name="shiftbook-root"> (the relative path to the site root), so a
// site works under any path prefix, an edition in its own folder included.
//
// Two parts:
//   1. The search core (globalThis.ShiftbookSearch): folding, tokens, the
//      token index, ranking, highlighting and snippets. It touches no DOM, so
//      Node can load this file and run it against a built search/index.json.
//   2. The page part: the header search box (an ARIA 1.2 combobox with a
//      listbox of suggestions) and the /search/ page (?q= in the address).
//      The index is fetched the first time a reader focuses a search box, or
//      at once on /search/?q=..., and kept for the life of the page.

// ---------------------------------------------------------------------------
// 1. Search core
(function (global) {
  // Index documents (search/index.json, written by generator/render/search.go):
  // {t title, u URL from the site root, s section, k kind, w keywords,
  //  d summary, x start of the text}. k is left out for a plain page.

  // Fields a token may be found in, one bit each.
  const TITLE = 1, KEYWORD = 2, HEADING = 4, SUMMARY = 8, BODY = 16, SECTION = 32;
  const FIELD_BITS = 6, FIELD_MASK = (1 << FIELD_BITS) - 1;
  // Score of a query word found in a field: [field, as a prefix, as the whole token].
  const WEIGHTS = [[TITLE, 8, 12], [KEYWORD, 7, 10], [HEADING, 3, 4], [SUMMARY, 2, 3], [BODY, 1, 1.5], [SECTION, 1, 1.5]];
  // Whole-query boosts: the query is a term's title, abbreviation, synonym or
  // metric id; the title starts with it; a keyword starts with it; the title
  // holds it as a phrase.
  const EXACT = 1000, TITLE_PREFIX = 200, KEYWORD_PREFIX = 100, TITLE_PHRASE = 50;
  const KIND_LABEL = { definition: "Definition", metric: "Metric", journey: "Journey" };

  // Folding: lower case, accents and other combining marks dropped, and the
  // few letters that do not decompose spelled in ASCII, so "Gdańsk", "GDANSK"
  // and "gdansk" are one word.
  const MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  const SPECIAL = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h", "ŀ": "l", "ς": "σ" };
  const SPECIAL_RE = /[ßæœøłđðþıħŀς]/g;
  // A word is a run of digits and letters of any script (punctuation, symbols
  // and spaces separate words). ES2017 has no \p{L}, hence the ranges.
  const WORD_CLASS = "0-9a-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u1fff\\u2c00-\\u2dff\\u3040-\\ud7ff\\uf900-\\ufdff\\ufe70-\\ufefe\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a\\uff66-\\uffdc";
  const WORDS = new RegExp("[" + WORD_CLASS + "]+", "g");
  const WORD_CHAR = new RegExp("^[" + WORD_CLASS + "]");

  function fold(s) {
    return String(s).toLowerCase().normalize("NFD").replace(MARKS, "").replace(SPECIAL_RE, (c) => SPECIAL[c]);
  }

  function tokens(s) {
    return s ? fold(s).match(WORDS) || [] : [];
  }

  function startsWith(s, prefix) {
    return s.length >= prefix.length && s.lastIndexOf(prefix, 0) === 0;
  }

  // The index is written by generator/render/search as small scripts under
  // search/, each handing its JSON to ShiftbookSearch.loaded(id, data):
  //   index      the manifest: v version, n documents, b the boosted
  //              documents (definitions and metrics), s each token shard's
  //              first key (null for an empty shard)
  //   t/N        a token shard: t [[token, postings]], m [[prefix, the
  //              postings of all its tokens merged]] for a prefix too
  //              common to read token by token
  //   d/N        document N (numbered by title length, then URL)
  // Scripts, not fetch: fetch is refused from file://.
  // Postings are decoded straight into typed arrays indexed by document
  // number (a word's fields, one byte a document), never into maps: a
  // one-letter word's merged entry covers every document of a large site.
  const DIGIT = new Int8Array(128).fill(-1);
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".split("").forEach((c, i) => { DIGIT[c.charCodeAt(0)] = i; });
  // Definitions and metrics are what readers look up most: a slight boost.
  const BOOST = 1.1;
  // A place of a word in a name (the title is name 0, keyword j name j+1):
  // code = (name * 256 + position) * 2 + 1 if it is the name's last word.
  const NAME_BITS = 8;
  // SCORE[fields * 64 + exact] is what one query word adds to a document
  // it is found in (fields: where it is found as a prefix; exact: where as
  // the whole token), from WEIGHTS.
  const SCORE = new Float64Array(64 * 64);
  for (let m = 0; m < 64; m++) {
    for (let x = 0; x < 64; x++) {
      let s = 0;
      for (const wt of WEIGHTS) if (m & wt[0]) s += x & wt[0] ? wt[2] : wt[1];
      SCORE[m * 64 + x] = s;
    }
  }
  // Words decoded, kept across keystrokes: typing a query looks the same
  // words up again and again.
  const WORD_CACHE = 64;

  function damaged() {
    throw new Error("the search index is damaged");
  }

  // readVLQ reads the number at s[at.i], moving at.i past it.
  function readVLQ(s, at) {
    let v = 0, scale = 1;
    for (;;) {
      const c = s.charCodeAt(at.i++);
      const d = c < 128 ? DIGIT[c] : -1;
      if (d < 0) damaged();
      v += (d & 31) * scale;
      scale *= 32;
      if (d < 32) return v;
    }
  }

  // orDocs ORs bit into into[d] for each document d of the document set s
  // (gaps or a bitset); list receives each document seen for the first time.
  function orDocs(s, bit, into, list) {
    if (!s) return;
    const n = into.length;
    if (s.charCodeAt(0) === 126) { // "~": a bitset
      for (let j = 1; j < s.length; j++) {
        const ch = s.charCodeAt(j), c = ch < 128 ? DIGIT[ch] : -1;
        if (c < 0) damaged();
        if (!c) continue;
        for (let b = 0, d = (j - 1) * 6; b < 6; b++, d++) {
          if (!(c & (1 << b))) continue;
          if (d >= n) damaged();
          if (!into[d] && list) list.push(d);
          into[d] |= bit;
        }
      }
      return;
    }
    const at = { i: 0 };
    let d = -1;
    while (at.i < s.length) {
      d += readVLQ(s, at) + 1;
      if (d >= n) damaged();
      if (!into[d] && list) list.push(d);
      into[d] |= bit;
    }
  }

  // decodePosting reads one token's postings: its fields OR-ed into
  // fields (list gets each new document), its places in names appended to
  // occ as pairs (document, code).
  function decodePosting(s, fields, list, occ) {
    const parts = s.split(".");
    for (let f = 0; f < FIELD_BITS && f < parts.length; f++) orDocs(parts[f], 1 << f, fields, list);
    const o = parts[FIELD_BITS] || "", at = { i: 0 };
    let d = -1;
    while (at.i < o.length) {
      d += readVLQ(o, at) + 1;
      if (d >= fields.length) damaged();
      const n = readVLQ(o, at);
      for (let k = 0; k < n; k++) occ.push(d, readVLQ(o, at));
    }
  }

  // lowerBoundKey is the first index of sorted [[key, value]] whose key is >= key.
  function lowerBoundKey(list, key) {
    let lo = 0, hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid][0] < key) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  // Index is the index as a reader uses it: load(id, version) returns a
  // promise of a file's data; each file is loaded once.
  function Index(load) {
    this._load = load;
    this._files = new Map();
    this._words = new Map();
    this.manifest = null;
  }

  Index.prototype._file = function (id) {
    let p = this._files.get(id);
    if (!p) {
      p = this._load(id, this.manifest ? this.manifest.v : "");
      this._files.set(id, p);
      p.catch(() => this._files.delete(id));
    }
    return p;
  };

  // open loads the manifest.
  Index.prototype.open = function () {
    if (!this._open) {
      this._open = this._file("index").then((m) => {
        if (!m || !Array.isArray(m.s) || !(m.n >= 0)) throw new Error("the search index is not an index");
        const boost = new Uint8Array(m.n);
        orDocs(m.b, 1, boost, null);
        this.manifest = m;
        this.boost = boost;
        return this;
      });
      this._open.catch(() => { this._open = null; });
    }
    return this._open;
  };

  // _entries finds the index entries of a query word, undecoded: pref, the
  // postings of every token it begins (or one merged entry); exact, the
  // postings of the token it is (or null). The shards after the first that
  // the word's tokens run into load in parallel.
  Index.prototype._entries = async function (w) {
    const s = this.manifest.s;
    let i = -1, first = -1;
    for (let k = 0; k < s.length; k++) {
      if (s[k] === null) continue;
      if (first < 0) first = k;
      if (s[k] <= w) i = k; else break;
    }
    if (i < 0) i = first;
    if (i < 0) return { pref: [], exact: null };
    const data = await this._file("t/" + i);
    const t = data.t, m = data.m || [];
    const k = lowerBoundKey(t, w);
    const exact = k < t.length && t[k][0] === w ? t[k][1] : null;
    const mk = lowerBoundKey(m, w);
    if (mk < m.length && m[mk][0] === w) return { pref: [m[mk][1]], exact: exact };
    const pref = [];
    let j = k;
    for (; j < t.length && startsWith(t[j][0], w); j++) pref.push(t[j][1]);
    if (j < t.length) return { pref: pref, exact: exact };
    const more = [];
    for (let n = i + 1; n < s.length; n++) {
      if (s[n] === null) continue;
      if (!startsWith(s[n], w)) break;
      more.push(this._file("t/" + n));
    }
    for (const next of await Promise.all(more)) {
      for (const e of next.t) {
        if (!startsWith(e[0], w)) break;
        pref.push(e[1]);
      }
    }
    return { pref: pref, exact: exact };
  };

  // _word decodes a query word's entries: fields, document → the fields
  // it is found in as a prefix; docs, those documents; exact, document →
  // the fields it is found in as the whole token (or null); occ, pairs
  // (document, code) of its places in names as a prefix; exactOcc, document
  // → codes as the whole token.
  Index.prototype._word = function (w, entries) {
    let word = this._words.get(w);
    if (word) {
      this._words.delete(w); // most recently used last
      this._words.set(w, word);
      return word;
    }
    const n = this.manifest.n;
    word = { fields: new Uint8Array(n), docs: [], exact: null, occ: [], exactOcc: new Map() };
    for (const e of entries.pref) decodePosting(e, word.fields, word.docs, word.occ);
    if (entries.exact !== null) {
      word.exact = new Uint8Array(n);
      const occ = [];
      decodePosting(entries.exact, word.exact, null, occ);
      for (let k = 0; k < occ.length; k += 2) {
        const codes = word.exactOcc.get(occ[k]);
        if (codes) codes.push(occ[k + 1]); else word.exactOcc.set(occ[k], [occ[k + 1]]);
      }
    }
    this._words.set(w, word);
    if (this._words.size > WORD_CACHE) this._words.delete(this._words.keys().next().value);
    return word;
  };

  // search finds every document holding all the words of query (each word
  // as a prefix of a word of the document), best first:
  // {terms: the folded query words, results: [{n, score}]}. With current,
  // a function saying whether the query is still wanted, a query the reader
  // has typed past by the time its shards are in is not ranked (null).
  Index.prototype.search = async function (query, current) {
    const words = tokens(query);
    const terms = Array.from(new Set(words));
    if (!terms.length) return { terms: terms, results: [] };
    await this.open();
    const entries = await Promise.all(terms.map((t) => this._entries(t)));
    if (current && !current()) return null;
    const found = new Map();
    terms.forEach((t, i) => found.set(t, this._word(t, entries[i])));
    // Rarest (longest) words first: the candidate list shrinks sooner.
    const order = terms.slice().sort((a, b) => b.length - a.length);
    let cand = null, score = null;
    for (const t of order) {
      const w = found.get(t), F = w.fields, X = w.exact;
      if (cand === null) {
        cand = w.docs.slice();
        score = new Float64Array(cand.length);
        for (let j = 0; j < cand.length; j++) {
          const d = cand[j];
          score[j] = SCORE[F[d] * 64 + (X ? X[d] : 0)];
        }
        continue;
      }
      let k = 0;
      for (let j = 0; j < cand.length; j++) {
        const d = cand[j], m = F[d];
        if (!m) continue;
        cand[k] = d;
        score[k++] = score[j] + SCORE[m * 64 + (X ? X[d] : 0)];
      }
      cand.length = k;
      if (!k) break;
    }
    // The whole query as a name: a term's title, abbreviation, synonym or
    // metric id (EXACT); the start of its title or a keyword; a phrase of
    // its title. From the places of the words in the names: each place of
    // the last word (as a prefix) in a candidate's name, the words before
    // it (whole) just before it.
    const n = words.length;
    const whole = words.map((w) => found.get(w).exactOcc);
    const last = found.get(words[n - 1]);
    const slot = new Int32Array(this.manifest.n); // document → its place in cand, plus one
    for (let j = 0; j < cand.length; j++) slot[cand[j]] = j + 1;
    const bonus = new Float64Array(cand.length);
    const occ = last.occ;
    for (let k = 0; k < occ.length; k += 2) {
      const d = occ[k], j = slot[d] - 1;
      if (j < 0) continue;
      const code = occ[k + 1];
      const name = code >> (NAME_BITS + 1), pos = (code >> 1) & ((1 << NAME_BITS) - 1);
      const start = pos - (n - 1);
      if (start < 0) continue;
      let ok = true;
      for (let i = 0; i < n - 1 && ok; i++) {
        const c = whole[i].get(d), base = ((name << NAME_BITS) + start + i) * 2;
        ok = !!c && (c.indexOf(base) >= 0 || c.indexOf(base + 1) >= 0);
      }
      if (!ok) continue;
      let b = 0;
      if (start === 0 && (code & 1) && (whole[n - 1].get(d) || []).indexOf(code) >= 0) b = EXACT;
      else if (start === 0) b = name === 0 ? TITLE_PREFIX : KEYWORD_PREFIX;
      else if (name === 0) b = TITLE_PHRASE;
      if (b > bonus[j]) bonus[j] = b;
    }
    const boost = this.boost;
    for (let j = 0; j < cand.length; j++) score[j] = (score[j] + bonus[j]) * (boost[cand[j]] ? BOOST : 1);
    return { terms: terms, results: ranked(cand, score, this.manifest.n) };
  };

  // ranked is the documents docs with their scores, best first, ties by
  // document number. A query of a large site finds thousands of documents
  // with a few hundred distinct scores: each becomes one number, the rank of
  // its score then the document, and a typed array sorts those natively.
  function ranked(docs, score, n) {
    const results = new Array(docs.length);
    const SPAN = 2097152; // 2^21 documents
    if (n > SPAN) {
      for (let j = 0; j < docs.length; j++) results[j] = { n: docs[j], score: score[j] };
      return results.sort((a, b) => b.score - a.score || a.n - b.n);
    }
    const distinct = Array.from(new Set(score)).sort((a, b) => b - a);
    const rank = new Map();
    distinct.forEach((s, i) => rank.set(s, i));
    const keys = new Float64Array(docs.length);
    for (let j = 0; j < docs.length; j++) keys[j] = rank.get(score[j]) * SPAN + docs[j];
    keys.sort();
    for (let j = 0; j < keys.length; j++) {
      const k = keys[j], r = Math.floor(k / SPAN);
      results[j] = { n: k - r * SPAN, score: distinct[r] };
    }
    return results;
  }

  // docs loads the documents of results (r.doc).
  Index.prototype.docs = function (results) {
    return Promise.all(results.map((r) => r.doc ? r : this._file("d/" + r.n).then((doc) => {
      r.doc = doc;
      return r;
    })));
  };

  // Files of the index arrive as scripts calling loaded(id, data); expect
  // returns the promise of one.
  const pending = new Map();
  function expect(id) {
    let e = pending.get(id);
    if (!e) {
      e = {};
      e.promise = new Promise((resolve, reject) => {
        e.resolve = resolve;
        e.reject = reject;
      });
      pending.set(id, e);
    }
    return e;
  }
  function loaded(id, data) {
    const e = pending.get(id);
    if (e) {
      pending.delete(id);
      e.resolve(data);
    }
  }

  // Highlighting works on the original text, one character at a time, so
  // that folding never shifts what is marked.
  const foldCache = new Map();
  function foldChar(c) {
    let f = foldCache.get(c);
    if (f === undefined) {
      f = fold(c);
      foldCache.set(c, f);
    }
    return f;
  }

  // matches returns [start, end) ranges of text where a word begins with one
  // of terms (the matched prefix only), in order; at most limit of them.
  function matches(text, terms, limit) {
    const out = [];
    if (!text || !terms.length) return out;
    const n = text.length;
    let i = 0;
    while (i < n && out.length < (limit || Infinity)) {
      let f = foldChar(text[i]);
      if (!f || !WORD_CHAR.test(f)) {
        i++;
        continue;
      }
      const start = i;
      let word = "";
      const ends = [];
      while (i < n) {
        f = foldChar(text[i]);
        if (f === "") { // a combining mark belongs to the letter before it
          i++;
          if (ends.length) ends[ends.length - 1][1] = i;
          continue;
        }
        if (!WORD_CHAR.test(f)) break;
        word += f;
        i++;
        ends.push([word.length, i]);
      }
      let best = 0;
      for (let k = 0; k < terms.length; k++) {
        if (terms[k].length > best && startsWith(word, terms[k])) best = terms[k].length;
      }
      if (best) {
        let end = i;
        for (let k = 0; k < ends.length; k++) {
          if (ends[k][0] >= best) {
            end = ends[k][1];
            break;
          }
        }
        out.push([start, end]);
      }
    }
    return out;
  }

  // highlight splits text into [text, marked] pieces, the matched word
  // prefixes marked.
  function highlight(text, terms) {
    const out = [];
    let last = 0;
    for (const r of matches(text, terms)) {
      if (r[0] > last) out.push([text.slice(last, r[0]), false]);
      out.push([text.slice(r[0], r[1]), true]);
      last = r[1];
    }
    if (last < text.length) out.push([text.slice(last), false]);
    return out;
  }

  // excerpt is about size characters of text, cut at spaces, from near from.
  function excerpt(text, from, size) {
    let start = Math.max(0, from);
    if (start > 0) {
      const sp = text.lastIndexOf(" ", start);
      start = sp > 0 ? sp + 1 : 0;
    }
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const sp = text.lastIndexOf(" ", end);
      if (sp > start) end = sp;
    }
    return (start > 0 ? "… " : "") + text.slice(start, end).replace(/\s*…$/, "") + (end < text.length || / …$/.test(text) ? " …" : "");
  }

  const SNIPPET = 180;

  // snippet is the text to show under a result, as highlight pieces: the
  // summary when the query is in it or in the title or a keyword (the
  // reader found the term itself: say what it is), else the stretch of body
  // text holding most of the query words, else the summary or the start of
  // the text.
  function snippet(doc, terms, size) {
    size = size || SNIPPET;
    const summary = doc.d || "", text = doc.x || "";
    const named = () => matches(doc.t, terms, 1).length || (doc.w || []).some((w) => matches(w, terms, 1).length);
    if (summary && (matches(summary, terms, 1).length || named())) {
      return highlight(summary.length > size * 1.5 ? excerpt(summary, 0, size) : summary, terms);
    }
    const ms = matches(text, terms, 200);
    if (ms.length) {
      // The window of size characters that starts at a match and holds the
      // most distinct matched words.
      let best = 0, bestCount = -1;
      for (let a = 0; a < ms.length; a++) {
        const seen = new Set();
        for (let b = a; b < ms.length && ms[b][0] < ms[a][0] + size - 40; b++) {
          seen.add(fold(text.slice(ms[b][0], ms[b][1])));
        }
        if (seen.size > bestCount) {
          best = a;
          bestCount = seen.size;
        }
      }
      return highlight(excerpt(text, ms[best][0] - 40, size), terms);
    }
    if (summary) return highlight(summary, terms);
    return highlight(excerpt(text, 0, size), terms);
  }

  global.ShiftbookSearch = {
    fold: fold,
    tokens: tokens,
    Index: Index,
    expect: (id) => expect(id).promise,
    fail: (id, err) => {
      const e = pending.get(id);
      if (e) {
        pending.delete(id);
        e.reject(err);
      }
    },
    loaded: loaded,
    highlight: highlight,
    snippet: snippet,
    kindLabel: (kind) => KIND_LABEL[kind] || "Page",
  };
})(typeof globalThis !== "undefined" ? globalThis : this);

// ---------------------------------------------------------------------------
// 2. Search on the page
(function () {
  if (typeof document === "undefined") return;
  const S = globalThis.ShiftbookSearch;
  const SUGGESTIONS = 8; // in the header box
  // MORE_LINKS are links the header box shows below its suggestions
  // (another script's, in a block marked data-search-more), reached with
  // the arrows too.
  const MORE_LINKS = "[data-search-more] a";
  const PAGE_SIZE = 50; // on /search/, shown at a time

  // The page's interface text for scripts: <script type="application/json"
  // id="shiftbook-text"> written from the theme's tables (js.* keys) on a
  // page in another language than English; the English below otherwise.
  // {name} in a text is replaced by vars.name; a count's text has the
  // forms of the page's language's plural rules (key.one, key.other, …).
  const TEXT = (function () {
    const block = document.getElementById("shiftbook-text");
    try {
      const t = block ? JSON.parse(block.textContent) : null;
      return t && typeof t === "object" ? t : {};
    } catch (e) {
      return {};
    }
  })();
  const PLURAL = typeof Intl !== "undefined" && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang || "en") : null;
  function tr(key, english, vars) {
    let s = typeof TEXT[key] === "string" ? TEXT[key] : english;
    for (const k in vars || {}) s = s.split("{" + k + "}").join(String(vars[k]));
    return s;
  }
  function trN(key, n, english, vars) {
    const form = PLURAL ? PLURAL.select(n) : n === 1 ? "one" : "other";
    const k = typeof TEXT[key + "." + form] === "string" ? key + "." + form : key + ".other";
    return tr(k, n === 1 ? english[0] : english[1], Object.assign({ n: n }, vars || {}));
  }

  function siteRoot() {
    const meta = document.querySelector('meta[name="shiftbook-root"]');
    if (meta) return meta.getAttribute("content") || "";
    const input = document.querySelector("[data-search-root]");
    return input ? input.getAttribute("data-search-root") || "" : "";
  }

  function siteURL(rel) {
    return new URL(siteRoot() + rel, document.baseURI).href;
  }

  let index = null;
  // loadIndex opens the index (its manifest) once per page; a failed load
  // is tried again the next time. Its files are scripts (see part 1).
  function loadIndex() {
    if (!index) {
      index = new S.Index((id, version) => {
        const p = S.expect(id);
        const script = document.createElement("script");
        script.src = siteURL("search/" + id + ".js" + (version ? "?v=" + encodeURIComponent(version) : ""));
        script.async = true;
        script.onload = () => {
          script.remove();
          S.fail(id, new Error("search/" + id + ".js is not part of the index"));
        };
        script.onerror = () => {
          script.remove();
          S.fail(id, new Error("search/" + id + ".js could not be loaded"));
        };
        document.head.appendChild(script);
        return p;
      });
    }
    return index.open();
  }

  // find runs a query and loads the documents of its first count results,
  // unless current() says by then that the reader has typed on: the
  // documents of a query nobody sees are not loaded (null). each(res, k),
  // if given, is called as the documents arrive: the first k results have
  // theirs.
  function find(q, count, current, each) {
    return loadIndex().then((idx) => idx.search(q, current).then((res) => {
      if (!res || (current && !current())) return null;
      const top = res.results.slice(0, count);
      let ready = 0;
      const arrived = () => {
        let k = ready;
        while (k < top.length && top[k].doc) k++;
        if (k > ready) {
          ready = k;
          if (each) each(res, k);
        }
      };
      return Promise.all(top.map((r) => idx.docs([r]).then(arrived))).then(() => res);
    }));
  }

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text) e.textContent = text;
    return e;
  }

  // appendPieces adds highlight pieces to parent as text and <mark> nodes:
  // index text never becomes markup.
  function appendPieces(parent, pieces) {
    for (const p of pieces) {
      parent.appendChild(p[1] ? el("mark", "", p[0]) : document.createTextNode(p[0]));
    }
    return parent;
  }

  // The page's interface text and element helpers, for the theme's other
  // scripts (languages.js): one reading of the text block, one el.
  S.ui = { tr: tr, trN: trN, el: el, appendPieces: appendPieces };

  // originalMark marks e as written in the site's default language: the
  // language of a page a translated tree shows untranslated (doc.f). The
  // switcher's default entry names that language, with its dir where it
  // is not the page's, as every mark of the page has it.
  function originalMark(e) {
    const name = document.querySelector(".language-switcher a[data-default] .lang-name");
    if (!name || !name.lang) return e;
    e.lang = name.lang;
    if (name.getAttribute("dir")) e.dir = name.getAttribute("dir");
    return e;
  }

  // fillResult writes a result's title, kind, section and snippet into item.
  // A page not translated yet is found in its original's words: its title
  // and snippet are marked with that language.
  function fillResult(item, titleTag, doc, terms) {
    const title = appendPieces(el(titleTag, "search-title"), S.highlight(doc.t, terms));
    if (titleTag === "a") title.href = siteRoot() + doc.u || "./";
    if (doc.f) originalMark(title);
    item.appendChild(title);
    item.appendChild(document.createTextNode(" "));
    item.appendChild(el("span", "search-kind search-kind-" + (doc.k || "page"), tr("kind." + (doc.k || "page"), S.kindLabel(doc.k))));
    if (doc.s) {
      item.appendChild(document.createTextNode(" "));
      item.appendChild(el("span", "search-section", doc.s));
    }
    const pieces = S.snippet(doc, terms);
    if (pieces.length) {
      item.appendChild(document.createTextNode(" "));
      const snippet = appendPieces(el("p", "search-snippet"), pieces);
      if (doc.f) originalMark(snippet);
      item.appendChild(snippet);
    }
  }

  function resultCount(n) {
    return trN("results", n, ["1 result", "{n} results"]);
  }

  function quoted(q) {
    return tr("quoted", "\u201c{query}\u201d", { query: q });
  }

  // The header box: an ARIA 1.2 combobox whose suggestions are a listbox.
  function initHeader(input) {
    const form = input.form;
    const box = document.getElementById("header-results");
    if (!form || !box) return;
    const listID = "header-results-list";
    const list = el("ul", "");
    list.id = listID;
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", tr("suggestions", "Suggestions"));
    list.hidden = true;
    const note = el("p", "search-empty");
    note.hidden = true;
    const all = el("a", "search-all");
    all.hidden = true;
    box.textContent = "";
    box.appendChild(list);
    box.appendChild(note);
    box.appendChild(all);
    const live = el("span", "visually-hidden");
    live.setAttribute("role", "status");
    form.appendChild(live);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listID);

    let shown = []; // documents in the list
    let active = -1;
    let announce = 0;

    function setActive(i) {
      const opts = list.children;
      if (active >= 0 && opts[active]) opts[active].setAttribute("aria-selected", "false");
      active = i;
      if (i >= 0 && opts[i]) {
        opts[i].setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", opts[i].id);
        if (opts[i].scrollIntoView) opts[i].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function close() {
      setActive(-1);
      box.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function say(text) {
      clearTimeout(announce);
      announce = setTimeout(() => {
        live.textContent = text;
      }, 600);
    }

    function showNote(text) {
      list.hidden = true;
      list.textContent = "";
      list.removeAttribute("data-q");
      shown = [];
      setActive(-1);
      all.hidden = true;
      note.textContent = text;
      note.hidden = false;
      box.hidden = false;
      input.setAttribute("aria-expanded", "false");
    }

    // show lists the first k suggestions of res (all with their documents),
    // adding to the list when it already shows the first ones of q.
    function show(res, q, k) {
      const top = res.results.slice(0, Math.min(k, SUGGESTIONS));
      if (!top.length) {
        showNote(tr("no_results_for", "No results for {query}.", { query: quoted(q) }));
        say(tr("no_results", "No results."));
        return;
      }
      if (list.hidden || list.getAttribute("data-q") !== q) {
        shown = [];
        setActive(-1);
        list.textContent = "";
        list.setAttribute("data-q", q); // the query the list is for
      }
      for (let i = shown.length; i < top.length; i++) {
        const li = el("li", "search-result");
        li.id = listID + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        fillResult(li, "span", top[i].doc, res.terms);
        list.appendChild(li);
        shown.push(top[i].doc);
      }
      note.hidden = true;
      list.hidden = false;
      all.textContent = tr("show_all", "Show all results ({n})", { n: res.results.length });
      all.href = siteRoot() + "search/?q=" + encodeURIComponent(q);
      all.hidden = false;
      box.hidden = false;
      input.setAttribute("aria-expanded", "true");
      say(tr("choose", "{results}. Use the up and down arrows to choose one.", { results: resultCount(res.results.length) }));
    }

    function update() {
      const q = input.value.trim();
      if (!q) {
        close();
        return;
      }
      const wanted = () => input.value.trim() === q && document.activeElement === input;
      // The first suggestions show as soon as their documents are in, the
      // rest as theirs arrive.
      const p = find(q, SUGGESTIONS, () => input.value.trim() === q, (res, k) => {
        if (wanted()) show(res, q, k);
      });
      let done = false;
      p.then((res) => {
        done = true;
        if (res && wanted()) show(res, q, SUGGESTIONS);
      }, (err) => {
        done = true;
        if (input.value.trim() === q) showNote(tr("unavailable", "Search is unavailable: the index could not be loaded ({error}).", { error: err.message }));
      });
      // The suggestions of the query before stay until this one's are in
      // (a keystroke later, as a rule). With none shown, a first load that
      // takes a moment on a large site says so.
      if (box.hidden || list.hidden) {
        Promise.resolve().then(() => {
          if (!done) showNote(tr("loading", "Loading the search index\u2026"));
        });
      }
    }

    let opening = false;
    function open(doc) {
      opening = true;
      close();
      window.location.href = siteURL(doc.u);
    }

    // refocus: the focus comes back from the links below the suggestions,
    // which stay as they are.
    let refocus = false;
    function backToBox() {
      refocus = true;
      input.focus();
      refocus = false;
    }
    input.addEventListener("focus", () => {
      loadIndex().catch(() => {});
      if (input.value.trim() && !refocus) update();
    });
    // The pointer on its way to the box: the manifest starts loading before
    // the click.
    form.addEventListener("pointerenter", () => loadIndex().catch(() => {}));
    input.addEventListener("input", update);
    input.addEventListener("keydown", (e) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const n = shown.length;
      switch (e.key) {
        case "ArrowDown":
        case "Down": {
          e.preventDefault();
          // Past the last suggestion (or with none), the links below them
          // (on a site of languages, the other languages' hits).
          const more = box.hidden ? null : box.querySelector(MORE_LINKS);
          if (more && (active === n - 1 || list.hidden)) {
            setActive(-1);
            more.focus();
          } else if (box.hidden || list.hidden) update();
          else if (n) setActive(active < 0 ? 0 : (active + 1) % n);
          break;
        }
        case "ArrowUp":
        case "Up":
          e.preventDefault();
          if (!box.hidden && n) setActive(active < 0 ? n - 1 : (active - 1 + n) % n);
          break;
        case "Enter":
          // With a suggestion chosen, open it; else the form goes to /search/.
          if (!box.hidden && active >= 0 && shown[active]) {
            e.preventDefault();
            open(shown[active]);
          }
          break;
        case "Escape":
        case "Esc":
          // The first Escape closes the list; the next clears the box.
          if (!box.hidden) {
            e.preventDefault();
            close();
          }
          break;
      }
    });
    // The list keeps the focus in the box: options are chosen by click.
    // Enter on a chosen suggestion opens it and must not also send the form
    // (a key event may still arrive as a keypress after a cancelled keydown).
    form.addEventListener("submit", (e) => {
      if (opening) e.preventDefault();
    });
    // Arrows move between the links below the suggestions as between
    // the suggestions; up from the first goes back to the last suggestion,
    // and Escape back to the box.
    box.addEventListener("keydown", (e) => {
      if (e.altKey || e.ctrlKey || e.metaKey || !e.target.matches || !e.target.matches(MORE_LINKS)) return;
      const links = Array.from(box.querySelectorAll(MORE_LINKS));
      const i = links.indexOf(e.target);
      switch (e.key) {
        case "ArrowDown":
        case "Down":
          e.preventDefault();
          if (i + 1 < links.length) links[i + 1].focus();
          break;
        case "ArrowUp":
        case "Up":
          e.preventDefault();
          if (i > 0) links[i - 1].focus();
          else {
            backToBox();
            if (shown.length) setActive(shown.length - 1);
          }
          break;
        case "Escape":
        case "Esc":
          e.preventDefault();
          backToBox();
          close();
          break;
      }
    });
    list.addEventListener("mousedown", (e) => e.preventDefault());
    list.addEventListener("click", (e) => {
      const li = e.target.closest ? e.target.closest('[role="option"]') : null;
      if (li) open(shown[Array.prototype.indexOf.call(list.children, li)]);
    });
    form.addEventListener("focusout", () => {
      setTimeout(() => {
        if (!form.contains(document.activeElement)) close();
      }, 0);
    });
    document.addEventListener("mousedown", (e) => {
      if (!box.hidden && !form.contains(e.target)) close();
    });
  }

  // The /search/ page: every result, ?q= in the address.
  function initPage(input) {
    const status = document.getElementById("search-status");
    const list = document.getElementById("search-results-list");
    if (!status || !list) return;
    const more = el("button", "search-more");
    more.type = "button";
    more.hidden = true;
    list.parentNode.insertBefore(more, list.nextSibling);
    let current = null; // {terms, results, shown}
    let seq = 0;

    function showMore(focus) {
      const cur = current, from = cur.shown;
      const to = Math.min(cur.results.length, from + PAGE_SIZE);
      cur.shown = to;
      loadIndex().then((idx) => idx.docs(cur.results.slice(from, to))).then(() => {
        if (current === cur) appendResults(from, to, focus);
      }, (err) => {
        if (current === cur) status.textContent = tr("unavailable", "Search is unavailable: the index could not be loaded ({error}).", { error: err.message });
      });
    }

    function appendResults(from, to, focus) {
      for (let i = from; i < to; i++) {
        const li = el("li", "search-result");
        fillResult(li, "a", current.results[i].doc, current.terms);
        list.appendChild(li);
      }
      const left = current.results.length - to;
      more.hidden = left <= 0;
      more.textContent = left > PAGE_SIZE
        ? tr("show_more", "Show {n} more ({left} not shown yet)", { n: PAGE_SIZE, left: left })
        : tr("show_last", "Show the last {results}", { results: resultCount(left) });
      if (focus && list.children[from]) list.children[from].querySelector("a").focus();
    }

    function run() {
      const q = input.value.trim();
      const my = ++seq;
      list.textContent = "";
      more.hidden = true;
      current = null;
      if (!q) {
        status.textContent = "";
        return;
      }
      status.textContent = tr("searching", "Searching\u2026");
      find(q, PAGE_SIZE, () => my === seq).then((res) => {
        if (my !== seq) return;
        current = { terms: res.terms, results: res.results, shown: 0 };
        status.textContent = res.results.length
          ? tr("results_for", "{results} for {query}", { results: resultCount(res.results.length), query: quoted(q) })
          : tr("no_results_hint", "No results for {query}. Try fewer or shorter words, or browse the glossary.", { query: quoted(q) });
        showMore(false);
      }, (err) => {
        if (my === seq) status.textContent = tr("unavailable", "Search is unavailable: the index could not be loaded ({error}).", { error: err.message });
      });
    }

    function keepInAddress() {
      if (!window.history || !history.replaceState) return;
      const u = new URL(window.location.href);
      if (input.value.trim()) u.searchParams.set("q", input.value.trim());
      else u.searchParams.delete("q");
      history.replaceState(history.state, "", u.pathname + u.search + u.hash);
    }

    more.addEventListener("click", () => showMore(true));
    input.addEventListener("focus", () => loadIndex().catch(() => {}));
    input.addEventListener("input", () => {
      keepInAddress();
      run();
    });
    if (input.form) {
      input.form.addEventListener("submit", (e) => {
        e.preventDefault();
        keepInAddress();
        run();
      });
    }
    // ArrowDown from the box goes to the first result; arrows move between
    // results; ArrowUp from the first goes back to the box.
    input.addEventListener("keydown", (e) => {
      if ((e.key === "ArrowDown" || e.key === "Down") && list.firstElementChild) {
        e.preventDefault();
        list.firstElementChild.querySelector("a").focus();
      }
    });
    list.addEventListener("keydown", (e) => {
      const down = e.key === "ArrowDown" || e.key === "Down", up = e.key === "ArrowUp" || e.key === "Up";
      if (!down && !up) return;
      const li = e.target.closest ? e.target.closest("li") : null;
      if (!li) return;
      e.preventDefault();
      const next = down ? li.nextElementSibling : li.previousElementSibling;
      if (next) next.querySelector("a").focus();
      else if (up) input.focus();
      else if (!more.hidden) more.focus();
    });

    const q = new URLSearchParams(window.location.search).get("q");
    if (q) {
      input.value = q;
      run();
    }
  }

  function init() {
    const header = document.getElementById("header-q");
    if (header) initHeader(header);
    const full = document.querySelector('input[data-search-full="true"]');
    if (full) initPage(full);
    // "/" focuses the header search, unless the reader is typing somewhere.
    // The "/" itself is not typed into the box: the keydown is cancelled,
    // and so is a keypress that some drivers still send after it.
    const box = header || full;
    let slash = false;
    document.addEventListener("keydown", (e) => {
      slash = false;
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || !box) return;
      const t = e.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      e.preventDefault();
      slash = true;
      box.focus();
      box.select();
    });
    document.addEventListener("keypress", (e) => {
      if (slash && e.key === "/") e.preventDefault();
      slash = false;
    }, true);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
