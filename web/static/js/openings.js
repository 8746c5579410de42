/* Opening form: a button to add shift rows and a live weekly total.
   Progressive enhancement: without this script the form shows seven rows and the server
   computes the total after "save". */
(function () {
  "use strict";
  var box = document.querySelector("[data-shift-rows]");
  if (!box) { return; }
  var addButton = document.querySelector("[data-add-shift]");
  var total = document.querySelector("[data-shift-total]");
  var MAX_ROWS = 40;

  function minutes(text) {
    var value = (text || "").trim().replace(".", ":");
    if (/^\d{1,2}$/.test(value)) { value += ":00"; }
    if (/^\d{3,4}$/.test(value)) { value = value.slice(0, -2) + ":" + value.slice(-2); }
    var match = /^(\d{1,2}):(\d{2})$/.exec(value);
    if (!match) { return null; }
    var result = Number(match[1]) * 60 + Number(match[2]);
    return Number(match[2]) < 60 && result <= 1440 ? result : null;
  }

  function updateTotal() {
    var sum = 0;
    box.querySelectorAll("[data-shift-row]").forEach(function (row) {
      var inputs = row.querySelectorAll("input");
      var start = minutes(inputs[0].value), end = minutes(inputs[1].value);
      if (start !== null && end !== null && end > start) { sum += end - start; }
    });
    if (total) {
      total.textContent = sum ? (Math.round(sum / 6) / 10).toString().replace(".", ",") + " t" : "–";
    }
  }

  function addRow() {
    var rows = box.querySelectorAll("[data-shift-row]");
    if (rows.length >= MAX_ROWS) { return; }
    var last = rows[rows.length - 1];
    var copy = last.cloneNode(true);
    var index = rows.length;
    copy.classList.remove("has-error");
    copy.querySelectorAll(".error").forEach(function (node) { node.remove(); });
    copy.querySelectorAll("[id], [for], [name], [aria-describedby]").forEach(function (node) {
      ["id", "for", "name"].forEach(function (attr) {
        var value = node.getAttribute(attr);
        if (value) { node.setAttribute(attr, value.replace(/shifts-\d+-/, "shifts-" + index + "-")); }
      });
      node.removeAttribute("aria-describedby");
      node.removeAttribute("aria-invalid");
    });
    copy.querySelectorAll(".visually-hidden").forEach(function (node) {
      node.textContent = node.textContent.replace(/\d+/, String(index + 1));
    });
    copy.querySelectorAll("input").forEach(function (input) { input.value = ""; });
    copy.querySelectorAll("select").forEach(function (select) { select.selectedIndex = 0; });
    box.appendChild(copy);
    copy.querySelector("select").focus();
  }

  if (addButton) {
    addButton.hidden = false;
    addButton.addEventListener("click", addRow);
  }
  box.addEventListener("input", updateTotal);
})();
