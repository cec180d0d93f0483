/*
 * Lets a reader sort a table marked data-sortable by any column: each column heading becomes a button, and
 * aria-sort says which column the rows are sorted by and in which direction. An enhancement only: without
 * JavaScript the table keeps the order it was published in, and the hint that says how to sort stays hidden.
 */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-sort-hint]"), function (hint) {
    hint.hidden = false;
  });
  Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), function (table) {
    var headings = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var body = table.tBodies[0];

    function value(row, index, numeric) {
      var text = row.cells[index].textContent.trim();
      return numeric ? parseFloat(text) || 0 : text.toLowerCase();
    }

    function sort(index, descending) {
      var numeric = headings[index].classList.contains("num");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = value(a, index, numeric);
        var y = value(b, index, numeric);
        var order = numeric ? x - y : x.localeCompare(y);
        if (order === 0) {
          order = value(a, 0, false).localeCompare(value(b, 0, false));
          return order;
        }
        return descending ? -order : order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
      headings.forEach(function (th, i) {
        if (i === index) {
          th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        } else {
          th.removeAttribute("aria-sort");
        }
      });
    }

    headings.forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        // numbers sort largest first on the first press, words from A
        var current = th.getAttribute("aria-sort");
        var descending = current ? current === "ascending" : th.classList.contains("num");
        sort(index, descending);
      });
    });
  });
}());
