/* grader report: sample table, details, comparison and review marks.
 *
 * Safety: every value from the run is put on the page as a text node or an attribute value
 * through the DOM (textContent / setAttribute); this file never parses run data as HTML.
 */
(function () {
  "use strict";

  var started = performance.now();
  var D = JSON.parse(document.getElementById("grader-data").textContent);
  var S = D.S;
  var rows = D.rows;
  var N = D.n;
  var STATUS = ["unmet", "partial", "met"];
  var ROW_H = 30;
  var hasBaseline = D.baseline !== null && D.baseline !== undefined;

  // ------------------------------------------------------------------ small helpers

  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) {
      for (var k in attrs) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) continue;
        if (k === "class") el.className = v;
        else if (k === "text") el.textContent = v;
        else if (k.slice(0, 2) === "on") el.addEventListener(k.slice(2), v);
        else el.setAttribute(k, v === true ? "" : String(v));
      }
    }
    for (var i = 2; i < arguments.length; i++) add(el, arguments[i]);
    return el;
  }

  function add(el, kid) {
    if (kid === null || kid === undefined || kid === false) return;
    if (Array.isArray(kid)) { for (var i = 0; i < kid.length; i++) add(el, kid[i]); return; }
    el.appendChild(typeof kid === "object" ? kid : document.createTextNode(String(kid)));
  }

  function setKids(el) {
    el.textContent = "";
    for (var i = 1; i < arguments.length; i++) add(el, arguments[i]);
  }

  function fmt(v, d) {
    if (v === null || v === undefined || (typeof v === "number" && !isFinite(v))) return "–";
    return typeof v === "number" ? v.toFixed(d === undefined ? 1 : d) : String(v);
  }

  function pct(v) { return v === null || v === undefined || isNaN(v) ? "–" : Math.round(100 * v) + "%"; }

  function signed(v) { return (v > 0 ? "+" : v < 0 ? "−" : "±") + Math.abs(v).toFixed(1); }

  function band(score) { return "band-" + Math.min(Math.floor(score / 20), 4); }

  function taskOf(r) { return D.tasks[r.t]; }

  function sampleKey(r) { return taskOf(r).id + "\u0000" + D.models[r.m] + "\u0000" + r.s; }

  /* Sample details live in gzip+base64 blocks of D.chunk samples, inflated on first use. */
  var chunks = {}, loading = {};
  function loadChunk(c) {
    if (chunks[c]) return Promise.resolve(chunks[c]);
    if (!loading[c]) {
      loading[c] = Promise.resolve().then(function () {
        if (typeof DecompressionStream === "undefined") throw new Error("this browser cannot inflate the sample details (no DecompressionStream); open the report in a current Chromium, Firefox or Safari");
        var text = atob(document.getElementById("grader-detail-" + c).textContent.trim());
        var bytes = new Uint8Array(text.length);
        for (var k = 0; k < text.length; k++) bytes[k] = text.charCodeAt(k);
        var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
        return new Response(stream).text();
      }).then(function (json) { chunks[c] = JSON.parse(json); return chunks[c]; });
    }
    return loading[c];
  }

  function loadDetails(indices) {
    var wanted = {};
    indices.forEach(function (i) { if (i !== null && i !== undefined) wanted[Math.floor(i / D.chunk)] = true; });
    return Promise.all(Object.keys(wanted).map(function (c) { return loadChunk(+c); }));
  }

  function detail(i) { return chunks[Math.floor(i / D.chunk)][i % D.chunk]; }

  function codeOf(d) {
    if (Array.isArray(d.code)) return d.c.slice(d.code[0], d.code[1]);
    return d.code;
  }

  // ------------------------------------------------------------------ review marks

  var REVIEW_KEY = "grader.review." + D.run.key;
  // A mark names its note by id; one saved before notes had ids, by its text ("text:...").
  function markNote(m) { return m.note_id || "text:" + m.note; }
  var fileMarks = new Map();
  (D.review || []).forEach(function (m) { fileMarks.set(markKey(m.task, m.model, m.sample, markNote(m)), m); });
  var localMarks = new Map();
  var storage = null;
  try { storage = window.localStorage; storage.getItem(REVIEW_KEY); } catch (e) { storage = null; }
  try {
    var saved = storage ? JSON.parse(storage.getItem(REVIEW_KEY) || "[]") : [];
    if (Array.isArray(saved)) saved.forEach(function (m) {
      if (m && typeof m.task === "string" && typeof m.note === "string") localMarks.set(markKey(m.task, m.model, m.sample, markNote(m)), m);
    });
  } catch (e) { /* unreadable saved marks: start empty */ }

  function markKey(task, model, sample, note) { return JSON.stringify([task, model, sample, note]); }

  // note: {id, text}; the keys a mark on it may be saved under, by id first
  function noteKeys(r, note) {
    var task = taskOf(r).id, model = D.models[r.m];
    return [markKey(task, model, r.s, note.id), markKey(task, model, r.s, "text:" + note.text)];
  }

  function getMark(r, note) {
    var keys = noteKeys(r, note);
    for (var i = 0; i < keys.length; i++) if (localMarks.has(keys[i])) return { mark: localMarks.get(keys[i]), from: "browser" };
    for (var j = 0; j < keys.length; j++) if (fileMarks.has(keys[j])) return { mark: fileMarks.get(keys[j]), from: "review.json" };
    return null;
  }

  function setMark(r, note, change) {
    var found = getMark(r, note);
    var base = found ? found.mark : { verdict: null, comment: "" };
    var mark = {
      task: taskOf(r).id, model: D.models[r.m], sample: r.s, note_id: note.id, note: note.text,
      verdict: "verdict" in change ? change.verdict : base.verdict || null,
      comment: "comment" in change ? change.comment : base.comment || "",
      at: new Date().toISOString()
    };
    var keys = noteKeys(r, note);
    localMarks.delete(keys[1]); // a mark saved by its text gives way to the one by id
    localMarks.set(keys[0], mark);
    saveMarks();
  }

  function saveMarks() {
    marksIndex = null;
    if (storage) {
      try { storage.setItem(REVIEW_KEY, JSON.stringify(Array.from(localMarks.values()))); } catch (e) { /* full or blocked */ }
    }
    updateReviewCount();
  }

  function allMarks() {
    var merged = new Map(fileMarks);
    localMarks.forEach(function (m, k) { merged.set(k, m); });
    var out = [];
    merged.forEach(function (m, k) {
      if (m.verdict || (m.comment || "").trim()) out.push({ key: k, mark: m, from: localMarks.has(k) ? "browser" : "review.json" });
    });
    return out;
  }

  var marksIndex = null; // sample key -> {n, disagree}
  function sampleMarks(r) {
    if (!marksIndex) {
      marksIndex = new Map();
      allMarks().forEach(function (x) {
        var k = x.mark.task + "\u0000" + x.mark.model + "\u0000" + x.mark.sample;
        var e = marksIndex.get(k) || { n: 0, disagree: 0 };
        e.n += 1;
        if (x.mark.verdict === "disagree") e.disagree += 1;
        marksIndex.set(k, e);
      });
    }
    return marksIndex.get(sampleKey(r)) || null;
  }

  function updateReviewCount() {
    var el = document.getElementById("review-count");
    if (el) el.textContent = String(allMarks().length);
  }

  function exportReview() {
    var doc = {
      version: 1, run: D.run.key, exported_at: new Date().toISOString(),
      marks: allMarks().map(function (x) {
        var m = x.mark;
        var out = { task: m.task, model: m.model, sample: m.sample, note_id: m.note_id, note: m.note, verdict: m.verdict || null, comment: m.comment || "", at: m.at };
        if (!m.note_id) delete out.note_id;
        return out;
      })
    };
    var blob = new Blob([JSON.stringify(doc, null, 2) + "\n"], { type: "application/json" });
    var url = URL.createObjectURL(blob);
    var a = h("a", { href: url, download: "review.json" });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 5000);
  }

  // ------------------------------------------------------------------ syntax highlighting

  var WORDS = {
    python: "and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case",
    javascript: "break case catch class const continue debugger default delete do else export extends finally for function if import in instanceof let new return super switch this throw try typeof var void while with yield async await of static get set",
    java: "abstract assert boolean break byte case catch char class const continue default do double else enum extends final finally float for goto if implements import instanceof int interface long native new package private protected public return short static strictfp super switch synchronized this throw throws transient try void volatile while var record",
    csharp: "abstract as base bool break byte case catch char checked class const continue decimal default delegate do double else enum event explicit extern finally fixed float for foreach goto if implicit in int interface internal is lock long namespace new object operator out override params private protected public readonly ref return sbyte sealed short sizeof stackalloc static string struct switch this throw try typeof uint ulong unchecked unsafe ushort using var virtual void volatile while async await get set init record",
    go: "break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var"
  };
  WORDS.typescript = WORDS.javascript + " interface type enum implements private public protected readonly namespace declare abstract as keyof is infer satisfies";
  var LITERALS = "True False None true false null undefined nil iota NaN Infinity";
  var BUILTINS = {
    python: "print len range int str dict list set tuple isinstance float bool type object super enumerate zip map filter sorted min max sum any all open self cls Exception ValueError KeyError TypeError RuntimeError",
    javascript: "console Number String Object Array JSON Math Error Promise Map Set Date parseInt parseFloat isNaN",
    java: "System Math Objects Optional",
    csharp: "Console Math",
    go: "len cap make new append panic recover delete copy error string int int64 int32 bool byte rune float64 any"
  };
  BUILTINS.typescript = BUILTINS.javascript + " number string boolean any unknown never void";
  var wordSets = {};
  function words(lang) {
    if (!wordSets[lang]) {
      var key = WORDS[lang] ? lang : "javascript";
      wordSets[lang] = { kw: new Set(WORDS[key].split(" ")), lit: new Set(LITERALS.split(" ")), bi: new Set((BUILTINS[key] || "").split(" ")) };
    }
    return wordSets[lang];
  }

  function tokenPattern(lang) {
    var py = lang === "python";
    var comment = py ? "#[^\\n]*" : "\\/\\/[^\\n]*|\\/\\*[\\s\\S]*?(?:\\*\\/|$)";
    var plain = "\"(?:\\\\[\\s\\S]|[^\"\\\\\\n])*\"?|'(?:\\\\[\\s\\S]|[^'\\\\\\n])*'?";
    var str = plain;
    if (py) str = "[rRbBuUfF]{0,2}(?:\"\"\"[\\s\\S]*?(?:\"\"\"|$)|'''[\\s\\S]*?(?:'''|$)|" + plain + ")";
    if (lang === "javascript" || lang === "typescript" || lang === "go") str = "`(?:\\\\[\\s\\S]|[^`\\\\])*`?|" + str;
    if (lang === "csharp") str = "\\$?@\"(?:\"\"|[^\"])*\"?|\\$\"(?:\\\\[\\s\\S]|[^\"\\\\\\n])*\"?|" + str;
    if (lang === "java") str = "\"\"\"[\\s\\S]*?(?:\"\"\"|$)|" + str;
    var num = "\\b(?:0[xXbBoO][\\da-fA-F_]+|\\d[\\d_]*(?:\\.[\\d_]+)?(?:[eE][+-]?\\d+)?)[a-zA-Z]*\\b";
    return new RegExp("(" + comment + ")|(" + str + ")|(" + num + ")|(@[A-Za-z_][\\w.]*)|([A-Za-z_$][\\w$]*)", "g");
  }

  /* Split code into lines of [class, text] tokens. */
  function highlight(code, lang) {
    var lines = [[]];
    function push(cls, text) {
      var parts = text.split("\n");
      for (var i = 0; i < parts.length; i++) {
        if (i) lines.push([]);
        if (parts[i]) lines[lines.length - 1].push([cls, parts[i]]);
      }
    }
    var w = words(lang);
    var re = tokenPattern(lang);
    var last = 0, m;
    while ((m = re.exec(code)) !== null) {
      if (m[0] === "") { re.lastIndex++; continue; }
      if (m.index > last) push("", code.slice(last, m.index));
      var cls = "";
      if (m[1]) cls = "com";
      else if (m[2]) cls = "str";
      else if (m[3]) cls = "num";
      else if (m[4]) cls = "dec";
      else {
        var word = m[5];
        if (w.lit.has(word)) cls = "lit";
        else if (w.kw.has(word)) cls = "kw";
        else if (w.bi.has(word)) cls = "bi";
        else {
          var after = code.slice(re.lastIndex, re.lastIndex + 40).match(/^\s*(\(|<[\w\s,<>\[\]]*>\s*\()/);
          if (after) cls = "fn";
          else if (/^[A-Z]/.test(word) && lang !== "python") cls = "ty";
        }
      }
      push(cls, m[0]);
      last = re.lastIndex;
    }
    if (last < code.length) push("", code.slice(last));
    if (lines.length > 1 && lines[lines.length - 1].length === 0 && code.slice(-1) === "\n") lines.pop();
    return lines;
  }

  var SEV_ORDER = { error: 3, warning: 2, info: 1 };
  var SEV_ICON = { error: "✖", warning: "▲", info: "●" };

  function codeView(code, lang, findings) {
    var lines = highlight(code, lang);
    var at = {}, cover = {}, stray = [];
    findings.forEach(function (f) {
      if (!f.l || f.l < 1 || f.l > lines.length) { stray.push(f); return; }
      (at[f.l] = at[f.l] || []).push(f);
      var end = Math.min(f.el && f.el >= f.l ? f.el : f.l, lines.length);
      for (var ln = f.l; ln <= end; ln++) {
        if (!cover[ln] || SEV_ORDER[f.sv] > SEV_ORDER[cover[ln]]) cover[ln] = f.sv;
      }
    });
    var box = h("div", { class: "code", role: "table", "aria-label": "extracted code" });
    for (var i = 0; i < lines.length; i++) {
      var ln = i + 1, here = at[ln];
      var src = h("span", { class: "src" });
      var toks = lines[i];
      for (var t = 0; t < toks.length; t++) {
        if (toks[t][0]) src.appendChild(h("span", { class: "tk-" + toks[t][0] }, toks[t][1]));
        else src.appendChild(document.createTextNode(toks[t][1]));
      }
      if (!toks.length) src.appendChild(document.createTextNode("\u200b"));
      var worst = here ? here.reduce(function (a, f) { return SEV_ORDER[f.sv] > SEV_ORDER[a] ? f.sv : a; }, "info") : null;
      box.appendChild(h("div", { class: "cl" + (cover[ln] ? " cov-" + cover[ln] : "") + (here ? " has-f" : ""), "data-line": ln },
        h("span", { class: "ln" }, ln),
        h("span", { class: "gut" + (worst ? " sev-" + worst : "") }, worst ? SEV_ICON[worst] : ""),
        src));
      if (here) here.forEach(function (f) { box.appendChild(annotation(f, lines.length)); });
    }
    var wrap = h("div", { class: "code-wrap" });
    if (stray.length) {
      wrap.appendChild(h("div", { class: "stray" }, stray.map(function (f) { return annotation(f, lines.length); })));
    }
    wrap.appendChild(box);
    return wrap;
  }

  function annotation(f, total) {
    var span = f.el && f.el > f.l ? "lines " + f.l + "–" + Math.min(f.el, total) : "line " + f.l;
    return h("div", { class: "ann sev-" + f.sv },
      h("span", { class: "ann-icon" }, SEV_ICON[f.sv] || "●"),
      h("span", { class: "ann-body" },
        h("span", { class: "ann-msg" }, S[f.m]),
        h("span", { class: "ann-meta" }, D.rules[f.r], " · ", f.sv, " · ", span, f.q !== null && f.q !== undefined ? " · " + D.reqs[f.q] : "")));
  }

  // ------------------------------------------------------------------ filters and table

  var form = document.getElementById("filters");
  var F = { task: "", lang: "", model: "", result: "", req: "", reqState: "notmet", rule: "", change: "", review: "", q: "" };
  var sort = { key: null, dir: 1 };
  var view = [];
  var haystack = null;

  function ctl(name) { return form.elements.namedItem(name); }

  function options(select, items) {
    items.forEach(function (it) { select.appendChild(h("option", { value: it[0] }, it[1])); });
  }

  function sortedNames(list, used) {
    var out = [];
    list.forEach(function (name, i) { if (!used || used.has(i)) out.push([i, name]); });
    out.sort(function (a, b) { return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0; });
    return out;
  }

  function setupFilters() {
    var usedT = new Set(), usedM = new Set(), usedR = new Set(), usedRule = new Set(), langs = new Set();
    for (var i = 0; i < N; i++) {
      var r = rows[i];
      usedT.add(r.t); usedM.add(r.m); langs.add(taskOf(r).lang);
      r.rq.forEach(function (x) { usedR.add(Math.floor(x / 3)); });
      r.ru.forEach(function (x) { usedRule.add(x); });
    }
    options(ctl("task"), sortedNames(D.tasks.map(function (t) { return t.id; }), usedT));
    options(ctl("lang"), Array.from(langs).sort().map(function (l) { return [l, l]; }));
    options(ctl("model"), sortedNames(D.models, usedM));
    options(ctl("req"), sortedNames(D.reqs, usedR));
    options(ctl("rule"), sortedNames(D.rules, usedRule));
    form.addEventListener("input", readFilters);
    form.addEventListener("change", readFilters);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    document.getElementById("reset-filters").addEventListener("click", function () { setFilters({}); });
  }

  function readFilters() {
    for (var k in F) if (ctl(k)) F[k] = ctl(k).value;
    form.classList.toggle("has-req", F.req !== "");
    applyFilters();
  }

  function setFilters(values) {
    for (var k in F) {
      F[k] = values[k] !== undefined ? String(values[k]) : k === "reqState" ? "notmet" : "";
      if (ctl(k)) ctl(k).value = F[k];
    }
    form.classList.toggle("has-req", F.req !== "");
    applyFilters();
  }

  function searchText(i) {
    if (!haystack) haystack = [];
    if (haystack[i] === undefined) {
      var r = rows[i], t = taskOf(r), parts = [t.id, t.title, D.models[r.m]];
      r.n.forEach(function (x) { parts.push(S[x]); });
      r.pn.forEach(function (x) { parts.push(S[x]); });
      r.fm.forEach(function (x) { parts.push(S[x]); });
      r.ru.forEach(function (x) { parts.push(D.rules[x]); });
      haystack[i] = parts.join("\n").toLowerCase();
    }
    return haystack[i];
  }

  function matches(i) {
    var r = rows[i];
    if (F.task !== "" && r.t !== +F.task) return false;
    if (F.model !== "" && r.m !== +F.model) return false;
    if (F.lang !== "" && taskOf(r).lang !== F.lang) return false;
    if (F.result === "pass" && !r.p) return false;
    if (F.result === "fail" && r.p) return false;
    if (F.result === "error" && !r.e) return false;
    if (F.req !== "") {
      var want = +F.req, state = null;
      for (var j = 0; j < r.rq.length; j++) if (Math.floor(r.rq[j] / 3) === want) state = STATUS[r.rq[j] % 3];
      if (state === null) return false;
      if (F.reqState === "notmet" ? state === "met" : state !== F.reqState) return false;
    }
    if (F.rule !== "" && r.ru.indexOf(+F.rule) < 0) return false;
    if (F.change !== "") {
      if (F.change === "new") { if (r.b !== undefined) return false; }
      else {
        if (r.b === undefined) return false;
        var b = rows[r.b];
        if (F.change === "regressed" && !(b.p && !r.p)) return false;
        if (F.change === "fixed" && !(!b.p && r.p)) return false;
        if (F.change === "down" && !(r.sc < b.sc - 0.005)) return false;
        if (F.change === "up" && !(r.sc > b.sc + 0.005)) return false;
      }
    }
    if (F.review !== "") {
      var mk = sampleMarks(r);
      if (F.review === "marked" && !mk) return false;
      if (F.review === "unmarked" && mk) return false;
      if (F.review === "disagree" && !(mk && mk.disagree)) return false;
    }
    if (F.q) {
      var words = F.q.toLowerCase().split(/\s+/).filter(Boolean), text = searchText(i);
      for (var w = 0; w < words.length; w++) if (text.indexOf(words[w]) < 0) return false;
    }
    return true;
  }

  var COLS = [
    { key: "task", label: "Task", w: "minmax(160px, 2fr)", get: function (r) { return taskOf(r).id; } },
    { key: "lang", label: "Language", w: "88px", get: function (r) { return taskOf(r).lang; } },
    { key: "model", label: "Model", w: "minmax(130px, 1.6fr)", get: function (r) { return D.models[r.m]; } },
    { key: "sample", label: "#", w: "44px", num: true, get: function (r) { return r.s; } },
    { key: "score", label: "Score", w: "112px", num: true, get: function (r) { return r.sc; } },
    { key: "result", label: "Result", w: "76px", get: function (r) { return r.e ? -1 : r.p; } },
    { key: "tests", label: "Tests", w: "70px", num: true, get: function (r) { return r.tp + r.tf ? r.tp / (r.tp + r.tf) : -1; } },
    { key: "findings", label: "Findings", w: "74px", num: true, get: function (r) { return r.fe * 1000 + r.nf; } },
    { key: "notes", label: "Notes", w: "minmax(220px, 4fr)", get: function (r) { return r.n.length; } },
    { key: "tps", label: "Tok/s", w: "64px", num: true, get: function (r) { return r.tps === undefined ? -1 : r.tps; } }
  ];
  if (hasBaseline) COLS.push({ key: "delta", label: "Δ base", w: "70px", num: true, get: function (r) { return r.b === undefined ? -1e9 : r.sc - rows[r.b].sc; } });
  COLS.push({ key: "review", label: "Review", w: "62px", get: function (r) { var m = sampleMarks(r); return m ? m.disagree * 1000 + m.n : 0; } });

  var grid = document.getElementById("grid");
  var gridHead = document.getElementById("grid-head");
  var gridBody = document.getElementById("grid-body");
  var gridSpacer = document.getElementById("grid-spacer");
  var gridRows = document.getElementById("grid-rows");

  function setupTable() {
    grid.style.setProperty("--cols", COLS.map(function (c) { return c.w; }).join(" "));
    COLS.forEach(function (c) {
      gridHead.appendChild(h("button", { type: "button", class: "th" + (c.num ? " num" : ""), "data-key": c.key, title: "sort by " + c.label.toLowerCase(), onclick: function () { sortBy(c.key); } }, c.label, h("span", { class: "arrow" })));
    });
    gridBody.addEventListener("scroll", function () { requestRender(); }, { passive: true });
    window.addEventListener("resize", function () { requestRender(true); });
    gridRows.addEventListener("click", function (e) {
      var row = e.target.closest(".row");
      if (row) openSample(+row.getAttribute("data-i"));
    });
  }

  function sortBy(key) {
    if (sort.key === key) sort.dir = -sort.dir;
    else { sort.key = key; sort.dir = key === "score" || key === "findings" || key === "review" || key === "tps" ? -1 : 1; }
    Array.prototype.forEach.call(gridHead.children, function (el) {
      el.classList.toggle("sorted", el.getAttribute("data-key") === sort.key);
      el.querySelector(".arrow").textContent = el.getAttribute("data-key") === sort.key ? (sort.dir > 0 ? " ▲" : " ▼") : "";
    });
    applySort();
    renderRows(true);
  }

  function applySort() {
    if (!sort.key) return;
    var col = COLS.filter(function (c) { return c.key === sort.key; })[0], dir = sort.dir;
    var keys = new Map();
    view.forEach(function (i) { keys.set(i, col.get(rows[i])); });
    view.sort(function (a, b) {
      var x = keys.get(a), y = keys.get(b);
      if (x < y) return -dir;
      if (x > y) return dir;
      return a - b;
    });
  }

  function applyFilters() {
    view = [];
    for (var i = 0; i < N; i++) if (matches(i)) view.push(i);
    applySort();
    gridBody.scrollTop = 0;
    renderRows(true);
    renderSelection();
  }

  function renderSelection() {
    var passed = 0, score = 0;
    view.forEach(function (i) { passed += rows[i].p; score += rows[i].sc; });
    var el = document.getElementById("selection");
    setKids(el, 
      h("b", { id: "shown-count" }, view.length), " of " + N + " samples",
      view.length ? " · pass rate " + pct(passed / view.length) + " · mean score " + fmt(score / view.length) : "",
      view.length === 0 ? h("span", { class: "muted" }, " — nothing matches; reset the filters") : null);
  }

  var pending = false, lastRange = "";
  function requestRender(force) {
    if (force) lastRange = "";
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; renderRows(false); });
  }

  function renderRows(force) {
    gridSpacer.style.height = view.length * ROW_H + "px";
    var top = gridBody.scrollTop, height = gridBody.clientHeight || 600;
    var start = Math.max(0, Math.floor(top / ROW_H) - 8);
    var end = Math.min(view.length, Math.ceil((top + height) / ROW_H) + 8);
    var range = start + ":" + end;
    if (!force && range === lastRange) return;
    lastRange = range;
    gridRows.style.transform = "translateY(" + start * ROW_H + "px)";
    var frag = document.createDocumentFragment();
    for (var k = start; k < end; k++) frag.appendChild(rowEl(view[k]));
    setKids(gridRows, frag);
  }

  function rowEl(i) {
    var r = rows[i], t = taskOf(r), mk = sampleMarks(r);
    var bar = h("span", { class: "bar" }, h("span", { class: "fill " + band(r.sc) }));
    bar.firstChild.style.width = Math.max(0, Math.min(100, r.sc)) + "%";
    var note = r.n.length ? S[r.n[0]] : r.pn.length ? S[r.pn[0]] : "";
    var cells = [
      h("span", { class: "td name", title: t.title || t.id }, t.id),
      h("span", { class: "td muted" }, t.lang),
      h("span", { class: "td name", title: D.models[r.m] }, D.models[r.m]),
      h("span", { class: "td num" }, r.s),
      h("span", { class: "td num score" }, h("span", { class: "score-n" }, fmt(r.sc)), bar),
      h("span", { class: "td" }, r.e ? h("span", { class: "badge err" }, "error") : h("span", { class: "badge " + (r.p ? "pass" : "fail") }, r.p ? "pass" : "fail")),
      h("span", { class: "td num" + (r.tf ? " bad-text" : "") }, r.tp + r.tf ? r.tp + "/" + (r.tp + r.tf) : r.ts === "ok" ? "–" : r.ts),
      h("span", { class: "td num" }, r.nf ? h("span", { class: r.fe ? "bad-text" : "warn-text" }, r.nf) : h("span", { class: "muted" }, "0")),
      h("span", { class: "td note" + (r.n.length ? "" : " muted"), title: note }, note, r.n.length > 1 ? h("span", { class: "more" }, "+" + (r.n.length - 1)) : null),
      h("span", { class: "td num muted" }, r.tps === undefined ? "–" : fmt(r.tps, 0))
    ];
    if (hasBaseline) {
      if (r.b === undefined) cells.push(h("span", { class: "td num muted" }, "new"));
      else {
        var d = r.sc - rows[r.b].sc, flip = rows[r.b].p !== r.p;
        cells.push(h("span", { class: "td num " + (d < -0.005 ? "bad-text" : d > 0.005 ? "good-text" : "muted") + (flip ? " flip" : "") }, Math.abs(d) < 0.005 ? "0" : signed(d)));
      }
    }
    cells.push(h("span", { class: "td" }, mk ? h("span", { class: "badge " + (mk.disagree ? "fail" : "note") }, mk.disagree ? "✗ " + mk.disagree : "✓ " + mk.n) : ""));
    return h("div", { class: "row" + (r.p ? "" : " failed"), "data-i": i, role: "row" }, cells);
  }

  // ------------------------------------------------------------------ sample details

  var drawer = document.getElementById("drawer");
  var backdrop = document.getElementById("backdrop");
  var drawerHead = document.getElementById("drawer-head");
  var drawerBody = document.getElementById("drawer-body");
  var openIndex = null, openVs = null;

  function kv(pairs) {
    var dl = h("dl", { class: "kv" });
    pairs.forEach(function (p) { dl.appendChild(h("dt", null, p[0])); dl.appendChild(h("dd", null, p[1])); });
    return dl;
  }

  function section(title, body, extra) {
    return h("section", { class: "block" }, h("h3", null, title, extra || null), body);
  }

  function pre(text, cls) { return h("pre", { class: "text" + (cls ? " " + cls : "") }, text); }

  // texts, noteIds: string-table indexes of the notes' texts and of their ids, in one order
  function noteList(r, texts, noteIds, positive, reviewable) {
    if (!texts.length) return h("p", { class: "muted" }, positive ? "No positive notes." : "No problems noted.");
    return h("ul", { class: "notes" + (positive ? " positive" : "") }, texts.map(function (sid, i) {
      var note = { id: S[noteIds[i]], text: S[sid] };
      var li = h("li", { class: "note" }, h("div", { class: "note-text" }, h("span", { class: "note-icon" }, positive ? "✓" : "✗"), note.text));
      if (reviewable) li.appendChild(reviewControls(r, note));
      else {
        var found = getMark(r, note);
        if (found) li.appendChild(h("div", { class: "muted small" }, "reviewed: " + (found.mark.verdict || "comment")));
      }
      return li;
    }));
  }

  function reviewControls(r, note) {
    var box = h("div", { class: "review" });
    function draw() {
      var found = getMark(r, note), mark = found ? found.mark : {};
      setKids(box, 
        h("button", { type: "button", class: "mark agree" + (mark.verdict === "agree" ? " on" : ""), "aria-pressed": mark.verdict === "agree" ? "true" : "false",
          onclick: function () { setMark(r, note, { verdict: mark.verdict === "agree" ? null : "agree" }); draw(); refreshRowMarks(); } }, "✓ agree"),
        h("button", { type: "button", class: "mark disagree" + (mark.verdict === "disagree" ? " on" : ""), "aria-pressed": mark.verdict === "disagree" ? "true" : "false",
          onclick: function () { setMark(r, note, { verdict: mark.verdict === "disagree" ? null : "disagree" }); draw(); refreshRowMarks(); } }, "✗ disagree"),
        commentBox(r, note, mark.comment || ""),
        found ? h("span", { class: "muted small from" }, "from " + found.from) : null);
    }
    draw();
    return box;
  }

  function commentBox(r, note, value) {
    var input = h("input", { type: "text", class: "comment", placeholder: "comment…", value: value, "aria-label": "comment on this note" });
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { setMark(r, note, { comment: input.value }); refreshRowMarks(); }, 250);
    });
    input.addEventListener("change", function () { clearTimeout(timer); setMark(r, note, { comment: input.value }); refreshRowMarks(); });
    return input;
  }

  function refreshRowMarks() { renderRows(true); }

  function requirementsTable(d) {
    if (!d.rq.length) return h("p", { class: "muted" }, "This task lists no requirements.");
    return h("div", { class: "reqs" }, d.rq.map(function (v) {
      var ev = v.ev.map(function (x) { return S[x]; });
      var shown = ev.slice(0, 8);
      var list = h("ul", { class: "evidence" }, shown.map(evidenceItem));
      var more = null;
      if (ev.length > shown.length) {
        more = h("button", { type: "button", class: "link-button", onclick: function () {
          setKids(list, ev.map(evidenceItem)); more.remove();
        } }, "show all " + ev.length + " lines of evidence");
      }
      return h("div", { class: "req st-" + v.st },
        h("div", { class: "req-head" },
          h("span", { class: "badge " + (v.st === "met" ? "pass" : v.st === "partial" ? "part" : "fail") }, v.st),
          h("b", null, D.reqs[v.id]),
          h("span", { class: "muted small" }, " credit " + fmt(v.cr * 100, 0) + "% · weight " + fmt(v.w, 1) + (v.g ? " · gating" : ""))),
        v.d ? h("div", { class: "disagreement" }, "⚠ ", v.d) : null,
        list, more);
    }));
  }

  function evidenceItem(text) {
    var cls = /\bpassed$|: holds$/.test(text) ? "ok" : /\bfailed\b|\berror\b|^line \d+:/.test(text) ? "bad" : "";
    return h("li", { class: cls }, text);
  }

  function testsBlock(d) {
    var t = d.t;
    var head = h("div", { class: "test-summary" },
      h("span", { class: "badge " + (t.st === "ok" && !t.f && !t.e ? "pass" : "fail") }, t.st),
      " " + t.p + " passed · " + t.f + " failed · " + t.e + " errors" + (t.sk ? " · " + t.sk + " skipped" : ""),
      t.to ? h("b", { class: "bad-text" }, " · timed out") : null,
      t.d !== null && t.d !== undefined ? h("span", { class: "muted" }, " · " + fmt(t.d, 2) + " s" + (t.tl ? " (limit " + fmt(t.tl, 0) + " s)" : "")) : null);
    var parts = [head];
    if (t.n) parts.push(h("p", { class: "test-note" }, t.n));
    if (t.cs.length) {
      var bad = t.cs.filter(function (c) { return c[1] !== "passed"; });
      var good = t.cs.filter(function (c) { return c[1] === "passed"; });
      if (bad.length) parts.push(casesTable(bad));
      if (good.length && bad.length && good.length > 6) {
        parts.push(h("details", { class: "passed-cases" }, h("summary", null, good.length + " passed cases"), casesTable(good)));
      } else if (good.length) parts.push(casesTable(good));
    }
    if (t.o) parts.push(h("details", { class: "output" }, h("summary", null, "Test output" + (t.oc ? " (last part)" : "")), pre(t.o)));
    return parts;
  }

  function casesTable(cases) {
    return h("table", { class: "cases" }, h("tbody", null, cases.map(function (c) {
      return h("tr", { class: "case " + c[1] },
        h("td", { class: "outcome" }, h("span", { class: "badge " + (c[1] === "passed" ? "pass" : c[1] === "skipped" ? "note" : "fail") }, c[1])),
        h("td", null, h("div", { class: "case-name" }, S[c[0]]), c[2] !== null ? pre(S[c[2]], "case-msg") : null),
        h("td", { class: "num muted dur" }, c[3] ? fmt(c[3], 3) + " s" : ""));
    })));
  }

  function renderSample(i, compact) {
    var r = rows[i], d = detail(i), t = taskOf(r);
    var code = codeOf(d);
    var base = r.b !== undefined ? rows[r.b] : null;
    var wrap = h("article", { class: "sample", "data-i": i });
    wrap.appendChild(h("header", { class: "sample-head" },
      h("div", { class: "sample-title" },
        r.bl ? h("span", { class: "tag base" }, "baseline") : null,
        h("b", null, t.id), " · ", D.models[r.m], " · sample " + r.s),
      t.title ? h("div", { class: "muted" }, t.title) : null,
      h("div", { class: "sample-badges" },
        h("span", { class: "big-score " + band(r.sc) + "-text" }, fmt(r.sc)),
        h("span", { class: "badge " + (r.p ? "pass" : "fail") }, r.p ? "passed" : "failed"),
        r.e ? h("span", { class: "badge err" }, "error") : null,
        base ? h("span", { class: "muted small" }, " baseline " + fmt(base.sc) + (base.p ? " passed" : " failed")) : null)));
    if (d.err) wrap.appendChild(h("div", { class: "banner bad" }, d.err));
    wrap.appendChild(section("Notes", [noteList(r, r.n, r.ni, false, !r.bl), noteList(r, r.pn, r.pi, true, !r.bl)]));
    wrap.appendChild(section("Code", code === null || code === undefined || code === ""
      ? h("p", { class: "banner warn" }, "No code was extracted from the reply.")
      : codeView(code, d.lang || t.lang, d.f), d.f.length ? h("span", { class: "h3-extra" }, d.f.length + " finding" + (d.f.length === 1 ? "" : "s")) : null));
    wrap.appendChild(section("Requirements", requirementsTable(d)));
    wrap.appendChild(section("Tests", testsBlock(d)));
    var figures = [];
    for (var k in d.g) if (k.charAt(0) !== "_") figures.push([k, String(d.g[k])]);
    wrap.appendChild(section("Generation", figures.length ? kv(figures) : h("p", { class: "muted" }, "No generation figures (a replayed completion).")));
    var prompt = d.pr !== null && d.pr !== undefined ? S[d.pr] : "";
    wrap.appendChild(h("details", { class: "block fold" }, h("summary", null, "Prompt"), prompt ? pre(prompt) : h("p", { class: "muted" }, "Not recorded."),
      d.g._prompt_text !== undefined ? [h("div", { class: "muted small" }, "As sent (templated):"), pre(S[d.g._prompt_text])] : null));
    var reply = h("details", { class: "block fold reply" }, h("summary", null, "Model reply (raw)"), pre(d.c));
    if (!code || compact === "reply") reply.open = true;
    wrap.appendChild(reply);
    return wrap;
  }

  function compareChoices(i) {
    var r = rows[i], out = [];
    if (r.b !== undefined) out.push([r.b, "baseline run · same sample"]);
    var same = [], other = [];
    for (var j = 0; j < rows.length; j++) {
      if (j === i || rows[j].t !== r.t) continue;
      var o = rows[j];
      var label = (o.bl ? "baseline · " : "") + D.models[o.m] + " · sample " + o.s + " · " + fmt(o.sc) + (o.p ? " passed" : " failed");
      if (j === r.b) continue;
      (o.m !== r.m && o.s === r.s && !o.bl ? same : other).push([j, label]);
    }
    return out.concat(same, other).slice(0, 300);
  }

  function openSample(i, vs) {
    if (isNaN(i) || i < 0 || i >= rows.length) return;
    var hash = "sample=" + i + (vs !== undefined && vs !== null ? "&vs=" + vs : "");
    if (location.hash.slice(1) !== hash) { location.hash = hash; return; }
    showSample(i, vs);
  }

  var showToken = 0;
  function showSample(i, vs) {
    var token = ++showToken;
    loadDetails([i, vs]).then(function () {
      if (token === showToken) drawSample(i, vs);
    }, function (error) {
      setKids(drawerBody, h("p", { class: "banner bad" }, String(error && error.message || error)));
      drawer.hidden = false; backdrop.hidden = false;
    });
  }

  function drawSample(i, vs) {
    openIndex = i; openVs = vs === undefined ? null : vs;
    var r = rows[i];
    var pos = view.indexOf(i);
    var select = h("select", { "aria-label": "compare with", class: "vs-select" }, h("option", { value: "" }, "side by side with…"));
    var choices = compareChoices(i);
    if (openVs !== null && !choices.some(function (c) { return c[0] === openVs; }) && rows[openVs]) {
      var o = rows[openVs];
      choices.unshift([openVs, (o.bl ? "baseline · " : "") + taskOf(o).id + " · " + D.models[o.m] + " · sample " + o.s]);
    }
    choices.forEach(function (c) { select.appendChild(h("option", { value: c[0] }, c[1])); });
    if (openVs !== null) select.value = String(openVs);
    select.addEventListener("change", function () { openSample(i, select.value === "" ? null : +select.value); });
    setKids(drawerHead, 
      h("button", { type: "button", class: "ghost", title: "previous sample (k)", disabled: pos <= 0 ? true : null, onclick: function () { step(-1); } }, "◀"),
      h("button", { type: "button", class: "ghost", title: "next sample (j)", disabled: pos < 0 || pos >= view.length - 1 ? true : null, onclick: function () { step(1); } }, "▶"),
      h("span", { class: "drawer-pos muted" }, pos >= 0 ? pos + 1 + " / " + view.length : ""),
      h("span", { class: "drawer-title" }, taskOf(r).id + " · " + D.models[r.m] + " · #" + r.s),
      select,
      h("button", { type: "button", class: "ghost close", title: "close (Esc)", onclick: closeDrawer }, "✕"));
    var body;
    if (openVs !== null && openVs >= 0 && openVs < rows.length) {
      body = h("div", { class: "split" }, renderSample(i), renderSample(openVs));
      drawer.classList.add("wide");
    } else {
      body = renderSample(i);
      drawer.classList.remove("wide");
    }
    setKids(drawerBody, body);
    drawerBody.scrollTop = 0;
    drawer.hidden = false;
    backdrop.hidden = false;
    document.body.classList.add("drawer-open");
  }

  function step(delta) {
    var pos = view.indexOf(openIndex);
    var next = view[pos + delta];
    if (pos >= 0 && next !== undefined) openSample(next, null);
  }

  function closeDrawer() {
    drawer.hidden = true;
    backdrop.hidden = true;
    document.body.classList.remove("drawer-open");
    openIndex = null;
    if (location.hash.indexOf("sample=") === 1) location.hash = currentTab;
  }

  // ------------------------------------------------------------------ review tab

  function renderReviewTab() {
    var list = document.getElementById("review-list");
    var marks = allMarks();
    if (!marks.length) { setKids(list, h("p", { class: "empty" }, "No marks yet. Open a sample and mark its notes.")); return; }
    var where = new Map();
    for (var i = 0; i < N; i++) where.set(sampleKey(rows[i]), i);
    var agree = marks.filter(function (x) { return x.mark.verdict === "agree"; }).length;
    var disagree = marks.filter(function (x) { return x.mark.verdict === "disagree"; }).length;
    var groups = new Map();
    marks.forEach(function (x) {
      var k = x.mark.task + "\u0000" + x.mark.model + "\u0000" + x.mark.sample;
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k).push(x);
    });
    var blocks = [];
    groups.forEach(function (items, k) {
      var m0 = items[0].mark, idx = where.get(k);
      blocks.push(h("div", { class: "review-group" },
        h("div", { class: "review-sample" },
          idx !== undefined ? h("a", { href: "#sample=" + idx }, m0.task + " · " + m0.model + " · sample " + m0.sample)
            : h("span", null, m0.task + " · " + m0.model + " · sample " + m0.sample, h("span", { class: "muted" }, " (not in this run)"))),
        h("ul", { class: "review-items" }, items.map(function (x) {
          return h("li", null,
            x.mark.verdict ? h("span", { class: "badge " + (x.mark.verdict === "agree" ? "pass" : "fail") }, x.mark.verdict) : h("span", { class: "badge note" }, "comment"),
            " ", x.mark.note,
            h("span", { class: "muted small" }, " · " + x.from),
            x.mark.comment ? h("div", { class: "review-comment" }, "“" + x.mark.comment + "”") : null);
        }))));
    });
    setKids(list, h("p", null, marks.length + " marks · " + agree + " agree · " + disagree + " disagree"), blocks);
  }

  // ------------------------------------------------------------------ tabs and routing

  var currentTab = "overview";
  var TABS = ["overview", "samples", "changes", "review"];

  function showTab(name) {
    if (!document.getElementById("tab-" + name)) name = "overview";
    currentTab = name;
    TABS.forEach(function (t) {
      var sec = document.getElementById("tab-" + t);
      if (sec) sec.hidden = t !== name;
    });
    Array.prototype.forEach.call(document.querySelectorAll("#tabs a"), function (a) { a.classList.toggle("active", a.getAttribute("data-tab") === name); });
    if (name === "samples") requestRender(true);
    if (name === "review") renderReviewTab();
  }

  function route() {
    var hash = location.hash.slice(1);
    if (hash.indexOf("sample=") === 0) {
      var p = new URLSearchParams(hash);
      var vs = p.get("vs");
      if (currentTab !== "samples" && currentTab !== "changes" && currentTab !== "review") showTab("samples");
      showSample(+p.get("sample"), vs === null || vs === "" ? null : +vs);
      return;
    }
    if (!drawer.hidden) {
      drawer.hidden = true; backdrop.hidden = true; document.body.classList.remove("drawer-open"); openIndex = null;
    }
    showTab(TABS.indexOf(hash) >= 0 ? hash : "overview");
  }

  function wireOverview() {
    document.addEventListener("click", function (e) {
      var target = e.target.closest("[data-sample], [data-task], [data-model], [data-req]");
      if (!target || drawer.contains(target) || form.contains(target)) return;
      if (target.hasAttribute("data-sample")) {
        e.preventDefault();
        var vs = target.getAttribute("data-vs");
        openSample(+target.getAttribute("data-sample"), vs === null ? null : +vs);
        return;
      }
      e.preventDefault();
      var values = {};
      if (target.hasAttribute("data-task")) values.task = target.getAttribute("data-task");
      if (target.hasAttribute("data-model")) values.model = target.getAttribute("data-model");
      if (target.hasAttribute("data-req")) {
        var idx = D.reqs.indexOf(target.getAttribute("data-req"));
        if (idx >= 0) { values.req = idx; values.reqState = "notmet"; }
      }
      setFilters(values);
      location.hash = "samples";
    });
    document.addEventListener("keydown", function (e) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test((e.target && e.target.tagName) || "");
      if (e.key === "Escape" && !drawer.hidden) { closeDrawer(); return; }
      if (typing) return;
      if (!drawer.hidden && (e.key === "j" || e.key === "ArrowRight")) step(1);
      else if (!drawer.hidden && (e.key === "k" || e.key === "ArrowLeft")) step(-1);
      else if (e.key === "/" && currentTab === "samples") { e.preventDefault(); ctl("q").focus(); }
    });
    backdrop.addEventListener("click", closeDrawer);
    document.getElementById("export-review").addEventListener("click", exportReview);
    document.getElementById("clear-review").addEventListener("click", function () {
      localMarks.clear();
      saveMarks();
      renderReviewTab();
      renderRows(true);
    });
    window.addEventListener("hashchange", route);
  }

  setupFilters();
  setupTable();
  wireOverview();
  updateReviewCount();
  view = [];
  for (var i0 = 0; i0 < N; i0++) view.push(i0);
  renderSelection();
  route();
  window.__grader = { ready: true, openMs: performance.now(), scriptMs: performance.now() - started, setFilters: setFilters, shown: function () { return view.length; } };
  document.documentElement.setAttribute("data-ready", "1");
})();
