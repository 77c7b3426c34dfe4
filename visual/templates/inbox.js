"use strict";
// The review inbox. Text from documents reaches the page through textContent only; the only
// requests go to this server, with the session's CSRF token on every decision.
(function () {
  var payload = JSON.parse(document.getElementById("rsg-data").textContent);
  var csrf = document.querySelector("meta[name=rsg-csrf]").getAttribute("content");
  var inbox = { payload: payload, decided: 0 };
  window.rsgInbox = inbox;
  var rows = {};

  function byId(id) { return document.getElementById(id); }
  function el(tag, cls, content) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (content !== undefined && content !== null) { node.textContent = String(content); }
    return node;
  }
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
    if (body.hint) { box.appendChild(el("div", "", "→ " + body.hint)); }
    (body.problems || []).slice(0, 20).forEach(function (p) { box.appendChild(el("div", "", "· " + p)); });
    box.hidden = false;
  }
  function post(url, body) {
    return fetch(url, { method: "POST", headers: headers(), credentials: "same-origin",
                        body: JSON.stringify(body || {}) })
      .then(function (answer) {
        return answer.json().then(function (got) {
          if (!answer.ok) { showError(got); throw new Error(got.detail || "refused"); }
          byId("rsg-error").hidden = true;
          return got;
        });
      });
  }

  // The evidence marked at its offsets in its paragraph; entries queued before paragraphs
  // were kept show their sentence with the evidence found in it.
  function context(item) {
    var at = item.evidence_at;
    var text = item.paragraph || "";
    if (!text || !at || at[0] < 0 || at[1] > text.length || at[0] >= at[1]) { return sentence(item); }
    var box = el("div", "rsg-sentence rsg-paragraph");
    box.appendChild(document.createTextNode(text.slice(0, at[0])));
    var marked = el("mark", "", text.slice(at[0], at[1]));
    marked.dataset.start = String(at[0]);
    marked.dataset.end = String(at[1]);
    box.appendChild(marked);
    box.appendChild(document.createTextNode(text.slice(at[1])));
    return box;
  }

  function sentence(item) {
    var box = el("div", "rsg-sentence");
    var text = item.sentence || "";
    var at = text.indexOf(item.evidence);
    if (!text || at < 0) {
      box.appendChild(el("mark", "", item.evidence));
      return box;
    }
    box.appendChild(document.createTextNode(text.slice(0, at)));
    box.appendChild(el("mark", "", item.evidence));
    box.appendChild(document.createTextNode(text.slice(at + item.evidence.length)));
    return box;
  }

  function editor(item) {
    var box = el("div", "rsg-edit");
    box.hidden = true;
    var inputs = {};
    function field(name, value) {
      var label = el("label", "", name);
      var input = el("input");
      input.name = name;
      input.value = value === null || value === undefined ? "" : String(value);
      input.dataset.original = input.value;
      label.appendChild(input);
      box.appendChild(label);
      inputs[name] = input;
    }
    payload.fields.forEach(function (name) {
      field(name, item.edits[name] !== undefined ? item.edits[name] : item[name]);
    });
    Object.keys(item.new).forEach(function (role) {
      field(role + "_id", item.edits[role + "_id"] || "");
      field(role + "_name_en", item.edits[role + "_name_en"] || "");
    });
    return { box: box, inputs: inputs };
  }

  function edits(row) {
    var found = {};
    Object.keys(row.edit.inputs).forEach(function (name) {
      var input = row.edit.inputs[name];
      if (input.value !== input.dataset.original && input.value.trim() !== "") { found[name] = input.value.trim(); }
      else if (/_(id|name_en)$/.test(name) && input.value.trim()) { found[name] = input.value.trim(); }
    });
    return found;
  }

  function mark(ids, status) {
    ids.forEach(function (id) {
      var row = rows[id];
      if (!row) { return; }
      row.status = status;
      row.node.className = "rsg-item rsg-" + status;
      row.state.textContent = status === "accepted" ? "승인됨 / accepted" : "거절됨 / rejected";
      row.buttons.forEach(function (b) { b.disabled = true; });
    });
    inbox.decided += ids.length;
    count();
  }

  function decide(accept, reject) {
    return post("/inbox/decide", { accept: accept, reject: reject }).then(function (got) {
      mark(got.accepted, "accepted");
      mark(got.rejected, "rejected");
      document.body.setAttribute("data-decided", String(inbox.decided));
    }).catch(function () { document.body.setAttribute("data-refused", "1"); });
  }

  function itemRow(item) {
    var node = el("div", "rsg-item");
    node.id = "item-" + item.id;
    var head = el("div", "rsg-fact");
    head.appendChild(el("code", "", item.subject));
    head.appendChild(document.createTextNode(" —" + item.type + "→ "));
    head.appendChild(el("code", "", item.object));
    if (item.amount_text) { head.appendChild(document.createTextNode(" · " + item.amount_text)); }
    if (item.date) { head.appendChild(document.createTextNode(" · " + item.date)); }
    node.appendChild(head);
    Object.keys(item.new).forEach(function (role) {
      node.appendChild(el("div", "rsg-new", "새 " + item.new[role].label + " / new: " + item.new[role].name +
        " (" + role + "_id, " + role + "_name_en)"));
    });
    node.appendChild(context(item));
    var edit = editor(item);
    var actions = el("div", "rsg-actions");
    actions.appendChild(el("span", "rsg-conf", "신뢰도 / confidence " + item.confidence.toFixed(2)));
    var accept = el("button", "rsg-accept", "승인 / accept");
    var toggle = el("button", "rsg-edit-toggle", "고치기 / edit");
    var reject = el("button", "rsg-reject", "거절 / reject");
    [accept, toggle, reject].forEach(function (b) { b.type = "button"; actions.appendChild(b); });
    var state = el("span", "rsg-state");
    actions.appendChild(state);
    node.appendChild(actions);
    node.appendChild(edit.box);
    var row = { item: item, node: node, edit: edit, state: state, status: "pending", buttons: [accept, reject] };
    rows[item.id] = row;
    accept.addEventListener("click", function () { decide([{ id: item.id, edits: edits(row) }], []); });
    reject.addEventListener("click", function () { decide([], [item.id]); });
    toggle.addEventListener("click", function () { edit.box.hidden = !edit.box.hidden; });
    if (!payload.writable) { [accept, reject].forEach(function (b) { b.disabled = true; }); }
    return node;
  }

  function count() {
    var pending = Object.keys(rows).filter(function (id) { return rows[id].status === "pending"; }).length;
    var shown = payload.shown;
    byId("rsg-count").textContent = "이 쪽 대기 " + pending + "건 · 전체 " + shown.candidates + "건, 문서 " +
      shown.documents + "개 / " + pending + " pending on this page · " + shown.candidates + " in " +
      shown.documents + " documents";
  }

  // Links to the other pages of the queue, keeping the filters of this one.
  function pageLink(page, label) {
    var shown = payload.shown;
    var query = new URLSearchParams();
    if (shown.source) { query.set("source", shown.source); }
    if (shown.min_confidence !== null) { query.set("min_confidence", String(shown.min_confidence)); }
    query.set("page", String(page));
    var link = el("a", "", label);
    link.href = "/inbox?" + query.toString();
    return link;
  }
  function pages(box) {
    var shown = payload.shown;
    if (shown.page > 1) { box.appendChild(pageLink(shown.page - 1, "← 앞 쪽 / previous")); }
    box.appendChild(el("span", "rsg-muted", shown.page + " / " + shown.pages + " 쪽 (page)"));
    if (shown.page < shown.pages) { box.appendChild(pageLink(shown.page + 1, "다음 쪽 / next →")); }
  }

  function render() {
    var box = byId("rsg-groups");
    payload.groups.forEach(function (group) {
      var doc = el("section", "rsg-doc");
      // The file's name only: where the server keeps it is no business of the page.
      var file = String(group.path || "").split(/[\\/]/).pop();
      var title = el("h2", "", group.title || file);
      doc.appendChild(title);
      var about = [group.source, group.publisher, group.published, file].filter(Boolean).join(" · ");
      doc.appendChild(el("div", "rsg-muted", about));
      group.items.forEach(function (item) { doc.appendChild(itemRow(item)); });
      box.appendChild(doc);
    });
    if (!payload.groups.length && payload.shown.candidates) {
      box.appendChild(el("p", "rsg-muted", "이 쪽에는 후보가 없습니다. 첫 쪽으로 가세요. / No candidates on this page: go back to the first one."));
      box.appendChild(pageLink(1, "첫 쪽 / first page"));
    } else if (!payload.groups.length) {
      box.appendChild(el("p", "rsg-muted", "검토할 후보가 없습니다. `rsg ingest 파일`로 문서를 넣으세요. / Nothing to review: add documents with `rsg ingest FILE`."));
    }
    pages(byId("rsg-pages"));
    pages(byId("rsg-pages-end"));
    byId("rsg-filter-source").value = payload.shown.source || "";
    byId("rsg-filter-confidence").value = payload.shown.min_confidence === null ? "" : String(payload.shown.min_confidence);
    var list = byId("rsg-proposed");
    payload.proposed.forEach(function (org) {
      var item = el("li");
      item.appendChild(el("strong", "", org.name));
      item.appendChild(document.createTextNode(" — " + org.items.length + "건 / candidates: "));
      org.items.forEach(function (ref) {
        var link = el("a", "", ref.id);
        link.href = "#item-" + ref.id;
        link.addEventListener("click", function () { rows[ref.id].edit.box.hidden = false; });
        item.appendChild(link);
        item.appendChild(document.createTextNode(" "));
      });
      list.appendChild(item);
    });
    byId("rsg-proposed-box").hidden = payload.proposed.length === 0;
    count();
  }

  // Candidates naming a node new to the graph are left pending unless their id and English
  // name are filled in: one of them would make the server refuse the whole batch.
  byId("rsg-bulk").addEventListener("click", function () {
    var threshold = parseFloat(byId("rsg-threshold").value);
    var chosen = [];
    var left = 0;
    Object.keys(rows).forEach(function (id) {
      var row = rows[id];
      if (row.status !== "pending" || row.item.confidence < threshold) { return; }
      var given = edits(row);
      var ready = row.item.needs.every(function (role) {
        return given[role + "_id"] && given[role + "_name_en"];
      });
      if (ready) { chosen.push({ id: id, edits: given }); } else { left += 1; }
    });
    byId("rsg-bulk-note").textContent = left ? "새 노드의 id가 없어 " + left + "건을 남김 / left " +
      left + " pending: they name a new node; give its id and English name first" : "";
    document.body.setAttribute("data-left", String(left));
    if (chosen.length) { decide(chosen, []); }
  });

  // ---- build with progress ------------------------------------------------------------
  function showBuild(status) {
    var bar = byId("rsg-build-progress");
    var text = byId("rsg-build-status");
    bar.hidden = status.state !== "running";
    if (status.total) { bar.max = status.total; bar.value = status.done; } else { bar.removeAttribute("value"); }
    if (status.state === "running") { text.textContent = "빌드 중 / building: " + (status.step || ""); }
    else if (status.state === "done") {
      text.textContent = "빌드 완료 / built " + status.build_id + " · " + status.nodes + " nodes · " +
        status.relationships + " relationships · " + status.seconds.toFixed(1) + " s";
    } else if (status.state === "failed") {
      text.textContent = "빌드 실패 / build failed";
      showError({ error: "Build", detail: status.error, hint: status.hint, problems: status.problems });
    }
    document.body.setAttribute("data-build", status.state);
  }
  function poll() {
    fetch("/inbox/build", { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (answer) { return answer.json(); })
      .then(function (status) {
        showBuild(status);
        if (status.state === "running") { setTimeout(poll, 400); }
      });
  }
  byId("rsg-build").addEventListener("click", function () {
    post("/inbox/build", {}).then(function (status) { showBuild(status); setTimeout(poll, 300); })
      .catch(function () { /* shown */ });
  });

  if (!payload.writable) {
    byId("rsg-readonly").hidden = false;
    byId("rsg-bulk").disabled = true;
    byId("rsg-build").disabled = true;
  }
  render();
  showBuild(payload.build);
  if (payload.build.state === "running") { poll(); }
  document.body.setAttribute("data-ready", "1");
})();
