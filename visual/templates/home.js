"use strict";
// Suggestions as you type: /search over names, aliases and former names. Text from the graph
// reaches the page through textContent only; the only requests go to this server.
(function () {
  var input = document.getElementById("rsg-q");
  var list = document.getElementById("rsg-suggest");
  var timer = null;
  var asked = 0;
  var active = -1;
  var KINDS = { Region: "지역", Industry: "산업", Organization: "기관", Strategy: "전략",
                Initiative: "사업", Designation: "지정", Source: "출처", Person: "인물", Target: "목표" };

  function href(hit) {
    var id = encodeURIComponent(hit.id);
    if (hit.label === "Region") { return "/views/region/" + id; }
    if (hit.label === "Industry") { return "/views/industry/" + id; }
    if (hit.label === "Organization") { return "/views/organizations?organization=" + id; }
    var search = new URLSearchParams();
    search.set("query", "MATCH (n {id: $id})-[r]-(m) RETURN n, r, m LIMIT 100");
    search.set("params", JSON.stringify({ id: hit.id }));
    search.set("run", "1");
    return "/console?" + search.toString();
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function show(items) {
    list.textContent = "";
    active = -1;
    items.forEach(function (hit) {
      var item = el("li");
      item.setAttribute("role", "option");
      var link = el("a");
      link.href = href(hit);
      link.appendChild(el("span", "", hit.name_ko));
      link.appendChild(el("span", "rsg-en", " " + hit.name_en));
      link.appendChild(el("span", "rsg-kind", KINDS[hit.label] ? KINDS[hit.label] + " / " + hit.label : (hit.label || "")));
      var names = [hit.name_ko, hit.name_en, hit.id];
      var other = (hit.matched_on || []).filter(function (m) { return names.indexOf(m) < 0; });
      if (other.length) {
        var former = (hit.former_names || []).map(function (f) { return f.name_ko; }).concat(
          (hit.former_names || []).map(function (f) { return f.name_en; }));
        var isFormer = former.indexOf(other[0]) >= 0;
        link.appendChild(el("span", "rsg-former", (isFormer ? "옛 이름 / former name: " : "별칭 / alias: ") + other[0]));
      }
      item.appendChild(link);
      if (hit.label === "Region" || hit.label === "Industry") {
        var when = el("a", "rsg-timeline-link", "연표 / timeline");
        when.href = "/timeline/" + hit.label.toLowerCase() + "/" + encodeURIComponent(hit.id);
        item.appendChild(when);
      }
      list.appendChild(item);
    });
    list.hidden = items.length === 0;
    document.body.setAttribute("data-suggested", String(++asked));
  }

  function ask() {
    var q = input.value.trim();
    if (!q) { show([]); return; }
    fetch("/search?limit=8&q=" + encodeURIComponent(q), { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (answer) { return answer.ok ? answer.json() : { items: [] }; })
      .then(function (body) { if (input.value.trim() === q) { show(body.items || []); } })
      .catch(function () { show([]); });
  }

  function move(step) {
    var items = list.children;
    if (!items.length) { return; }
    if (active >= 0) { items[active].className = ""; }
    active = (active + step + items.length) % items.length;
    items[active].className = "rsg-active";
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 120);
  });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") { ev.preventDefault(); move(1); }
    else if (ev.key === "ArrowUp") { ev.preventDefault(); move(-1); }
    else if (ev.key === "Escape") { list.hidden = true; }
    else if (ev.key === "Enter") {
      ev.preventDefault();
      var pick = list.children[active >= 0 ? active : 0];
      if (pick) { window.location.href = pick.querySelector("a").getAttribute("href"); }
    }
  });
  document.getElementById("rsg-search").addEventListener("submit", function (ev) { ev.preventDefault(); });
})();
