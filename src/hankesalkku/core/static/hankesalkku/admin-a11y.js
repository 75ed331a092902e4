/* The admin's widgets with the names a screen reader needs. Django's autocomplete (select2)
   draws its own combobox that points its name at the empty "selected" text, and an unlabelled
   search field; the two-list filter puts aria-label on a span without a role. Each gets the
   label of the field it belongs to, again whenever the widget redraws (inline rows, choices). */
(function () {
  "use strict";

  function labelOf(id) {
    var label = id && document.querySelector('label[for="' + id + '"]');
    return label ? label.textContent.replace(/[:\s]+$/, "").trim() : "";
  }

  function name(root) {
    root.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var text = labelOf(select.id), box = select.nextElementSibling;
      if (!text || !box || !box.classList.contains("select2")) { return; }
      box.querySelectorAll(".select2-selection, .select2-selection__rendered, .select2-search__field")
        .forEach(function (element) {
          if (element.getAttribute("aria-label") !== text) {
            element.removeAttribute("aria-labelledby");
            element.setAttribute("aria-label", text);
          }
        });
    });
    root.querySelectorAll(".help-tooltip[aria-label]:not([role])").forEach(function (element) {
      element.setAttribute("role", "img");
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    name(document);
    new MutationObserver(function () { name(document); })
      .observe(document.body, { childList: true, subtree: true });
  });
})();
