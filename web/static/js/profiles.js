// Profile forms: show the district as soon as a postcode from the suggestion list is typed.
// Without JavaScript the district is shown after saving, and the suggestion list still works.
(function () {
  "use strict";
  var list = document.getElementById("postcodes");
  if (!list) { return; }
  var labels = {};
  Array.prototype.forEach.call(list.options, function (option) {
    labels[option.value] = option.label || option.textContent;
  });
  document.querySelectorAll("[data-district-target]").forEach(function (input) {
    var target = document.getElementById(input.getAttribute("data-district-target"));
    if (!target) { return; }
    input.addEventListener("input", function () {
      target.textContent = labels[input.value.trim()] || "";
    });
  });
})();
