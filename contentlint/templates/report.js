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

  // j / k: the next or previous finding shown (filters respected), focused and scrolled to.
  document.addEventListener("keydown", function (e) {
    var tag = (e.target.tagName || "").toLowerCase();
    if (e.ctrlKey || e.metaKey || e.altKey || tag === "input" || tag === "select" || tag === "textarea") { return; }
    if (e.key !== "j" && e.key !== "k") { return; }
    var shown = Array.prototype.filter.call(document.querySelectorAll(".finding"), function (f) {
      return f.offsetParent !== null;
    });
    if (!shown.length) { return; }
    var at = shown.indexOf(document.activeElement);
    var next = e.key === "j" ? Math.min(at + 1, shown.length - 1) : Math.max(at < 0 ? 0 : at - 1, 0);
    shown[next].focus();
    e.preventDefault();
  });

  // Patches: written by contentlint with the report (their exact bytes in base64; the text
  // shown is escaped); the page only copies or saves them.
  function bytes(pre) {
    var s = atob(pre.getAttribute("data-patch")), out = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) { out[i] = s.charCodeAt(i); }
    return out;
  }
  function save(parts, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob(parts, { type: "text/x-diff" }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  function copy(parts, button) {
    var text = parts.map(function (p) { return new TextDecoder().decode(p); }).join("");
    navigator.clipboard.writeText(text).then(function () { button.textContent = "Copied"; },
      function () { button.textContent = "Copy failed: select the text"; });
  }
  function all() {
    return Array.prototype.map.call(document.querySelectorAll("pre.patch-text"), bytes);
  }
  // shown as text, each control, bidi or invisible character written as its code
  function visible(text) {
    return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g,
      function (c) { return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4); });
  }
  document.querySelectorAll("details.patch").forEach(function (d) {
    var pre = d.querySelector("pre.patch-text");
    d.addEventListener("toggle", function () {
      if (d.open && !pre.textContent) { pre.textContent = visible(new TextDecoder().decode(bytes(pre))); }
    });
    var name = pre.getAttribute("data-path").replace(/[^A-Za-z0-9._-]+/g, "_") + ".patch";
    d.querySelector(".copy-patch").addEventListener("click", function (e) { copy([bytes(pre)], e.target); });
    d.querySelector(".download-patch").addEventListener("click", function () { save([bytes(pre)], name); });
  });
  var copyAll = document.getElementById("copy-all"), downloadAll = document.getElementById("download-all");
  if (copyAll) {
    copyAll.addEventListener("click", function (e) { copy(all(), e.target); });
    downloadAll.addEventListener("click", function () { save(all(), "contentlint-fixes.patch"); });
  }
})();
