/*
 * Narrows a table of actions in place, by organisation, status, plan and overdue. An enhancement
 * only: every filter is also a page of its own, reachable by links without JavaScript.
 */
(function () {
  "use strict";
  var table = document.querySelector("table.action-table");
  var slot = document.querySelector("[data-filter-form]");
  if (!table || !slot) { return; }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);

  function options(attribute, labelOf) {
    var seen = {};
    rows.forEach(function (row) {
      (row.getAttribute(attribute) || "").split(" ").forEach(function (value) {
        if (value && !seen[value]) { seen[value] = labelOf(row, value); }
      });
    });
    return Object.keys(seen).sort(function (a, b) { return seen[a].localeCompare(seen[b]); })
      .map(function (value) { return [value, seen[value]]; });
  }
  function linkText(row, selector, value) {
    var link = row.querySelector(selector + "[data-id='" + value + "']");
    return link ? link.textContent.trim() : value;
  }

  var form = document.createElement("form");
  form.className = "filter-form";
  form.setAttribute("aria-label", "Filter actions");
  var status = document.createElement("p");
  status.setAttribute("role", "status");

  function select(id, label, choices) {
    var wrapper = document.createElement("div");
    var l = document.createElement("label");
    l.htmlFor = id;
    l.textContent = label;
    var s = document.createElement("select");
    s.id = id;
    var any = document.createElement("option");
    any.value = "";
    any.textContent = "Any";
    s.appendChild(any);
    choices.forEach(function (choice) {
      var o = document.createElement("option");
      o.value = choice[0];
      o.textContent = choice[1];
      s.appendChild(o);
    });
    s.addEventListener("change", apply);
    wrapper.appendChild(l);
    wrapper.appendChild(s);
    form.appendChild(wrapper);
    return s;
  }

  var byOwner = select("filter-owner", "Organisation", options("data-owners", function (row, v) { return linkText(row, "a.owner", v); }));
  var byStatus = select("filter-status", "Status", options("data-status", function (row) { return row.querySelector(".tag").textContent.trim(); }));
  var byPlan = select("filter-plan", "Plan", options("data-plan", function (row, v) { return linkText(row, "a.plan", v); }));
  var byOverdue = select("filter-overdue", "Overdue", [["true", "Overdue only"], ["false", "Not overdue"]]);

  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var match = (!byOwner.value || (" " + row.getAttribute("data-owners") + " ").indexOf(" " + byOwner.value + " ") >= 0)
        && (!byStatus.value || row.getAttribute("data-status") === byStatus.value)
        && (!byPlan.value || row.getAttribute("data-plan") === byPlan.value)
        && (!byOverdue.value || row.getAttribute("data-overdue") === byOverdue.value);
      row.hidden = !match;
      if (match) { shown++; }
    });
    status.textContent = "Showing " + shown + " of " + rows.length + " actions.";
  }

  slot.appendChild(form);
  slot.appendChild(status);
  apply();
}());
