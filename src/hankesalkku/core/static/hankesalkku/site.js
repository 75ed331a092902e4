/* Hankesalkku's few behaviours, as a file: the Content-Security-Policy allows no inline script.
   Each is opt-in by a data attribute, and each page works without JavaScript. */
(function () {
  "use strict";

  /* Tables reflow on a phone (hankesalkku.css): each cell learns its column's heading as
     data-label. Done again after htmx swaps results in. */
  function labelTables(root) {
    root.querySelectorAll("main table").forEach(function (table) {
      var head = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
      if (!head) { return; }
      var labels = [];
      Array.prototype.forEach.call(head.cells, function (cell) {
        for (var i = 0; i < (cell.colSpan || 1); i++) { labels.push(cell.textContent.trim()); }
      });
      Array.prototype.forEach.call(table.querySelectorAll("tbody tr, tfoot tr"), function (row) {
        var column = 0;
        Array.prototype.forEach.call(row.cells, function (cell) {
          if (labels[column] !== undefined && !cell.hasAttribute("data-label")) {
            cell.setAttribute("data-label", cell.colSpan > 1 ? "" : labels[column]);
          }
          column += cell.colSpan || 1;
        });
      });
      table.classList.add("reflow");
    });
  }
  /* A .table-scroll that does scroll (a wide table on a desktop) can be reached and scrolled
     with the keyboard, and is named by its table's caption. */
  function focusableScrollers(root) {
    root.querySelectorAll(".table-scroll").forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight;
      if (!scrolls || box.hasAttribute("tabindex")) { return; }
      box.setAttribute("tabindex", "0");
      var caption = box.querySelector("caption");
      if (caption) {
        caption.id = caption.id || "table-caption-" + Math.random().toString(36).slice(2);
        box.setAttribute("role", "region");
        box.setAttribute("aria-labelledby", caption.id);
      }
    });
  }
  function enhance(root) { labelTables(root); focusableScrollers(document); }
  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:afterSwap", function (event) { enhance(event.target); });
  window.addEventListener("resize", function () { focusableScrollers(document); });

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
