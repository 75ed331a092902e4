/* Hankesalkku's few behaviours, as a file: the Content-Security-Policy allows no inline script.
   Each is opt-in by a data attribute, and each page works without JavaScript. */
(function () {
  "use strict";

  /* <input data-select-on-focus>: a share link is selected whole, ready to copy. Delegated,
     because htmx swaps the results in later. */
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("input[data-select-on-focus]")) {
      event.target.select();
    }
  });

  /* .doc-text[data-scroll-to-mark]: scroll the text box, not the page, so the quote and the
     citation above it stay in view. */
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.querySelector("[data-scroll-to-mark]");
    var mark = box && box.querySelector("mark.active, mark#lainaus");
    if (box && mark) {
      box.scrollTop += mark.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 3;
    }
  });
})();
