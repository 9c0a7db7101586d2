// The report's articles are data (JSON blocks written by contentlint); this script draws the
// ones shown, with DOM text nodes only (never HTML from the data): the matrix draws the rows
// in view, the article list a batch at a time. It runs when the browser has read the index and
// the first block of articles; the others' blocks may still be on their way.
  function json(id) { var el = document.getElementById(id); return el ? JSON.parse(el.textContent) : null; }
  function ready(fn) {
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", fn); } else { fn(); }
  }
  var tables = json("tables-data"), index = json("index-data"), BATCH = tables.chunk;
  var LANGS = tables.languages, RULES = tables.rules, SEVS = tables.severities, COLUMNS = tables.shown;
  var search = document.getElementById("search"), ruleBox = document.getElementById("filter-rule");
  var scroller = document.getElementById("matrix-scroll"), body = document.getElementById("matrix-body");
  var list = document.getElementById("article-list"), more = document.getElementById("more");
  var earlier = document.getElementById("earlier"), note = document.getElementById("list-note");
  var shown = [], from = 0, to = 0, on = { lang: {}, sev: {}, rule: "" };


  // ---- filters: which articles are listed, which columns and findings are shown
  function checked(id) {
    var out = {};
    document.querySelectorAll("#" + id + " input").forEach(function (i) { out[i.value] = i.checked; });
    return out;
  }
  function langOn(code) { return on.lang[code] !== false; }
  function listed(entry) {
    var q = search.value.trim().toLowerCase();
    if (q && (entry[0] + " " + entry[1]).toLowerCase().indexOf(q) < 0) { return false; }
    var narrowed = on.rule || SEVS.some(function (s) { return !on.sev[s]; });
    if (!narrowed) { return entry[2].some(function (c) { return langOn(LANGS[c[0]]); }); }
    var kinds = entry[4];
    for (var i = 0; i < kinds.length; i += 3) {
      if (langOn(LANGS[kinds[i]]) && on.sev[SEVS[kinds[i + 2]]] && (!on.rule || RULES[kinds[i + 1]][1] === on.rule)) { return true; }
    }
    return false;
  }
  function decorate(root) {
    root.querySelectorAll("[data-lang]").forEach(function (e) { e.classList.toggle("hidden", !langOn(e.getAttribute("data-lang"))); });
    root.querySelectorAll(".finding").forEach(function (e) {
      var show = on.sev[e.getAttribute("data-severity")] && (!on.rule || e.getAttribute("data-rule") === on.rule);
      e.classList.toggle("hidden", !show);
    });
  }
  function apply() {
    on = { lang: checked("filter-language"), sev: checked("filter-severity"), rule: ruleBox.value };
    shown = [];
    for (var n = 0; n < index.length; n++) { if (listed(index[n])) { shown.push(n); } }
    decorate(document.querySelector("#overview thead"));
    scroller.scrollTop = 0; // a new list starts at its top
    drawMatrix(0);
    window_(0);
  }

  // ---- the matrix: a row per listed article, only the rows in view drawn
  function spacer(height) {
    var tr = el("tr", "spacer"), td = add(tr, el("td"));
    tr.setAttribute("aria-hidden", "true");
    td.colSpan = COLUMNS + 1;
    td.style.height = height + "px";
    return tr;
  }
  function matrixRow(n) {
    var entry = index[n], tr = el("tr", "matrix-row"), byLang = {};
    var a = add(add(tr, el("th")), el("a", "", entry[0]));
    a.href = "#g-" + n;
    tr.firstChild.setAttribute("scope", "row");
    tr.firstChild.title = entry[0];
    entry[2].forEach(function (c) { byLang[c[0]] = c; });
    for (var l = 0; l < COLUMNS; l++) {
      var c = byLang[l], td = add(tr, el("td", "cell"));
      td.setAttribute("data-lang", LANGS[l]);
      if (c) {
        td.classList.add(c[2] < 0 ? "clean" : SEVS[c[2]]);
        td.title = c[3];
        add(td, el("a", "", c[1])).href = "#g-" + n;
        if (c[4]) { var s = add(td, el("span", "state " + c[4][0], c[4][1])); s.title = c[4][2]; td.insertBefore(document.createTextNode(" "), s); }
      } else if (entry[3].indexOf(l) >= 0) {
        td.classList.add("missing");
        td.textContent = "missing";
        td.title = "no " + LANGS[l] + " version";
      } else { td.classList.add("none"); }
      td.classList.toggle("hidden", !langOn(LANGS[l]));
    }
    return tr;
  }
  // rows are 30 px high (report.css): no row is measured, so drawing forces no layout
  var ROW = 30;
  function drawMatrix(top) {
    // where the view is, read before the rows change (an empty table would scroll it to the top)
    if (top === undefined) { top = scroller.scrollTop; }
    var first = Math.max(0, Math.floor(top / ROW) - 10), last = Math.min(shown.length, Math.ceil((top + window.innerHeight) / ROW) + 10);
    var rows = document.createDocumentFragment();
    if (first > 0) { add(rows, spacer(first * ROW)); }
    for (var i = first; i < last; i++) { add(rows, matrixRow(shown[i])); }
    if (last < shown.length) { add(rows, spacer((shown.length - last) * ROW)); }
    body.replaceChildren(rows);
  }
  var pending = false;
  function redraw() {
    if (pending) { return; }
    pending = true;
    requestAnimationFrame(function () { pending = false; drawMatrix(); });
  }
  scroller.addEventListener("scroll", redraw);
  window.addEventListener("resize", redraw);

  // ---- the articles' data: block k holds articles k * BATCH ..; the first is plain JSON,
  // the others gzip in base64, inflated once, when one of their articles is first drawn (and
  // the browser has read the whole page).
  var blocks = {}, patches = {};
  function inflate(b64) {
    var bin = atob(b64), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
  }
  function block(k) {
    if (!blocks[k]) {
      blocks[k] = new Promise(function (done) {
        if (k === 0 || document.readyState !== "loading") { done(); } else { ready(done); }
      }).then(function () {
        var data = json("c" + k);
        return typeof data === "string" ? inflate(data).then(JSON.parse) : data;
      }).catch(function (error) {
        delete blocks[k]; // tried again when an article of it is drawn again
        throw error;
      }).then(function (data) {
        data.p.forEach(function (p) { patches[p[0]] = p[1]; });
        return data.a;
      });
    }
    return blocks[k];
  }

  // ---- the article list: shown[from .. to) drawn; #article-list is aria-busy while an
  // article waits to be drawn. The first, in view first, is drawn at once; the others each in a task of its own, so the
  // page answers between them
  var waiting = 0, EAGER = 2;
  function drawn(box, eager) {
    waiting++;
    list.setAttribute("aria-busy", "true");
    box.drawn = block(Math.floor(box.n / BATCH)).then(function (details) {
      var d = details[box.n % BATCH];
      if (eager) { fill(box, d); return; }
      return new Promise(function (done) {
        setTimeout(function () { if (box.isConnected) { fill(box, d); } done(); }, 0);
      });
    }, function (error) { // a browser without DecompressionStream, or a damaged block: said so
      box.lastChild.textContent = "This article's data could not be read: " + error;
    }).finally(function () {
      if (--waiting === 0) { list.setAttribute("aria-busy", "false"); }
    });
    return box.drawn;
  }
  function placeholder(n) {
    var box = el("article", "group");
    box.id = "g-" + n;
    box.n = n;
    add(box, el("h3", "", index[n][0]));
    add(box, el("p", "reading", "Reading this article's data…"));
    return box;
  }
  function draw(start, stop, before) {
    var jobs = [];
    for (var i = start; i < stop; i++) {
      var box = placeholder(shown[i]);
      list.insertBefore(box, before || null);
      jobs.push(drawn(box, i - start < EAGER));
    }
    return Promise.all(jobs);
  }
  function window_(start) {
    from = Math.max(0, Math.min(start, shown.length));
    to = Math.min(shown.length, from + BATCH);
    list.textContent = "";
    var done = draw(from, to);
    status();
    return done;
  }
  function status() {
    more.classList.toggle("hidden", to >= shown.length);
    more.textContent = "Show " + Math.min(BATCH, shown.length - to) + " more articles (" + (shown.length - to) + " after these)";
    earlier.classList.toggle("hidden", from <= 0);
    earlier.textContent = "Show the " + Math.min(BATCH, from) + " articles before these";
    note.textContent = plural(shown.length, "article") + " listed of " + index.length +
      (shown.length ? "; drawn below: " + (from + 1) + "–" + to : "") +
      (document.readyState === "loading" ? " (still reading the report's data)" : "");
  }
  function drawMore() {
    var start = to;
    to = Math.min(shown.length, to + BATCH);
    status();
    return draw(start, to);
  }
  more.addEventListener("click", drawMore);
  earlier.addEventListener("click", function () {
    var start = Math.max(0, from - BATCH), stop = from;
    from = start;
    status();
    draw(start, stop, list.firstChild);
  });
  // an article's anchor (#g-N, #g-N-fK): its article drawn first if it is not, then shown
  function reveal(hash) {
    var m = /^#g-(\d+)(-f\d+)?$/.exec(hash || "");
    if (!m) { return; }
    var n = Number(m[1]), id = "g-" + n + (m[2] ? "-f" + Number(m[2].slice(2)) : "");
    var target = function () { var t = document.getElementById(id); if (t) { t.scrollIntoView(); } };
    var box = document.getElementById("g-" + n), at = shown.indexOf(n);
    if (box) { target(); if (box.drawn) { box.drawn.then(target); } return; }
    if (at < 0) { return; }
    window_(at).then(target);
    target();
  }
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[href^='#g-']");
    if (a && !document.getElementById(a.getAttribute("href").slice(1))) { reveal(a.getAttribute("href")); }
  });
  window.addEventListener("hashchange", function () { reveal(location.hash); });

  function allPatches() { // every block inflated: its patches, in the order they were made
    var jobs = [];
    for (var k = 0; k * BATCH < index.length; k++) { jobs.push(block(k)); }
    return Promise.all(jobs).then(function () {
      return Object.keys(patches).map(Number).sort(function (a, b) { return a - b; }).map(patchBytes);
    });
  }
  var copyAll = document.getElementById("copy-all"), downloadAll = document.getElementById("download-all");
  if (copyAll) {
    copyAll.addEventListener("click", function (e) { allPatches().then(function (all) { copy(all, e.target); }); });
    downloadAll.addEventListener("click", function () { allPatches().then(function (all) { save(all, "contentlint-fixes.patch"); }); });
  }

  // ---- j / k: the next or previous finding shown (not hidden by a filter), focused and scrolled
  // to; past the last one drawn, the next articles are drawn
  document.addEventListener("keydown", function (e) {
    var tag = (e.target.tagName || "").toLowerCase();
    if (e.ctrlKey || e.metaKey || e.altKey || tag === "input" || tag === "select" || tag === "textarea") { return; }
    if (e.key !== "j" && e.key !== "k") { return; }
    function findings() { return Array.prototype.filter.call(list.querySelectorAll(".finding"), function (f) { return !f.closest(".hidden"); }); }
    e.preventDefault();
    if (drawing) { return; } // the next articles are being drawn: the key waits for them
    var all = findings(), at = all.indexOf(document.activeElement);
    if (at < 0) { // nothing focused yet: from the first finding in view
      var first = all.findIndex(function (f) { return f.getBoundingClientRect().bottom > 0; });
      if (first >= 0) { all[first].focus(); }
      return;
    }
    if (e.key === "j" && at === all.length - 1 && to < shown.length) { // the next articles drawn first
      drawing = true;
      drawMore().then(function () { drawing = false; var after = findings(); if (after[at + 1]) { after[at + 1].focus(); } });
      return;
    }
    all[e.key === "j" ? Math.min(at + 1, all.length - 1) : Math.max(at - 1, 0)].focus();
  });
  var drawing = false;

  search.addEventListener("input", apply);
  document.querySelectorAll("#filters input[type=checkbox], #filters select").forEach(function (e) {
    e.addEventListener("change", apply);
  });
  apply();
  ready(function () {
    status();
    if (location.hash) { reveal(location.hash); }
  });
