// The search box of a site in several languages (written for such a site
// only): below the hits of the page's language, the best hits of the other
// languages, each marked with its language and linking into its tree. They
// are looked for once the page's own results are shown, so those are never
// delayed, in each language's index loaded as that index loads for its own
// pages (the manifest and the shards the query needs). A page a language
// shows untranslated is the default language's text again: its hit there
// is left out (search.Doc's f and tr), so no text shows twice.
(function () {
  "use strict";
  const S = globalThis.ShiftbookSearch;
  if (typeof document === "undefined" || !S || typeof fetch !== "function") return;
  const PER_LANGUAGE = 3;

  if (!S.ui) return;
  const el = S.ui.el, appendPieces = S.ui.appendPieces;
  const OTHER = S.ui.tr("other_languages", "In other languages");

  const langs = Array.from(document.querySelectorAll(".language-switcher a[hreflang][data-root]"), (a) => {
    const name = a.querySelector(".lang-name") || a;
    return {
      code: a.getAttribute("hreflang"),
      name: name.textContent,
      root: a.getAttribute("data-root"),
      current: a.getAttribute("aria-current") === "page",
      isDefault: a.hasAttribute("data-default"),
      // The switcher's entry names its language in itself, with the
      // language's dir where it is not the page's (Arabic on an English
      // page): the hits are marked with it.
      dir: name.getAttribute("dir") || "",
    };
  });
  const here = langs.find((l) => l.current);
  if (!here) return;
  const others = langs.filter((l) => !l.current);

  // An index file is a script calling ShiftbookSearch.loaded(id, data);
  // fetched as text, its data is read without running it, so two
  // languages' files of the same id never meet in site.js's loader.
  function readFile(text) {
    const from = text.indexOf(",");
    const to = text.lastIndexOf(")");
    if (from < 0 || to <= from) throw new Error("not a search index file");
    return JSON.parse(text.slice(from + 1, to));
  }
  const indexes = new Map();
  function indexOf(l) {
    let idx = indexes.get(l.code);
    if (!idx) {
      idx = new S.Index((id, version) => {
        const u = new URL(l.root + "search/" + id + ".js" + (version ? "?v=" + encodeURIComponent(version) : ""), document.baseURI);
        return fetch(u.href).then((r) => {
          if (!r.ok) throw new Error(u.pathname + ": " + r.status);
          return r.text();
        }).then(readFile);
      });
      indexes.set(l.code, idx);
    }
    return idx;
  }

  // keep says whether a hit of language l is text of l's own, not the
  // default language's shown again (there, or in the page's language).
  function keep(l, doc) {
    if (doc.f) return false;
    if (l.isDefault) return (doc.tr || []).indexOf(here.code) >= 0 || here.isDefault;
    return true;
  }

  // hits finds the best hits of q in the other languages; null when the
  // reader has typed on (wanted() false).
  async function hits(q, wanted) {
    const groups = [];
    for (const l of others) {
      const idx = indexOf(l);
      await idx.open();
      const res = wanted() ? await idx.search(q, wanted) : null;
      if (!res || !wanted()) return null;
      const top = res.results.slice(0, PER_LANGUAGE * 3);
      await idx.docs(top);
      if (!wanted()) return null;
      const kept = top.filter((r) => r.doc && keep(l, r.doc)).slice(0, PER_LANGUAGE);
      if (kept.length) groups.push({ lang: l, terms: res.terms, hits: kept });
    }
    return groups;
  }

  // group is the "In other languages" block: a heading and a list of
  // links, each in its language.
  function group(groups, headingTag) {
    const box = el("div", "search-other");
    box.setAttribute("data-search-more", ""); // site.js's arrows reach its links
    const id = "search-other-" + headingTag;
    const h = el(headingTag, "search-other-title", OTHER);
    h.id = id;
    box.setAttribute("role", "group");
    box.setAttribute("aria-labelledby", id);
    box.appendChild(h);
    const list = el("ul", "search-other-list");
    for (const g of groups) {
      for (const r of g.hits) {
        const li = el("li", "search-result");
        li.lang = g.lang.code;
        if (g.lang.dir) li.dir = g.lang.dir;
        const a = el("a", "search-title");
        a.href = g.lang.root + (r.doc.u || "");
        a.hreflang = g.lang.code;
        appendPieces(a, S.highlight(r.doc.t, g.terms));
        li.appendChild(a);
        li.appendChild(document.createTextNode(" "));
        const name = el("span", "search-language", g.lang.name);
        li.appendChild(name);
        const pieces = S.snippet(r.doc, g.terms);
        if (pieces.length) li.appendChild(appendPieces(el("p", "search-snippet"), pieces));
        list.appendChild(li);
      }
    }
    box.appendChild(list);
    return box;
  }

  // follow watches a search's own results (site.js writes them into box)
  // and adds the other languages' hits once they are shown for the query:
  // ready(q) says so.
  function follow(input, box, ready, place, headingTag) {
    let shownFor = null;
    let block = null;
    function clear() {
      if (block) block.remove();
      block = null;
      shownFor = null;
    }
    const watch = new MutationObserver(() => {
      const q = input.value.trim();
      if (!q) {
        clear();
        return;
      }
      if (shownFor === q || !ready(q)) return;
      if (shownFor !== null) clear();
      shownFor = q;
      const wanted = () => input.value.trim() === q;
      hits(q, wanted).then((groups) => {
        if (!groups || !wanted() || shownFor !== q || block) return;
        if (!groups.length) return;
        block = group(groups, headingTag);
        watch.disconnect();
        place(block);
        watch.observe(box, { childList: true, subtree: true, attributes: true, characterData: true });
      }, () => {});
    });
    watch.observe(box, { childList: true, subtree: true, attributes: true, characterData: true });
    input.addEventListener("input", () => {
      if (input.value.trim() !== shownFor) clear();
    });
  }

  // count is how many hits of the other languages a block holds.
  function count(block) {
    return block.querySelectorAll("li").length;
  }

  function init() {
    const header = document.getElementById("header-q");
    const headerBox = document.getElementById("header-results");
    if (header && headerBox) {
      // Said once the block is shown, as site.js says the page's own count.
      const live = el("span", "visually-hidden");
      live.setAttribute("role", "status");
      if (header.form) header.form.appendChild(live);
      follow(header, headerBox, (q) => {
        if (headerBox.hidden) return false;
        const list = headerBox.querySelector('[role="listbox"]');
        const note = headerBox.querySelector(".search-empty");
        return (list && !list.hidden && list.getAttribute("data-q") === q) ||
          (note && !note.hidden && note.textContent.indexOf(q) >= 0);
      }, (block) => {
        headerBox.appendChild(block);
        live.textContent = S.ui.trN("other_count", count(block), ["1 more in another language: the down arrow reaches it.", "{n} more in other languages: the down arrow reaches them."]);
      }, "p");
    }
    const full = document.querySelector('input[data-search-full="true"]');
    const status = document.getElementById("search-status");
    const list = document.getElementById("search-results-list");
    if (full && status && list) {
      const page = list.parentNode;
      follow(full, status, (q) => status.textContent.indexOf(q) >= 0, (block) => page.appendChild(block), "h2");
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
