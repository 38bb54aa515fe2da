// newslint classroom page: legend toggles and the explanation popup.
// Everything taken from the report data is inserted with textContent, never as HTML: the
// rule files and articles it comes from are untrusted.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var block = document.getElementById("newslint-data");
  var data = block ? JSON.parse(block.textContent) : { categories: {}, rules: {} };
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark[data-r]"));

  // The popup replaces the browser's plain tooltips, which would otherwise show twice.
  marks.forEach(function (m) {
    m.removeAttribute("title");
    m.tabIndex = 0;
  });

  // ---- toggles: one per category, one per group (which sets all of its categories).
  var catBoxes = Array.prototype.slice.call(document.querySelectorAll("input[data-cat]"));
  var groupBoxes = Array.prototype.slice.call(document.querySelectorAll("input[data-group]"));

  function applyCategory(box) {
    var cls = "c" + box.getAttribute("data-cat");
    marks.forEach(function (m) {
      if (m.classList.contains(cls)) m.classList.toggle("off", !box.checked);
    });
  }

  function syncGroup(groupBox) {
    var group = groupBox.getAttribute("data-group");
    var members = catBoxes.filter(function (b) { return b.getAttribute("data-in") === group; });
    var on = members.filter(function (b) { return b.checked; }).length;
    groupBox.checked = on > 0;
    groupBox.indeterminate = on > 0 && on < members.length;
  }

  catBoxes.forEach(function (box) {
    box.addEventListener("change", function () {
      applyCategory(box);
      groupBoxes.forEach(syncGroup);
    });
  });
  groupBoxes.forEach(function (groupBox) {
    groupBox.addEventListener("change", function () {
      var group = groupBox.getAttribute("data-group");
      catBoxes.forEach(function (b) {
        if (b.getAttribute("data-in") === group) {
          b.checked = groupBox.checked;
          applyCategory(b);
        }
      });
      groupBox.indeterminate = false;
    });
  });

  // ---- the popup: every finding under the pointer (a highlight and the ones around it).
  var tip = document.createElement("div");
  tip.id = "tip";
  tip.hidden = true;
  tip.setAttribute("role", "tooltip");
  document.body.appendChild(tip);
  var pinned = null;
  var shown = null;

  var groupNames = { technique: "propaganda technique", cue: "credibility cue", signal: "credibility signal" };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function findingsAt(mark) {
    var list = [];
    for (var m = mark; m && m.tagName === "MARK"; m = m.parentElement) {
      if (!m.classList.contains("off")) list.push(m);
    }
    return list;
  }

  function fill(list) {
    tip.textContent = "";
    list.forEach(function (m) {
      var rule = data.rules[m.getAttribute("data-r")] || {};
      var cat = data.categories[m.getAttribute("data-c")] || {};
      var item = el("div", "item");
      var head = el("div", "cat");
      var sw = el("span", "sw c" + m.getAttribute("data-c"));
      head.appendChild(sw);
      head.appendChild(document.createTextNode(cat.name || ""));
      head.appendChild(el("span", "grp", groupNames[cat.group] || ""));
      item.appendChild(head);
      item.appendChild(el("div", "msg", rule.message || ""));
      if (rule.explanation) item.appendChild(el("p", "", rule.explanation));
      if (cat.advice) {
        var next = el("p", "next");
        next.appendChild(el("b", "", "What to do next: "));
        next.appendChild(document.createTextNode(cat.advice));
        item.appendChild(next);
      }
      if (m.classList.contains("q")) {
        item.appendChild(el("p", "quoted", cat.group === "signal"
          ? "Inside a quotation: signals count in either voice."
          : "Inside a quotation: reported, but it does not count in the score (the outlet is judged on its own words)."));
      }
      item.appendChild(el("div", "rule", "rule " + (rule.id || "")));
      tip.appendChild(item);
    });
  }

  function show(mark) {
    var list = findingsAt(mark);
    if (!list.length) return hide();
    if (shown) shown.classList.remove("active");
    shown = mark;
    mark.classList.add("active");
    fill(list);
    tip.hidden = false;
    var r = mark.getBoundingClientRect();
    var width = tip.offsetWidth;
    var left = Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8);
    tip.style.left = Math.max(8, left) + "px";
    tip.style.top = (r.bottom + window.scrollY + 6) + "px";
  }

  function hide() {
    if (shown) shown.classList.remove("active");
    shown = null;
    pinned = null;
    tip.hidden = true;
  }

  marks.forEach(function (m) {
    m.addEventListener("mouseover", function (ev) {
      if (pinned) return;
      ev.stopPropagation();
      show(m);
    });
    m.addEventListener("mouseout", function () {
      if (!pinned) hide();
    });
    m.addEventListener("click", function (ev) {
      ev.stopPropagation();
      if (pinned === m) return hide();
      show(m);
      pinned = m;
    });
    // Keyboard users reach highlights with Tab; a mouse click focuses first, then pins.
    m.addEventListener("focus", function () { if (!pinned) show(m); });
    m.addEventListener("blur", function () { if (!pinned) hide(); });
  });
  document.addEventListener("click", function (ev) {
    if (pinned && !tip.contains(ev.target)) hide();
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") hide();
  });
})();
