// One article of the report, drawn from its data (html_article.py gives its shape) with DOM
// nodes and text only: nothing from the data is ever parsed as HTML. Part of the page's one
// script: html.py joins report-article.js and report.js in one function.
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function add(parent, child) { parent.appendChild(child); return child; }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  // ---- one article, from its data block
  function findingTitle(f) {
    var r = RULES[f[0]];
    return r[0] + " " + r[1] + " (" + SEVS[f[1]] + "): " + f[2] + (f[4] ? " — " + f[4] : "");
  }
  function textLines(lines, col, d, n, cls) {
    var box = el("div", "text" + (cls ? " " + cls : ""));
    box.dir = col.d;
    box.lang = col.l;
    lines.forEach(function (ln) {
      if (!Array.isArray(ln)) { add(box, el("div", "gap", "… " + plural(ln.g, "line") + " …")); return; }
      var line = add(box, el("div", "line" + (ln[2] ? " related" : "")));
      if (ln[2]) { line.title = "compared with: " + ln[2]; }
      add(line, el("span", "ln", ln[0])).setAttribute("aria-hidden", "true");
      ln[1].forEach(function (seg) {
        if (typeof seg === "string") { line.appendChild(document.createTextNode(seg)); return; }
        var f = d.f[seg[1]], sev = SEVS[f[1]], mark = add(line, el("a", "mark " + sev + (seg[2] ? " point" : ""), seg[0]));
        mark.href = "#g-" + n + "-f" + seg[1];
        mark.title = findingTitle(f);
      });
    });
    return box;
  }
  function finding(f, k, n) {
    var r = RULES[f[0]], sev = SEVS[f[1]], box = el("div", "finding " + sev);
    box.id = "g-" + n + "-f" + k;
    box.tabIndex = 0;
    box.setAttribute("data-rule", r[1]);
    box.setAttribute("data-severity", sev);
    add(box, el("span", "badge " + sev, r[0]));
    box.appendChild(document.createTextNode(" "));
    add(box, el("span", "rule", r[1]));
    box.appendChild(document.createTextNode(" "));
    add(box, el("span", "sev-word", sev));
    add(box, el("div", "message", f[2]));
    var where = add(box, el("div", "where")), at = add(where, el("a", "at", f[3]));
    at.href = f[5];
    at.title = "open in the editor";
    f[7].forEach(function (rel) {
      where.appendChild(document.createTextNode(" · "));
      add(where, el("a", "", rel[0])).href = rel[1];
    });
    if (f[6]) { add(box, el("a", "web", "view in the repository")).href = f[6]; }
    if (f[4]) { add(box, el("div", "fix", f[4])); }
    return box;
  }
  function cellOf(cell, row, col, d, n) {
    var td = el("td");
    td.setAttribute("data-lang", col.l);
    if (cell === null) { add(td, el("span", "absent", "— no such section —")); return td; }
    if (row.b) { add(td, el("div", "label", row.b)); } else {
      var h = add(td, el("div", "heading h" + cell.v, cell.h));
      h.dir = col.d;
      h.lang = col.l;
      add(td, el("div", "shape", cell.n[0] + " ¶ · " + plural(cell.n[1], "list") + " / " + plural(cell.n[2], "item") +
        " · " + plural(cell.n[3], "link")));
      if (cell.t) { add(td, textLines(cell.t, col, d, n)); }
      if (cell.a) {
        var whole = add(td, el("details", "whole"));
        add(whole, el("summary", "", "this section's text"));
        add(whole, textLines(cell.a, col, d, n));
      }
    }
    cell.f.forEach(function (k) { add(td, finding(d.f[k], k, n)); });
    return td;
  }
  function header(col) {
    var th = el("th", col.w < 0 ? "clean" : SEVS[col.w]);
    th.setAttribute("data-lang", col.l);
    th.setAttribute("scope", "col");
    th.appendChild(document.createTextNode(col.l));
    if (col.s) { th.appendChild(document.createTextNode(" ")); add(th, el("span", "src", "source")); }
    add(th, el("br"));
    add(th, el("code", "", col.p));
    if (col.x >= 0) { add(th, patchBox(col.x)); }
    return th;
  }
  function fill(box, d) {
    var n = d.n;
    box.textContent = "";
    var h = add(box, el("h3", "", d.t));
    h.appendChild(document.createTextNode(" "));
    add(h, el("small", "", d.k));
    if (d.m.length) { add(box, el("p", "missing-note", "No version in: " + d.m.join(", "))); }
    var table = add(add(box, el("div", "scroll")), el("table", "side"));
    var head = add(add(table, el("thead")), el("tr")), tbody = add(table, el("tbody"));
    d.c.forEach(function (col) { add(head, header(col)); });
    d.r.forEach(function (row) {
      var tr = add(tbody, el("tr", row.b ? "frontrow" : "section"));
      row.c.forEach(function (cell, i) { add(tr, cellOf(cell, row, d.c[i], d, n)); });
    });
    decorate(box);
  }

  // ---- patches: written by contentlint with the report, their exact bytes; the page only
  // copies, saves or shows them (as text, each invisible character written as its code)
  function patchBytes(k) {
    var p = patches[k][1];
    if (p[0] === "t") { return new TextEncoder().encode(p[1]); }
    var s = atob(p[1]), out = new Uint8Array(s.length);
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
  function visible(text) {
    return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g,
      function (c) { return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4); });
  }
  function patchBox(k) {
    var d = el("details", "patch"), path = patches[k][0];
    add(d, el("summary", "", "safe fixes as a patch"));
    var pre = add(d, el("pre", "patch-text"));
    pre.setAttribute("data-path", path);
    var copyButton = add(d, el("button", "copy-patch", "Copy"));
    d.appendChild(document.createTextNode(" "));
    var saveButton = add(d, el("button", "download-patch", "Download"));
    copyButton.type = saveButton.type = "button";
    d.addEventListener("toggle", function () {
      if (d.open && !pre.textContent) { pre.textContent = visible(new TextDecoder().decode(patchBytes(k))); }
    });
    if (patches[k][1][0] === "b") { // bytes that are not UTF-8: copied as text they would change
      copyButton.disabled = true;
      copyButton.title = "this file is not UTF-8: download the patch";
    }
    copyButton.addEventListener("click", function (e) { copy([patchBytes(k)], e.target); });
    saveButton.addEventListener("click", function () { save([patchBytes(k)], path.replace(/[^A-Za-z0-9._-]+/g, "_") + ".patch"); });
    return d;
  }
