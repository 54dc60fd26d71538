package serve

// reloadJS is the dev server's client, injected into every page by serve
// (never into a built site). It listens for events about its own page:
// reload when the page changed, swap stylesheets on a CSS-only change, and
// show build errors over the page until the next good build.
const reloadJS = `(function () {
  "use strict";
  var meta = document.querySelector('meta[name="shiftbook-page"]');
  var page = meta ? meta.getAttribute("content") : location.pathname.replace(/^\//, "");
  if (page === "" || /\/$/.test(page)) page += "index.html";
  var overlay = null;
  // The overlay's words in the page's language, from the interface text
  // the theme writes into a page not in English (its js.* strings); the
  // problems themselves are shiftbook's, in English, and marked so.
  var text = {};
  try {
    var t = document.getElementById("shiftbook-text");
    if (t) text = JSON.parse(t.textContent) || {};
  } catch (e) {}
  function tr(key, english, n) {
    var s = typeof text[key] === "string" ? text[key] : english;
    return s.split("{n}").join(String(n));
  }
  var english = /^en\b/i.test(document.documentElement.lang || "en");
  function showErrors(errors) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "shiftbook-overlay";
      overlay.setAttribute("role", "alertdialog");
      overlay.setAttribute("aria-label", tr("overlay.label", "Build errors"));
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,24,.94);color:#fff;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:2rem";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "";
    var h = document.createElement("h2");
    h.textContent = errors.length === 1 ? tr("overlay.title.one", "The site did not build: 1 error", 1) :
      tr("overlay.title.other", "The site did not build: {n} errors", errors.length);
    h.style.cssText = "font:bold 18px system-ui,sans-serif;margin:0 0 1rem;color:#ffb4b4";
    overlay.appendChild(h);
    var p = document.createElement("p");
    p.textContent = tr("overlay.note", "Still showing the last good version. Fix the file and save; this goes away by itself.");
    p.style.cssText = "font:14px system-ui,sans-serif;margin:0 0 1.5rem";
    overlay.appendChild(p);
    errors.forEach(function (e) {
      var block = document.createElement("pre");
      block.className = "shiftbook-error";
      if (!english) block.lang = "en";
      block.style.cssText = "white-space:pre-wrap;margin:0 0 1rem;padding:1rem;background:#000;border-left:4px solid #ff6b6b";
      block.textContent = e.text + (e.source ? "\n\n    " + e.source + (e.col ? "\n    " + " ".repeat(Math.max(0, e.col - 1)) + "^" : "") : "");
      overlay.appendChild(block);
    });
  }
  function clearErrors() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  function connect() {
    var es = new EventSource("/_shiftbook/events?page=" + encodeURIComponent("/" + page));
    es.addEventListener("error", function (ev) {
      if (!ev.data) return;
      showErrors(JSON.parse(ev.data).errors || []);
    });
    es.addEventListener("ok", function (ev) {
      var d = JSON.parse(ev.data);
      clearErrors();
      if ((d.pages || []).indexOf(page) >= 0) location.reload();
    });
    es.addEventListener("reload", function (ev) {
      var d = JSON.parse(ev.data);
      if ((d.pages || []).indexOf(page) >= 0) location.reload();
    });
    es.addEventListener("css", function (ev) {
      var styles = JSON.parse(ev.data).styles || [];
      document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
        var href = link.getAttribute("href");
        var base = href.replace(/\.[0-9a-f]{8}\.css$/, "");
        styles.forEach(function (s) {
          var name = s.replace(/\.[0-9a-f]{8}\.css$/, "");
          if (base.slice(-name.length) === name) {
            link.setAttribute("href", base.slice(0, base.length - name.length) + s);
          }
        });
      });
    });
    window.__shiftbookEvents = es;
  }
  connect();
})();
`
