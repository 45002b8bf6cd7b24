// Phone layout: the menu button opens and closes the menu, and every cell of a list table
// carries its column's heading so a table stacked into cards on a narrow screen stays legible.
document.addEventListener("DOMContentLoaded", function () {
  var toggle = document.getElementById("menu-toggle");
  if (toggle) {
    var bar = toggle.closest(".topbar");
    toggle.addEventListener("click", function () {
      var open = bar.classList.toggle("open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }
  // A form that cannot be undone (revoking a letter) asks once more before it is sent.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) event.preventDefault();
    });
  });
  // The error list of a form links each flagged field: following a link puts the cursor in
  // it (a group of radio buttons: its first button).
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.querySelectorAll("a[data-focus]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var target = document.getElementById(link.getAttribute("data-focus"));
        if (!target) return;
        event.preventDefault();
        var input = target.matches("input, select, textarea") ? target : target.querySelector("input, select, textarea");
        target.scrollIntoView({block: "center"});
        (input || target).focus();
      });
    });
    summary.focus();
  }
  // Filters fold away on a phone only: a desktop shows them open.
  if (window.matchMedia("(min-width: 861px)").matches) {
    document.querySelectorAll("details.filters-fold").forEach(function (d) { d.open = true; });
  }
  document.querySelectorAll("table.list").forEach(function (table) {
    var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    table.querySelectorAll("tbody tr").forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, i) {
        if (heads[i] && !cell.hasAttribute("data-label")) cell.setAttribute("data-label", heads[i]);
      });
    });
  });
});
