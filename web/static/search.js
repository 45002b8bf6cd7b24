// Type-to-search for a long pick list (the pasal list has about 120 rows): a search box
// above the select hides the choices that do not have, for each typed word, a word that
// starts with it ("pasal 5 huruf a" finds "PP 2/2003 Pasal 5 huruf a (larangan)"). The select stays the
// field that is sent, and the server checks the choice as before; without script the
// plain select works as it always did.
(function () {
  var LONG = 15;  // a list longer than this gets a search box

  function words(text) {
    return text.toLowerCase().split(/[^0-9a-z\u00c0-\u024f]+/).filter(function (w) { return w; });
  }

  function fitsAll(wanted, have) {
    return wanted.every(function (w) {
      return have.some(function (h) { return h.indexOf(w) === 0; });
    });
  }

  function enhance(select) {
    var box = document.createElement("input");
    box.type = "search";
    box.id = "cari-" + select.id;
    box.className = "pick-search";
    box.placeholder = "Ketik untuk mencari\u2026";
    box.autocomplete = "off";
    var label = document.querySelector('label[for="' + select.id + '"]');
    box.setAttribute("aria-label", "Cari " + (label ? label.textContent.replace("*", "").trim() : "pilihan"));
    box.setAttribute("aria-controls", select.id);
    var count = document.createElement("small");
    count.className = "help pick-count";
    count.id = "jumlah-" + select.id;
    count.setAttribute("aria-live", "polite");
    select.parentNode.insertBefore(box, select);
    select.parentNode.insertBefore(count, select.nextSibling);

    function apply() {
      var wanted = words(box.value);
      var shown = 0;
      Array.prototype.forEach.call(select.options, function (option) {
        if (!option.value) return;
        // A choice the other fields rule out (depends.js disables it) stays hidden.
        var ok = !option.disabled && fitsAll(wanted, words(option.textContent));
        option.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = wanted.length ? shown + " pilihan cocok" : "";
    }

    box.addEventListener("input", apply);
    box.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") return;
      event.preventDefault();  // Enter picks the first match, it does not send the form
      var first = Array.prototype.find.call(select.options, function (o) { return o.value && !o.hidden; });
      if (first) {
        select.value = first.value;
        select.dispatchEvent(new Event("change", {bubbles: true}));
      }
      select.focus();
    });
    // Another field changed what fits (depends.js ran first, on the field itself).
    if (select.form) select.form.addEventListener("change", function (event) {
      if (event.target !== select) apply();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.task-form select").forEach(function (select) {
      if (select.options.length > LONG && select.id) enhance(select);
    });
  });
})();
