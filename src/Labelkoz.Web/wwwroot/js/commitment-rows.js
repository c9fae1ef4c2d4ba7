// Commitment rows (label decision, call offer): show only the fields of each row's kind as soon as
// the kind or the co-financing mode changes. Without this script the rows' "Choisir" buttons ask the
// server for the same. A hidden field is also disabled, so it is not sent.
(function () {
  "use strict";

  function update(row) {
    var kindSelect = row.querySelector("[data-commitment-kind]");
    var kind = kindSelect ? kindSelect.value : "";
    var checked = row.querySelector("[data-commitment-mode]:checked");
    var mode = checked ? checked.value : "";
    row.querySelectorAll("[data-commitment-field]").forEach(function (field) {
      var kinds = (field.getAttribute("data-kinds") || "").split(" ");
      var needed = field.getAttribute("data-mode");
      var shown = kind !== "" && kinds.indexOf(kind) >= 0 && (!needed || needed === mode);
      field.hidden = !shown;
      if (field.tagName === "FIELDSET") {
        field.disabled = !shown;
      }
      field.querySelectorAll("input, select, textarea").forEach(function (control) {
        if (control.closest("[data-commitment-field]") === field) {
          control.disabled = !shown;
        }
      });
    });
  }

  function start() {
    document.querySelectorAll("[data-commitment-row]").forEach(function (row) {
      row.querySelectorAll("[data-commitment-choose]").forEach(function (button) {
        button.hidden = true;
      });
      row.addEventListener("change", function (event) {
        if (event.target.matches("[data-commitment-kind], [data-commitment-mode]")) {
          update(row);
        }
      });
      update(row);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
