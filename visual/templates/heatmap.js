"use strict";
// Shows the shared industries of the cell under the pointer, as text.
(function () {
  var payload = JSON.parse(document.getElementById("rsg-data").textContent);
  var lang = document.documentElement.lang === "en" ? "en" : "ko";
  var panel = document.getElementById("rsg-shared");
  var links = document.getElementById("rsg-downloads");
  payload.downloads.forEach(function (d) {
    var a = document.createElement("a");
    a.href = d.href;
    a.setAttribute("download", "");
    a.textContent = (lang === "ko" ? "내려받기 " : "Download ") + d.format.toUpperCase();
    links.appendChild(a);
  });
  document.querySelectorAll(".rsg-cell").forEach(function (cell) {
    cell.addEventListener("mouseenter", function () {
      var a = cell.getAttribute("data-a"), b = cell.getAttribute("data-b");
      var found = payload.cells[a + "|" + b] || payload.cells[b + "|" + a] || { ko: [], en: [] };
      panel.textContent = "";
      var head = document.createElement("strong");
      head.textContent = cell.querySelector("title").textContent.split("\n")[0];
      panel.appendChild(head);
      var list = document.createElement("ul");
      found[lang].forEach(function (name) {
        var item = document.createElement("li");
        item.textContent = name;
        list.appendChild(item);
      });
      panel.appendChild(list);
    });
  });
  document.body.setAttribute("data-stable", "1");
})();
