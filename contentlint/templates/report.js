"use strict";
(function () {
  var search = document.getElementById("search");
  var rule = document.getElementById("filter-rule");
  function checked(id) {
    return Array.prototype.filter.call(document.querySelectorAll("#" + id + " input"), function (i) { return i.checked; })
      .map(function (i) { return i.value; });
  }
  function apply() {
    var langs = checked("filter-language"), sevs = checked("filter-severity"), r = rule.value;
    var q = search.value.trim().toLowerCase();
    document.querySelectorAll("[data-lang]").forEach(function (el) {
      el.classList.toggle("hidden", langs.indexOf(el.getAttribute("data-lang")) < 0);
    });
    document.querySelectorAll(".finding").forEach(function (el) {
      var show = sevs.indexOf(el.getAttribute("data-severity")) >= 0 && (!r || el.getAttribute("data-rule") === r);
      el.classList.toggle("hidden", !show);
    });
    document.querySelectorAll(".group, .matrix-row").forEach(function (el) {
      el.classList.toggle("hidden", q !== "" && el.getAttribute("data-title").indexOf(q) < 0);
    });
  }
  document.querySelectorAll("#filters input, #filters select").forEach(function (el) {
    el.addEventListener("input", apply);
    el.addEventListener("change", apply);
  });
  apply();
})();
