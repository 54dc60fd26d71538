"use strict";
// The book's print button: shown only when this script runs, since without
// it the button would do nothing (the browser's own Print still works).
(function () {
  for (const button of document.querySelectorAll("[data-print]")) {
    button.addEventListener("click", () => window.print());
    const wrap = button.closest("[hidden]");
    if (wrap) {
      wrap.hidden = false;
    }
  }
})();
