"use strict";
// The Cypher console. Every text from the graph or the user reaches the page through
// textContent, never as markup; the only requests go to this server.
(function () {
  var payload = JSON.parse(document.getElementById("rsg-data").textContent);
  var csrf = document.querySelector("meta[name=rsg-csrf]").getAttribute("content");
  var HISTORY = "rsg-console-history";
  var state = { rows: null, columns: null, graph: null, network: null, lastRun: null };
  var consoleApi = { payload: payload, state: state, runs: 0 };
  window.rsgConsole = consoleApi;

  function byId(id) { return document.getElementById(id); }
  function el(tag, cls, content) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (content !== undefined && content !== null) { node.textContent = String(content); }
    return node;
  }
  var editor = byId("rsg-editor");
  var params = byId("rsg-params");
  var highlight = byId("rsg-highlight");
  var complete = byId("rsg-complete");

  // ---- highlighting -------------------------------------------------------------------
  var keywordSet = {};
  payload.schema.keywords.forEach(function (k) {
    k.split(" ").forEach(function (w) { keywordSet[w.toUpperCase()] = true; });
  });
  var TOKEN = /(\/\/[^\n]*)|('(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?)|(\$[A-Za-z_]\w*)|(:\s*`?[A-Za-z_][\w]*`?)|(\.[A-Za-z_]\w*)|(\b\d+(?:\.\d+)?\b)|([A-Za-z_]\w*)/g;

  function paint() {
    var text = editor.value;
    highlight.textContent = "";
    var last = 0;
    var match;
    TOKEN.lastIndex = 0;
    while ((match = TOKEN.exec(text)) !== null) {
      if (match.index > last) { highlight.appendChild(document.createTextNode(text.slice(last, match.index))); }
      var cls = null;
      if (match[1]) { cls = "cy-com"; }
      else if (match[2]) { cls = "cy-str"; }
      else if (match[3]) { cls = "cy-param"; }
      else if (match[4]) { cls = "cy-label"; }
      else if (match[5]) { cls = "cy-prop"; }
      else if (match[6]) { cls = "cy-num"; }
      else if (match[7] && keywordSet[match[7].toUpperCase()]) { cls = "cy-kw"; }
      highlight.appendChild(cls ? el("span", cls, match[0]) : document.createTextNode(match[0]));
      last = match.index + match[0].length;
    }
    highlight.appendChild(document.createTextNode(text.slice(last) + "\n"));
    highlight.scrollTop = editor.scrollTop;
  }
  editor.addEventListener("scroll", function () { highlight.scrollTop = editor.scrollTop; });

  // ---- completion ---------------------------------------------------------------------
  var choices = [];
  var active = 0;
  var wordStart = 0;

  function paramNames() {
    try { return Object.keys(JSON.parse(params.value || "{}")); } catch (e) { return []; }
  }

  function candidates() {
    var upto = editor.value.slice(0, editor.selectionStart);
    var m = /([:.$]?)\s*`?([A-Za-z_\uAC00-\uD7A3][\w]*)?$/.exec(upto);
    if (!m) { return []; }
    var word = m[2] || "";
    wordStart = editor.selectionStart - word.length;
    var pool;
    if (m[1] === ":") {
      var inRel = upto.lastIndexOf("[") > upto.lastIndexOf("]");
      pool = inRel ? payload.schema.types : payload.schema.labels.concat(payload.schema.types);
    } else if (m[1] === ".") { pool = payload.schema.properties; }
    else if (m[1] === "$") { pool = paramNames(); }
    else {
      if (word.length < 2) { return []; }
      pool = payload.schema.keywords;
    }
    var lower = word.toLowerCase();
    return pool.filter(function (c) {
      return c.toLowerCase().indexOf(lower) === 0 && c !== word;
    }).slice(0, 30);
  }

  function showChoices() {
    choices = candidates();
    complete.textContent = "";
    if (!choices.length) { complete.hidden = true; return; }
    active = 0;
    choices.forEach(function (c, i) {
      var item = el("li", i === 0 ? "rsg-active" : "", c);
      item.setAttribute("role", "option");
      item.addEventListener("mousedown", function (ev) { ev.preventDefault(); accept(i); });
      complete.appendChild(item);
    });
    complete.hidden = false;
  }

  function accept(i) {
    var choice = choices[i];
    var end = editor.selectionStart;
    editor.value = editor.value.slice(0, wordStart) + choice + editor.value.slice(end);
    var caret = wordStart + choice.length;
    editor.setSelectionRange(caret, caret);
    complete.hidden = true;
    paint();
  }

  function move(step) {
    var items = complete.children;
    items[active].className = "";
    active = (active + step + items.length) % items.length;
    items[active].className = "rsg-active";
    items[active].scrollIntoView({ block: "nearest" });
  }

  editor.addEventListener("input", function () { paint(); showChoices(); });
  editor.addEventListener("blur", function () { complete.hidden = true; });
  editor.addEventListener("keydown", function (ev) {
    if ((ev.ctrlKey || ev.metaKey) && ev.key === "Enter") { ev.preventDefault(); run(); return; }
    if (complete.hidden) {
      if (ev.key === "Tab") {
        ev.preventDefault();
        var at = editor.selectionStart;
        editor.value = editor.value.slice(0, at) + "  " + editor.value.slice(editor.selectionEnd);
        editor.setSelectionRange(at + 2, at + 2);
        paint();
      }
      return;
    }
    if (ev.key === "ArrowDown") { ev.preventDefault(); move(1); }
    else if (ev.key === "ArrowUp") { ev.preventDefault(); move(-1); }
    else if (ev.key === "Enter" || ev.key === "Tab") { ev.preventDefault(); accept(active); }
    else if (ev.key === "Escape") { complete.hidden = true; }
  });
  params.addEventListener("keydown", function (ev) {
    if ((ev.ctrlKey || ev.metaKey) && ev.key === "Enter") { ev.preventDefault(); run(); }
  });

  // ---- running ------------------------------------------------------------------------
  function headers() {
    var h = { "Content-Type": "application/json", "Accept": "application/json" };
    if (csrf) { h["X-CSRF-Token"] = csrf; }
    return h;
  }

  function showError(body) {
    var box = byId("rsg-error");
    box.textContent = "";
    box.appendChild(el("strong", "", body.error || "Error"));
    box.appendChild(document.createTextNode(": " + (body.detail || "")));
    if (body.hint) { box.appendChild(el("div", "rsg-hint", "→ " + body.hint)); }
    (body.problems || []).forEach(function (p) { box.appendChild(el("div", "", "· " + p)); });
    box.hidden = false;
  }

  function readParams() {
    var text = params.value.trim();
    if (!text) { return {}; }
    try {
      var value = JSON.parse(text);
      if (value === null || typeof value !== "object" || Array.isArray(value)) { throw new Error("not an object"); }
      return value;
    } catch (e) {
      showError({ error: "JSON", detail: "매개변수는 JSON 객체여야 합니다 / parameters must be a JSON object",
                  hint: '{"region": "jeonbuk"}' });
      return null;
    }
  }

  function shareUrl(query, paramText) {
    var search = new URLSearchParams();
    search.set("query", query);
    if (paramText.trim()) { search.set("params", paramText.trim()); }
    search.set("run", "1");
    return "/console?" + search.toString();
  }

  function run() {
    var query = editor.value;
    byId("rsg-error").hidden = true;
    var given = readParams();
    if (given === null || !query.trim()) { return Promise.resolve(); }
    var link = shareUrl(query, params.value);
    byId("rsg-share").setAttribute("href", link);
    history.replaceState(null, "", link);
    remember(query, params.value.trim());
    byId("rsg-status").textContent = "실행 중… / running…";
    var started = performance.now();
    state.lastRun = { query: query, params: given };
    return fetch("/cypher", { method: "POST", headers: headers(), credentials: "same-origin",
                              body: JSON.stringify({ query: query, params: given }) })
      .then(function (answer) {
        return answer.json().then(function (body) { return { ok: answer.ok, status: answer.status, body: body }; });
      })
      .then(function (got) {
        var ms = Math.round(performance.now() - started);
        consoleApi.runs += 1;
        setTimeout(function () { document.body.setAttribute("data-runs", String(consoleApi.runs)); }, 0);
        if (!got.ok) {
          byId("rsg-status").textContent = "오류 " + got.status + " / error " + got.status + " · " + ms + " ms";
          showError(got.body);
          setResult(null);
          if (got.status === 408) {
            byId("rsg-status").textContent += " · 제한 시간 " + payload.limits.timeout_ms + " ms / timeout";
          }
          return;
        }
        setResult(got.body);
        var rows = got.body.rows.length;
        var note = "행 " + rows + "개 / " + rows + " rows · " + ms + " ms · 행 상한 " +
          payload.limits.row_cap + " / row cap · 제한 시간 " + payload.limits.timeout_ms + " ms / timeout";
        if (got.body.truncated) {
          note = "⚠ 행 상한에서 잘림 / truncated at the row cap · " + note;
        }
        byId("rsg-status").textContent = note;
      })
      .catch(function (e) {
        showError({ error: "Network", detail: String(e) });
        byId("rsg-status").textContent = "";
      });
  }
  consoleApi.run = run;
  byId("rsg-run").addEventListener("click", function () { run(); });

  function cellText(value) {
    if (value === null || value === undefined) { return ""; }
    if (typeof value === "object") {
      if (value._nodes && value._relationships) {
        var names = value._nodes.map(function (n) { return "(" + (n.name_ko || n.id || n._id) + ")"; });
        var steps = [names[0]];
        value._relationships.forEach(function (r, i) { steps.push("-[:" + r._type + "]-" + names[i + 1]); });
        return steps.join("");
      }
      if (value._type && value._start !== undefined) { return "[:" + value._type + "]"; }
      if (value._labels) { return "(:" + value._labels.join(":") + " " + (value.id || value.name_ko || value._id) + ")"; }
      return JSON.stringify(value);
    }
    return String(value);
  }

  function setResult(body) {
    state.columns = body ? body.columns : null;
    state.rows = body ? body.rows : null;
    state.graph = body ? body.graph : null;
    var table = byId("rsg-table");
    table.textContent = "";
    ["rsg-csv", "rsg-graphml", "rsg-gexf"].forEach(function (id) { byId(id).disabled = !body; });
    if (!body) { return; }
    var head = el("tr");
    body.columns.forEach(function (c) { head.appendChild(el("th", "", c)); });
    var thead = el("thead"); thead.appendChild(head); table.appendChild(thead);
    var tbody = el("tbody");
    body.rows.forEach(function (row) {
      var tr = el("tr");
      body.columns.forEach(function (c) { tr.appendChild(el("td", "", cellText(row[c]))); });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    if (!byId("rsg-graph").hidden) { drawGraph(); }
  }

  // ---- graph tab ----------------------------------------------------------------------
  function drawGraph() {
    var box = byId("rsg-graph");
    if (state.network) { state.network.destroy(); state.network = null; }
    box.textContent = "";
    var graph = state.graph;
    if (!graph || !graph.nodes.length) {
      box.appendChild(el("p", "rsg-muted", "결과에 노드나 관계가 없습니다 / the result holds no nodes or relationships"));
      return;
    }
    var nodes = graph.nodes.map(function (n) {
      var p = n.properties || {};
      return { id: n.id, label: String(p.name_ko || p.name_en || p.id || n.id),
               group: n.labels[0] || "", title: (n.labels.join(":") + " " + (p.id || "")) };
    });
    var edges = graph.edges.map(function (e) {
      return { id: e.id, from: e.source, to: e.target, label: e.type, arrows: "to", font: { size: 10 } };
    });
    state.network = new vis.Network(box, { nodes: new vis.DataSet(nodes), edges: new vis.DataSet(edges) },
      { physics: { stabilization: { iterations: 150 } }, nodes: { shape: "dot", size: 12 } });
    consoleApi.drawn = { nodes: nodes.length, edges: edges.length };
  }

  function tab(which) {
    var table = which === "table";
    byId("rsg-tab-table").setAttribute("aria-selected", String(table));
    byId("rsg-tab-graph").setAttribute("aria-selected", String(!table));
    byId("rsg-table-box").hidden = !table;
    byId("rsg-graph").hidden = table;
    if (!table) { drawGraph(); }
  }
  byId("rsg-tab-table").addEventListener("click", function () { tab("table"); });
  byId("rsg-tab-graph").addEventListener("click", function () { tab("graph"); });

  // ---- downloads ----------------------------------------------------------------------
  function save(blob, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  function csvCell(value) {
    var text = cellText(value);
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  byId("rsg-csv").addEventListener("click", function () {
    if (!state.rows) { return; }
    var lines = [state.columns.map(csvCell).join(",")];
    state.rows.forEach(function (row) {
      lines.push(state.columns.map(function (c) { return csvCell(row[c]); }).join(","));
    });
    save(new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv" }), "rsg-console.csv");
  });

  function graphFile(format) {
    if (!state.lastRun) { return; }
    fetch("/console/export?format=" + format, { method: "POST", headers: headers(), credentials: "same-origin",
                                                body: JSON.stringify(state.lastRun) })
      .then(function (answer) {
        if (!answer.ok) { return answer.json().then(showError); }
        return answer.blob().then(function (blob) { save(blob, "rsg-console." + format); });
      });
  }
  byId("rsg-graphml").addEventListener("click", function () { graphFile("graphml"); });
  byId("rsg-gexf").addEventListener("click", function () { graphFile("gexf"); });

  // ---- history and named queries ------------------------------------------------------
  function loadHistory() {
    try { return JSON.parse(localStorage.getItem(HISTORY) || "[]"); } catch (e) { return []; }
  }
  function remember(query, paramText) {
    var items = loadHistory().filter(function (h) { return h.query !== query || h.params !== paramText; });
    items.unshift({ query: query, params: paramText, at: new Date().toISOString() });
    try { localStorage.setItem(HISTORY, JSON.stringify(items.slice(0, 50))); } catch (e) { /* full */ }
    renderHistory();
  }
  function fill(query, paramText) {
    editor.value = query;
    params.value = paramText;
    paint();
    editor.focus();
  }
  function renderHistory() {
    var list = byId("rsg-history");
    list.textContent = "";
    loadHistory().forEach(function (h) {
      var item = el("li", "", h.query.replace(/\s+/g, " ").slice(0, 90));
      item.title = h.at;
      item.addEventListener("click", function () { fill(h.query, h.params || ""); });
      list.appendChild(item);
    });
  }
  byId("rsg-clear-history").addEventListener("click", function () {
    localStorage.removeItem(HISTORY);
    renderHistory();
  });

  function renderNamed() {
    var list = byId("rsg-named");
    list.textContent = "";
    payload.named.forEach(function (q) {
      var item = el("li");
      item.appendChild(el("code", "", q.name + (q.origin === "user" ? " ★" : "")));
      item.appendChild(el("div", "", q.description_ko));
      item.appendChild(el("div", "rsg-en", q.description_en));
      item.dataset.name = q.name;
      item.addEventListener("click", function () {
        fill(q.query, Object.keys(q.params).length ? JSON.stringify(q.params) : "");
      });
      list.appendChild(item);
    });
  }

  // ---- saving -------------------------------------------------------------------------
  byId("rsg-save").addEventListener("click", function () {
    var given = readParams();
    if (given === null) { return; }
    var body = { name: byId("rsg-save-name").value.trim(), description_ko: byId("rsg-save-ko").value,
                 description_en: byId("rsg-save-en").value, query: editor.value, params: given };
    var status = byId("rsg-save-status");
    status.textContent = "";
    fetch("/console/queries", { method: "POST", headers: headers(), credentials: "same-origin",
                                body: JSON.stringify(body) })
      .then(function (answer) {
        return answer.json().then(function (got) {
          if (!answer.ok) { showError(got); return; }
          byId("rsg-error").hidden = true;
          status.className = "rsg-ok";
          status.textContent = "저장했습니다 / saved: " + got.name;
          payload.named = payload.named.filter(function (q) { return q.name !== got.name; });
          payload.named.push(got);
          renderNamed();
        });
      });
  });
  if (!payload.can_save) {
    byId("rsg-save").disabled = true;
    byId("rsg-save-status").textContent =
      "저장하려면 서버에 RSG_API_KEY를 두고 로그인하세요 / saving needs RSG_API_KEY on the server and a login";
  }

  // ---- start --------------------------------------------------------------------------
  renderNamed();
  renderHistory();
  fill(payload.initial.query || "", payload.initial.params || "");
  if (payload.initial.query) { byId("rsg-share").setAttribute("href", shareUrl(payload.initial.query, payload.initial.params || "")); }
  var ready = payload.initial.run && payload.initial.query ? run() : Promise.resolve();
  ready.then(function () { document.body.setAttribute("data-ready", "1"); });
})();
