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
  //  d summary, h headings, x start of the text}. k is left out for a plain page.

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
  const DIGIT = {};
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".split("").forEach((c, i) => { DIGIT[c] = i; });
  // Definitions and metrics are what readers look up most: a slight boost.
  const BOOST = 1.1;
  // A place of a word in a name (the title is name 0, keyword j name j+1):
  // code = (name * 256 + position) * 2 + 1 if it is the name's last word.
  const NAME_BITS = 8;

  function readVLQ(s, at) {
    let v = 0, scale = 1;
    for (;;) {
      const d = DIGIT[s[at.i++]];
      if (d === undefined) throw new Error("the search index is damaged");
      v += (d & 31) * scale;
      scale *= 32;
      if (d < 32) return v;
    }
  }

  function decodeDocs(s, bit, mask) {
    if (!s) return;
    if (s[0] === "~") {
      for (let j = 1; j < s.length; j++) {
        const c = DIGIT[s[j]];
        for (let b = 0; b < 6; b++) if (c & (1 << b)) { const d = (j - 1) * 6 + b; mask.set(d, (mask.get(d) || 0) | bit); }
      }
      return;
    }
    const at = { i: 0 };
    let d = -1;
    while (at.i < s.length) {
      d += readVLQ(s, at) + 1;
      mask.set(d, (mask.get(d) || 0) | bit);
    }
  }

  // decodePosting reads one token's postings: mask, document → fields;
  // occ, document → places in its names.
  function decodePosting(s) {
    const parts = s.split(".");
    const mask = new Map(), occ = new Map();
    for (let f = 0; f < FIELD_BITS && f < parts.length; f++) decodeDocs(parts[f], 1 << f, mask);
    const o = parts[FIELD_BITS] || "", at = { i: 0 };
    let d = -1;
    while (at.i < o.length) {
      d += readVLQ(o, at) + 1;
      const n = readVLQ(o, at), codes = [];
      for (let k = 0; k < n; k++) codes.push(readVLQ(o, at));
      occ.set(d, codes);
    }
    return { mask: mask, occ: occ };
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
    this._decoded = new Map();
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
        if (!m || !Array.isArray(m.s)) throw new Error("the search index is not an index");
        const boost = new Map();
        decodeDocs(m.b, 1, boost);
        this.manifest = m;
        this.boost = boost;
        return this;
      });
      this._open.catch(() => { this._open = null; });
    }
    return this._open;
  };

  Index.prototype._posting = function (shard, kind, entry) {
    const key = shard + kind + entry[0];
    let p = this._decoded.get(key);
    if (!p) {
      p = decodePosting(entry[1]);
      this._decoded.set(key, p);
    }
    return p;
  };

  // _word finds a query word: pref, the postings of every token it begins;
  // exact, the postings of the token it is (or null).
  Index.prototype._word = async function (w) {
    const s = this.manifest.s;
    let i = -1, first = -1;
    for (let k = 0; k < s.length; k++) {
      if (s[k] === null) continue;
      if (first < 0) first = k;
      if (s[k] <= w) i = k; else break;
    }
    if (i < 0) i = first;
    if (i < 0) return { pref: [], exact: null };
    let data = await this._file("t/" + i);
    const t = data.t, m = data.m || [];
    let k = lowerBoundKey(t, w);
    const exact = k < t.length && t[k][0] === w ? this._posting(i, "t", t[k]) : null;
    const mk = lowerBoundKey(m, w);
    if (mk < m.length && m[mk][0] === w) return { pref: [this._posting(i, "m", m[mk])], exact: exact };
    const pref = [];
    for (let j = i; ;) {
      const list = data.t;
      for (; k < list.length && startsWith(list[k][0], w); k++) pref.push(this._posting(j, "t", list[k]));
      if (k < list.length) break;
      do j++; while (j < s.length && s[j] === null);
      if (j >= s.length || !startsWith(s[j], w)) break;
      data = await this._file("t/" + j);
      k = 0;
    }
    return { pref: pref, exact: exact };
  };

  // search finds every document holding all the words of query (each word
  // as a prefix of a word of the document), best first:
  // {terms: the folded query words, results: [{n, score}]}.
  Index.prototype.search = async function (query) {
    const words = tokens(query);
    const terms = Array.from(new Set(words));
    if (!terms.length) return { terms: terms, results: [] };
    await this.open();
    const found = new Map();
    const looked = await Promise.all(terms.map((t) => this._word(t)));
    terms.forEach((t, i) => found.set(t, looked[i]));
    // Rarest (longest) words first: the candidate list shrinks sooner.
    const order = terms.slice().sort((a, b) => b.length - a.length);
    const score = new Map();
    let cand = null;
    for (const t of order) {
      const w = found.get(t);
      let fields = w.pref.length === 1 ? w.pref[0].mask : null;
      if (!fields) {
        fields = new Map();
        for (const p of w.pref) for (const e of p.mask) fields.set(e[0], (fields.get(e[0]) || 0) | e[1]);
      }
      const exact = w.exact ? w.exact.mask : new Map();
      const next = [];
      const from = cand === null ? fields.keys() : cand;
      for (const d of from) {
        const m = fields.get(d);
        if (!m) continue;
        const x = exact.get(d) || 0;
        let s = cand === null ? 0 : score.get(d);
        for (let f = 0; f < WEIGHTS.length; f++) {
          const wt = WEIGHTS[f];
          if (m & wt[0]) s += x & wt[0] ? wt[2] : wt[1];
        }
        score.set(d, s);
        next.push(d);
      }
      cand = next;
      if (!cand.length) break;
    }
    const n = words.length;
    const whole = words.map((w) => found.get(w).exact);
    const lastPref = found.get(words[n - 1]).pref;
    const at = (i, d, name, pos) => {
      const c = whole[i] && whole[i].occ.get(d);
      const base = ((name << NAME_BITS) + pos) * 2;
      return !!c && (c.indexOf(base) >= 0 || c.indexOf(base + 1) >= 0);
    };
    // The whole query as a name: a term's title, abbreviation, synonym or
    // metric id (EXACT); the start of its title or a keyword; a phrase of
    // its title. From the places of the words in the names.
    const phrase = (d) => {
      let best = 0;
      const lastWhole = (whole[n - 1] && whole[n - 1].occ.get(d)) || [];
      for (const p of lastPref) {
        for (const code of p.occ.get(d) || []) {
          const name = code >> (NAME_BITS + 1), pos = (code >> 1) & ((1 << NAME_BITS) - 1);
          const start = pos - (n - 1);
          if (start < 0) continue;
          let ok = true;
          for (let i = 0; i < n - 1 && ok; i++) ok = at(i, d, name, start + i);
          if (!ok) continue;
          if (start === 0 && (code & 1) && lastWhole.indexOf(code) >= 0) best = Math.max(best, EXACT);
          else if (start === 0) best = Math.max(best, name === 0 ? TITLE_PREFIX : KEYWORD_PREFIX);
          else if (name === 0) best = Math.max(best, TITLE_PHRASE);
        }
      }
      return best;
    };
    const results = cand.map((d) => ({ n: d, score: (score.get(d) + phrase(d)) * (this.boost.has(d) ? BOOST : 1) }));
    results.sort((a, b) => b.score - a.score || a.n - b.n);
    return { terms: terms, results: results };
  };

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
  const PAGE_SIZE = 50; // on /search/, shown at a time

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
  // documents of a query nobody sees are not loaded (null).
  function find(q, count, current) {
    return loadIndex().then((idx) => idx.search(q).then((res) => {
      if (current && !current()) return null;
      return idx.docs(res.results.slice(0, count)).then(() => res);
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

  // fillResult writes a result's title, kind, section and snippet into item.
  function fillResult(item, titleTag, doc, terms) {
    const title = appendPieces(el(titleTag, "search-title"), S.highlight(doc.t, terms));
    if (titleTag === "a") title.href = siteRoot() + doc.u || "./";
    item.appendChild(title);
    item.appendChild(document.createTextNode(" "));
    item.appendChild(el("span", "search-kind search-kind-" + (doc.k || "page"), S.kindLabel(doc.k)));
    if (doc.s) {
      item.appendChild(document.createTextNode(" "));
      item.appendChild(el("span", "search-section", doc.s));
    }
    const pieces = S.snippet(doc, terms);
    if (pieces.length) {
      item.appendChild(document.createTextNode(" "));
      item.appendChild(appendPieces(el("p", "search-snippet"), pieces));
    }
  }

  function resultCount(n) {
    return n === 1 ? "1 result" : n + " results";
  }

  function quoted(q) {
    return "\u201c" + q + "\u201d";
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
    list.setAttribute("aria-label", "Suggestions");
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
      shown = [];
      setActive(-1);
      all.hidden = true;
      note.textContent = text;
      note.hidden = false;
      box.hidden = false;
      input.setAttribute("aria-expanded", "false");
    }

    function show(res, q) {
      shown = res.results.slice(0, SUGGESTIONS).map((r) => r.doc);
      setActive(-1);
      list.textContent = "";
      if (!shown.length) {
        showNote("No results for " + quoted(q) + ".");
        say("No results.");
        return;
      }
      shown.forEach((doc, i) => {
        const li = el("li", "search-result");
        li.id = listID + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        fillResult(li, "span", doc, res.terms);
        list.appendChild(li);
      });
      note.hidden = true;
      list.hidden = false;
      all.textContent = "Show all results (" + res.results.length + ")";
      all.href = siteRoot() + "search/?q=" + encodeURIComponent(q);
      all.hidden = false;
      box.hidden = false;
      input.setAttribute("aria-expanded", "true");
      say(resultCount(res.results.length) + ". Use the up and down arrows to choose one.");
    }

    function update() {
      const q = input.value.trim();
      if (!q) {
        close();
        return;
      }
      const p = find(q, SUGGESTIONS, () => input.value.trim() === q);
      let done = false;
      p.then((res) => {
        done = true;
        if (res && input.value.trim() === q && document.activeElement === input) show(res, q);
      }, (err) => {
        done = true;
        if (input.value.trim() === q) showNote("Search is unavailable: the index could not be loaded (" + err.message + ").");
      });
      // A first load takes a moment on a large site: say so.
      Promise.resolve().then(() => {
        if (!done) showNote("Loading the search index\u2026");
      });
    }

    let opening = false;
    function open(doc) {
      opening = true;
      close();
      window.location.href = siteURL(doc.u);
    }

    input.addEventListener("focus", () => {
      loadIndex().catch(() => {});
      if (input.value.trim()) update();
    });
    input.addEventListener("input", update);
    input.addEventListener("keydown", (e) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const n = shown.length;
      switch (e.key) {
        case "ArrowDown":
        case "Down":
          e.preventDefault();
          if (box.hidden || list.hidden) update();
          else if (n) setActive(active < 0 ? 0 : (active + 1) % n);
          break;
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
        if (current === cur) status.textContent = "Search is unavailable: the index could not be loaded (" + err.message + ").";
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
      more.textContent = left > PAGE_SIZE ? "Show " + PAGE_SIZE + " more (" + left + " not shown yet)" : "Show the last " + resultCount(left);
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
      status.textContent = "Searching\u2026";
      find(q, PAGE_SIZE, () => my === seq).then((res) => {
        if (my !== seq) return;
        current = { terms: res.terms, results: res.results, shown: 0 };
        status.textContent = res.results.length
          ? resultCount(res.results.length) + " for " + quoted(q)
          : "No results for " + quoted(q) + ". Try fewer or shorter words, or browse the glossary.";
        showMore(false);
      }, (err) => {
        if (my === seq) status.textContent = "Search is unavailable: the index could not be loaded (" + err.message + ").";
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
