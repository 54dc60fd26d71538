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
  // Definitions and metrics are what readers look up most: a slight boost.
  const KIND_BOOST = { definition: 1.1, metric: 1.1 };
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

  // First index in the sorted array a whose value is >= s.
  function lowerBound(a, s) {
    let lo = 0, hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid] < s) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  // Index is the token index of a list of documents: every distinct token
  // once, sorted, each with its postings (document number << FIELD_BITS |
  // the fields it occurs in). A query word is looked up by binary search and matches
  // the run of tokens it is a prefix of.
  function Index(docs) {
    this._begin(docs);
    this._add(0, docs.length);
    this._end();
  }

  Index.prototype._begin = function (docs) {
    if (!Array.isArray(docs)) throw new Error("the search index is not a list");
    this.docs = docs;
    this.info = new Array(docs.length);
    // While building: token → number, and per token number its postings,
    // the last document it was seen in and where that posting is.
    this._ids = new Map();
    this._post = [];
    this._last = [];
    this._at = [];
  };

  // _add indexes documents from up to to.
  Index.prototype._add = function (from, to) {
    const docs = this.docs, ids = this._ids, post = this._post, last = this._last, at = this._at;
    let i = 0;
    const add = (text, bit) => {
      const ts = tokens(text);
      for (let j = 0; j < ts.length; j++) {
        let id = ids.get(ts[j]);
        if (id === undefined) {
          id = post.length;
          ids.set(ts[j], id);
          post.push([]);
          last.push(-1);
          at.push(0);
        }
        if (last[id] !== i) {
          last[id] = i;
          at[id] = post[id].length;
          post[id].push(i << FIELD_BITS | bit);
        } else {
          post[id][at[id]] |= bit;
        }
      }
      return ts;
    };
    for (i = from; i < to; i++) {
      const d = docs[i];
      const title = add(d.t, TITLE).join(" ");
      const keys = [];
      for (const w of d.w || []) keys.push(add(w, KEYWORD).join(" "));
      for (const h of d.h || []) add(h, HEADING);
      add(d.d, SUMMARY);
      add(d.x, BODY);
      add(d.s, SECTION);
      this.info[i] = { title: title, keys: keys, boost: KIND_BOOST[d.k] || 1 };
    }
  };

  Index.prototype._end = function () {
    const ids = this._ids, post = this._post;
    this._ids = this._post = this._last = this._at = null;
    this.terms = Array.from(ids.keys()).sort();
    this.postings = this.terms.map((t) => Int32Array.from(post[ids.get(t)]));
    const n = this.docs.length;
    this._fields = new Uint8Array(n);
    this._exact = new Uint8Array(n);
    this._score = new Float64Array(n);
  };

  // createIndexAsync builds the index chunk documents at a time, giving the
  // page back between chunks so that typing stays smooth while a large
  // site's index is built.
  function createIndexAsync(docs, chunk) {
    return new Promise((resolve, reject) => {
      const idx = Object.create(Index.prototype);
      let i = 0;
      const step = () => {
        try {
          if (i === 0) idx._begin(docs);
          const to = Math.min(docs.length, i + (chunk || 500));
          idx._add(i, to);
          i = to;
          if (i < docs.length) {
            setTimeout(step, 0);
            return;
          }
          idx._end();
          resolve(idx);
        } catch (err) {
          reject(err);
        }
      };
      step();
    });
  }

  // search returns every document holding all the words of query (each word
  // as a prefix of a word of the document), best first:
  // {terms: the folded query words, results: [{doc, score}]}.
  Index.prototype.search = function (query) {
    const words = tokens(query);
    const terms = Array.from(new Set(words));
    if (!terms.length) return { terms: terms, results: [] };
    // Rarest (longest) words first: the candidate list shrinks sooner.
    const order = terms.slice().sort((a, b) => b.length - a.length);
    const fields = this._fields, exact = this._exact, score = this._score;
    let cand = null;
    for (let j = 0; j < order.length; j++) {
      const t = order[j];
      const touched = [];
      for (let i = lowerBound(this.terms, t); i < this.terms.length; i++) {
        const w = this.terms[i];
        if (!startsWith(w, t)) break;
        const whole = w.length === t.length;
        const p = this.postings[i];
        for (let k = 0; k < p.length; k++) {
          const d = p[k] >> FIELD_BITS, m = p[k] & FIELD_MASK;
          if (!fields[d]) touched.push(d);
          fields[d] |= m;
          if (whole) exact[d] |= m;
        }
      }
      const next = [];
      const from = cand === null ? touched : cand;
      for (let k = 0; k < from.length; k++) {
        const d = from[k];
        const m = fields[d];
        if (!m) continue;
        let s = cand === null ? 0 : score[d];
        for (let f = 0; f < WEIGHTS.length; f++) {
          const wt = WEIGHTS[f];
          if (m & wt[0]) s += exact[d] & wt[0] ? wt[2] : wt[1];
        }
        score[d] = s;
        next.push(d);
      }
      for (let k = 0; k < touched.length; k++) fields[touched[k]] = exact[touched[k]] = 0;
      cand = next;
      if (!cand.length) break;
    }
    const phrase = words.join(" ");
    const results = cand.map((d) => {
      const info = this.info[d];
      let s = score[d];
      if (info.title === phrase || info.keys.indexOf(phrase) >= 0) s += EXACT;
      else if (startsWith(info.title, phrase)) s += TITLE_PREFIX;
      else if (info.keys.some((k) => startsWith(k, phrase))) s += KEYWORD_PREFIX;
      else if ((" " + info.title).indexOf(" " + phrase) >= 0) s += TITLE_PHRASE;
      return { doc: this.docs[d], n: d, score: s * info.boost };
    });
    results.sort((a, b) => b.score - a.score || a.doc.t.length - b.doc.t.length || a.n - b.n);
    return { terms: terms, results: results };
  };

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
    createIndex: (docs) => new Index(docs),
    createIndexAsync: createIndexAsync,
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

  let loading = null;
  // loadIndex fetches and indexes search/index.json once per page; a failed
  // load is tried again the next time.
  function loadIndex() {
    if (!loading) {
      loading = fetch(siteURL("search/index.json"), { credentials: "same-origin" })
        .then((r) => {
          if (!r.ok) throw new Error("the server answered " + r.status);
          return r.json();
        })
        .then((docs) => S.createIndexAsync(docs, 500));
      loading.catch(() => {
        loading = null;
      });
    }
    return loading;
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

    function show(idx, q) {
      const res = idx.search(q);
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
      const p = loadIndex();
      let done = false;
      p.then((idx) => {
        done = true;
        if (input.value.trim() === q && document.activeElement === input) show(idx, q);
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
      const from = current.shown;
      const to = Math.min(current.results.length, from + PAGE_SIZE);
      for (let i = from; i < to; i++) {
        const li = el("li", "search-result");
        fillResult(li, "a", current.results[i].doc, current.terms);
        list.appendChild(li);
      }
      current.shown = to;
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
      loadIndex().then((idx) => {
        if (my !== seq) return;
        const res = idx.search(q);
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
