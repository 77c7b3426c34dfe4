"use strict";
// The view page: draws the graph held in #rsg-data with vis-network. Every text from the
// graph reaches the page through textContent or the canvas, never as markup.
(function () {
  var payload = JSON.parse(document.getElementById("rsg-data").textContent);
  var text = payload.text;
  var state = { lang: payload.lang === "en" ? "en" : "ko" };
  var view = { payload: payload, stable: false, stableMs: null, network: null };
  window.rsgView = view;

  function byId(id) { return document.getElementById(id); }
  function t(key) { return text[key][state.lang]; }
  function el(tag, cls, content) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (content !== undefined && content !== null) { node.textContent = String(content); }
    return node;
  }
  function pick(item, field) { return item[field + "_" + state.lang]; }
  function other(item, field) { return item[field + "_" + (state.lang === "ko" ? "en" : "ko")]; }

  function tooltip(item) {
    var box = el("div", "rsg-tip");
    box.appendChild(el("div", "rsg-tip-title", pick(item, "label")));
    if (other(item, "label") !== pick(item, "label")) {
      box.appendChild(el("div", "rsg-tip-sub", other(item, "label")));
    }
    var kind = item.kind_ko ? pick(item, "kind") : "";
    if (item.rsg_id) { kind = kind + (kind ? " · " : "") + item.rsg_id; }
    if (kind) { box.appendChild(el("div", "rsg-tip-kind", kind)); }
    (item.figures || []).forEach(function (f) {
      var row = el("div", "rsg-tip-row");
      row.appendChild(el("span", "rsg-tip-key", pick(f, "name") + ": "));
      row.appendChild(el("span", "rsg-tip-value", pick(f, "value")));
      box.appendChild(row);
    });
    if (item.evidence) {
      box.appendChild(el("div", "rsg-tip-evidence", "“" + item.evidence + "”"));
    }
    if (item.sources && item.sources.length) {
      box.appendChild(el("div", "rsg-tip-sources", t("sources") + ": " + item.sources.join(", ")));
    }
    return box;
  }
  view.tooltip = tooltip;

  function localise(item) {
    var copy = Object.assign({}, item);
    copy.label = pick(item, "label");
    copy.title = tooltip(item);
    return copy;
  }

  function renderLegend() {
    var legend = byId("rsg-legend");
    legend.textContent = "";
    (payload.legend || []).forEach(function (entry) {
      var row = el("div", "rsg-legend-row");
      var swatch = el("span", "rsg-swatch");
      if (entry.kind === "mark") {
        swatch.className += " rsg-border";
        swatch.style.borderColor = entry.color;
      } else {
        swatch.style.background = entry.color;
        if (entry.shape === "dot" || entry.shape === "ellipse") { swatch.className += " rsg-round"; }
      }
      row.appendChild(swatch);
      row.appendChild(el("span", null, entry[state.lang]));
      legend.appendChild(row);
    });
  }

  function renderChrome() {
    document.documentElement.lang = state.lang;
    var title = payload["title_" + state.lang];
    byId("rsg-title").textContent = title;
    document.title = title;
    byId("rsg-note").textContent = payload["note_" + state.lang] || "";
    byId("rsg-counts").textContent = t("counts")
      .replace("{nodes}", payload.nodes.length).replace("{edges}", payload.edges.length);
    byId("rsg-search-label").textContent = t("search");
    byId("rsg-search").placeholder = t("search_hint");
    byId("rsg-embed-toggle").textContent = t("embed");
    byId("rsg-embed-copy").textContent = t("copy");
    ["ko", "en"].forEach(function (lang) {
      byId("rsg-lang-" + lang).setAttribute("aria-pressed", String(lang === state.lang));
    });
    var downloads = byId("rsg-downloads");
    downloads.textContent = "";
    var group = null;
    var shown = null;
    (payload.downloads || []).forEach(function (d) {
      // The page itself, then the static pictures by size (the same as ?format=&preset=).
      var name = d.format === "html" ? t("download") : pick(d, "preset");
      if (name !== shown) {
        shown = name;
        group = el("span", "rsg-download-group");
        group.appendChild(el("span", "rsg-download-name", name));
        downloads.appendChild(group);
      }
      var a = el("a", null, d.format.toUpperCase());
      a.href = inLanguage(d.href);
      a.setAttribute("download", "");
      group.appendChild(a);
    });
    renderLegend();
  }

  function inLanguage(href) {
    // Pictures are drawn in the language the page shows now.
    var parts = href.split("?");
    var kept = (parts[1] || "").split("&").filter(function (p) {
      return p && p.indexOf("lang=") !== 0;
    });
    kept.push("lang=" + state.lang);
    return parts[0] + "?" + kept.join("&");
  }

  function setLanguage(lang) {
    state.lang = lang === "en" ? "en" : "ko";
    renderChrome();
    if (view.nodes) {
      view.nodes.update(payload.nodes.map(localise));
      view.edges.update(payload.edges.map(localise));
    }
  }
  view.setLanguage = setLanguage;

  function markStable() {
    if (view.stable) { return; }
    view.stable = true;
    view.stableMs = Math.round(performance.now());
    document.body.setAttribute("data-stable", "1");
  }

  function search(query) {
    var status = byId("rsg-search-status");
    var q = query.trim().toLowerCase();
    if (!view.network || !q) { status.textContent = ""; if (view.network) { view.network.unselectAll(); } return; }
    var ids = view.nodes.getIds({
      filter: function (n) {
        return [n.label_ko, n.label_en, n.rsg_id].some(function (s) {
          return s && String(s).toLowerCase().indexOf(q) >= 0;
        });
      }
    });
    view.network.selectNodes(ids);
    if (ids.length) { view.network.fit({ nodes: ids, animation: false }); }
    status.textContent = t("matches").replace("{n}", ids.length);
  }

  function embedSnippet() {
    if (!payload.embed_url) { return ""; }
    var src = new URL(payload.embed_url, window.location.href).href;
    var frame = document.createElement("iframe");
    frame.setAttribute("src", src);
    frame.setAttribute("title", payload["title_" + state.lang]);
    frame.setAttribute("width", "100%");
    frame.setAttribute("height", "640");
    frame.setAttribute("loading", "lazy");
    frame.setAttribute("referrerpolicy", "no-referrer");
    return frame.outerHTML;
  }

  function copySnippet() {
    var area = byId("rsg-embed-code");
    var status = byId("rsg-embed-status");
    function fallback() {
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      status.textContent = ok ? t("copied") : t("copy_by_hand");
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(area.value).then(function () {
        status.textContent = t("copied");
      }, fallback);
    } else {
      fallback();
    }
  }

  function wire() {
    ["ko", "en"].forEach(function (lang) {
      byId("rsg-lang-" + lang).addEventListener("click", function () { setLanguage(lang); });
    });
    var box = byId("rsg-search");
    box.addEventListener("input", function () { search(box.value); });
    box.addEventListener("keydown", function (e) { if (e.key === "Enter") { search(box.value); } });
    var toggle = byId("rsg-embed-toggle");
    if (!payload.embed_url) { toggle.className = "rsg-off"; }
    toggle.addEventListener("click", function () {
      var panel = byId("rsg-embed");
      panel.hidden = !panel.hidden;
      byId("rsg-embed-code").value = embedSnippet();
    });
    byId("rsg-embed-copy").addEventListener("click", copySnippet);
  }
  view.search = search;

  function draw() {
    view.nodes = new vis.DataSet(payload.nodes.map(localise));
    view.edges = new vis.DataSet(payload.edges.map(localise));
    var container = byId("rsg-network");
    var network = new vis.Network(container, { nodes: view.nodes, edges: view.edges }, payload.options);
    view.network = network;
    if (payload.fixed) {
      network.once("afterDrawing", markStable);
    } else {
      network.once("stabilizationIterationsDone", function () {
        network.setOptions({ physics: { enabled: false } });
        network.fit({ animation: false });
        markStable();
      });
    }
  }

  wire();
  renderChrome();
  draw();
})();
