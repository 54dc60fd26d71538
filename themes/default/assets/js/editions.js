"use strict";
// Editions: the version switcher in the header and the banner of an edition
// that is not the latest. Plain ES2017, no dependencies.
//
// `shiftbook publish` puts each edition in DEST/V/ and aliases (latest) in
// folders of their own beside DEST/versions.json, so versions.json sits one
// level above the edition root, which every page names in
// <meta name="shiftbook-root">. The list is read when the page opens, so an
// old edition lists the editions published after it. Every URL is made
// relative to the page, so a published tree works under any path prefix.
//
// When there is no versions.json (a plain build, `shiftbook serve`, a page
// opened from disk) or the page is not inside one of its folders, nothing
// changes: the switcher shows the current edition alone.
(function () {
  const select = document.getElementById("version-select");
  const rootMeta = document.querySelector('meta[name="shiftbook-root"]');
  if (!select || !rootMeta || !window.fetch || !window.URL) {
    return;
  }
  const metaContent = (name) => {
    const m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute("content") || "" : "";
  };
  const safeName = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/;
  // The page's interface text, as in site.js: the JSON block a page in a
  // language other than English carries, the English here otherwise.
  const TEXT = (() => {
    const block = document.getElementById("shiftbook-text");
    try {
      const t = block ? JSON.parse(block.textContent) : null;
      return t && typeof t === "object" ? t : {};
    } catch (e) {
      return {};
    }
  })();
  const tr = (key, english, vars) => {
    let s = typeof TEXT[key] === "string" ? TEXT[key] : english;
    for (const k in vars || {}) s = s.split("{" + k + "}").join(String(vars[k]));
    return s;
  };

  // The page's path below the edition root ("vision/promise/", "" for the
  // home page). The 404 page is served at any URL: it switches to homes.
  // A page of another language's tree (nl/…) names the tree's folder: its
  // path below the edition root starts with it, and the edition root is
  // one folder above the tree's.
  let langPrefix = metaContent("shiftbook-language-prefix");
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*\/$/.test(langPrefix)) {
    langPrefix = "";
  }
  let page = langPrefix + metaContent("shiftbook-page");
  if (document.body.classList.contains("kind-404") || !/^[^/:?#]*(\/[^/:?#]+)*\/?$/.test(page) || /(^|\/)\.\.?(\/|$)/.test(page)) {
    page = "";
  }
  // showMissing: on an edition's home reached from a page that edition does
  // not have, say so at the top of the page. The path and title come from
  // the address, so they are checked and shown as text only.
  const showMissing = () => {
    const params = new URLSearchParams(location.search);
    const missing = params.get("missing");
    const main = document.getElementById("main");
    if (page !== langPrefix || document.body.classList.contains("kind-404") || missing === null || !main || !/^[^/:?#]+(\/[^/:?#]+)*\/?$/.test(missing) || /(^|\/)\.\.?(\/|$)/.test(missing)) {
      return;
    }
    const title = (params.get("title") || "").replace(/\s+/g, " ").trim().slice(0, 200);
    const version = metaContent("shiftbook-version");
    const note = document.createElement("p");
    note.className = "edition-missing";
    note.setAttribute("role", "status");
    const what = document.createElement("strong");
    what.textContent = title ? tr("quoted", "“{query}”", { query: title }) : "/" + missing;
    note.appendChild(what);
    note.appendChild(document.createTextNode((title ? " (/" + missing + ")" : "") + " " + tr("edition_missing", "is not in edition {version}; this is its home.", { version: version })));
    main.insertBefore(note, main.firstChild);
  };
  showMissing();

  const root = new URL((rootMeta.getAttribute("content") || "./") + (langPrefix ? "../" : ""), location.href);
  const top = new URL("../", root); // DEST
  // Only a published edition has versions.json beside it; a plain build or
  // the dev server says so, and asks for nothing.
  if (root.protocol === "file:" || !root.pathname.startsWith(top.pathname) || metaContent("shiftbook-published") !== "true") {
    return;
  }
  // The folder this page is served from: a version or an alias.
  const folder = decodeURIComponent(root.pathname.slice(top.pathname.length).replace(/\/$/, ""));
  const metaVersion = metaContent("shiftbook-version") || select.getAttribute("data-current") || "";

  const editionURL = (name, path) => new URL(encodeURIComponent(name) + "/" + (path || ""), top).href;

  // exists asks the host whether a page is there: HEAD, or GET where a host
  // refuses HEAD. Any failure counts as missing.
  const exists = async (url) => {
    try {
      let r = await fetch(url, { method: "HEAD", cache: "no-store", credentials: "same-origin" });
      if (r.status === 405 || r.status === 501) {
        r = await fetch(url, { cache: "no-store", credentials: "same-origin" });
      }
      return r.ok;
    } catch (e) {
      return false;
    }
  };

  // missingHome is the home a reader lands on in another edition that lacks
  // this page: the home of the page's language when that edition has the
  // language, the edition's own home otherwise.
  const missingHome = async (name) => {
    if (langPrefix !== "" && page !== langPrefix && (await exists(editionURL(name, langPrefix)))) {
      return editionURL(name, langPrefix);
    }
    return editionURL(name, "");
  };

  // samePage is the URL of this page in another edition's folder, or that
  // edition's home when the page is not there: then the address carries the
  // missing page (?missing=path&title=...) so that the home can say why the
  // reader landed there (see showMissing).
  const samePage = async (name) => {
    if (page === "") {
      return editionURL(name, "");
    }
    const url = editionURL(name, page);
    if (await exists(url)) {
      return url + location.search + location.hash;
    }
    const h1 = document.querySelector("main h1");
    const title = h1 ? h1.textContent.replace(/\s+/g, " ").trim().slice(0, 200) : "";
    return (await missingHome(name)) + "?missing=" + encodeURIComponent(page) + (title ? "&title=" + encodeURIComponent(title) : "");
  };

  const readEditions = async () => {
    let r;
    try {
      r = await fetch(new URL("versions.json", top).href, { cache: "no-cache", credentials: "same-origin" });
    } catch (e) {
      return null;
    }
    if (!r.ok) {
      return null;
    }
    let data;
    try {
      data = await r.json();
    } catch (e) {
      return null;
    }
    if (!Array.isArray(data)) {
      return null;
    }
    const list = [];
    for (const e of data) {
      if (!e || typeof e.version !== "string" || !safeName.test(e.version)) {
        continue;
      }
      const aliases = Array.isArray(e.aliases) ? e.aliases.filter((a) => typeof a === "string" && safeName.test(a)) : [];
      const title = typeof e.title === "string" && e.title.trim() !== "" ? e.title.trim() : e.version;
      list.push({ version: e.version, title: title, aliases: aliases });
    }
    return list;
  };

  const fillSwitcher = (list, current) => {
    select.textContent = "";
    for (const e of list) {
      const o = document.createElement("option");
      o.value = e.version;
      o.textContent = e.version + (e.title !== e.version ? " · " + e.title : "") + (e.aliases.length ? " (" + e.aliases.join(", ") + ")" : "");
      if (e === current) {
        o.selected = true;
      }
      select.appendChild(o);
    }
    select.setAttribute("data-current", current.version);

    // Navigate when the reader picks an edition from the list (mouse, touch,
    // or Enter in the open list). Arrow keys on the closed select change
    // its value one step at a time: those only show the Go button, so a
    // keyboard reader is never carried off while looking through the list.
    const goButton = document.createElement("button");
    goButton.type = "button";
    goButton.className = "version-go";
    goButton.textContent = tr("edition_go", "Go");
    goButton.title = tr("edition_go_title", "Open this page in the chosen edition");
    goButton.hidden = true;
    select.insertAdjacentElement("afterend", goButton);

    let byKey = false;
    let going = false;
    const go = async () => {
      const name = select.value;
      if (going || name === current.version) {
        return;
      }
      going = true;
      select.setAttribute("aria-busy", "true");
      location.href = await samePage(name);
    };
    select.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter") {
        ev.preventDefault();
        go();
      } else if (ev.key !== "Tab" && ev.key !== "Shift") {
        byKey = true;
      }
    });
    select.addEventListener("pointerdown", () => {
      byKey = false;
    });
    select.addEventListener("blur", () => {
      byKey = false;
    });
    select.addEventListener("change", () => {
      goButton.hidden = select.value === current.version;
      if (!byKey) {
        go();
      }
    });
    goButton.addEventListener("click", go);
  };

  const showBanner = async (list, current) => {
    const banner = document.getElementById("edition-banner");
    const latest = list.find((e) => e.aliases.includes("latest")) || list[0];
    if (!banner || !latest || latest === current) {
      return;
    }
    const latestFolder = latest.aliases.includes("latest") ? "latest" : latest.version;
    const older = list.indexOf(current) > list.indexOf(latest);
    const link = document.createElement("a");
    link.href = editionURL(latestFolder, page);
    link.textContent = tr("edition_latest", "Read this page in the latest edition ({version})", { version: latest.version });
    banner.textContent = older
      ? tr("edition_older", "You are reading edition {version}, an older edition.", { version: current.version }) + " "
      : tr("edition_not_latest", "You are reading edition {version}, which is not the latest.", { version: current.version }) + " ";
    banner.appendChild(link);
    banner.hidden = false;
    const url = await samePage(latestFolder);
    if (page !== "" && !url.startsWith(editionURL(latestFolder, page))) {
      link.textContent = tr("edition_latest_missing", "Go to the latest edition ({version}); this page is not in it", { version: latest.version });
    }
    link.href = url;
  };

  readEditions().then((list) => {
    if (!list || list.length === 0) {
      return;
    }
    // The edition this page belongs to is the one whose folder it is
    // served from, by version or by alias.
    const current = list.find((e) => e.version === folder) || list.find((e) => e.aliases.includes(folder));
    if (!current || (current.version !== metaVersion && metaVersion !== "")) {
      return; // not a folder of this published tree: leave the switcher alone
    }
    fillSwitcher(list, current);
    return showBanner(list, current);
  });
})();
