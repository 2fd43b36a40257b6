// Data-entry grid: keyboard navigation, pasting a spreadsheet block, live totals.
// Everything is delegated from document, so it keeps working after htmx swaps the grid.
(function () {
  "use strict";

  function cellAt(row, col) {
    return document.querySelector('#grid-form input.value[data-row="' + row + '"][data-col="' + col + '"]');
  }

  function parseCount(text) {
    var t = (text || "").replace(/[\s\u00a0\u202f.]/g, "");
    return /^\d+$/.test(t) ? parseInt(t, 10) : null;
  }

  function formatCount(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  function recomputeTotals() {
    var heads = document.querySelectorAll("#grid-form thead th[data-top]");
    var province = 0;
    heads.forEach(function (head, col) {
      var sum = 0;
      document.querySelectorAll('#grid-form input.value[data-col="' + col + '"]').forEach(function (input) {
        var v = parseCount(input.value);
        if (v !== null) { sum += v; }
      });
      var cell = document.querySelector('#grid-form [data-total-col="' + col + '"]');
      if (cell) { cell.textContent = formatCount(sum); }
      if (head.dataset.top === "1") { province += sum; }
    });
    var total = document.getElementById("province-total");
    if (total) { total.textContent = formatCount(province); }
  }

  function move(input, dRow, dCol) {
    var next = cellAt(+input.dataset.row + dRow, +input.dataset.col + dCol);
    if (next) { next.focus(); next.select(); }
    return !!next;
  }

  document.addEventListener("keydown", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("#grid-form input.value")) { return; }
    var atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    var atEnd = input.selectionStart === input.value.length;
    var whole = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    var moved = false;
    if (event.key === "Enter" || event.key === "ArrowDown") { moved = move(input, 1, 0) || event.key === "Enter"; }
    else if (event.key === "ArrowUp") { moved = move(input, -1, 0); }
    else if (event.key === "ArrowLeft" && (atStart || whole)) { moved = move(input, 0, -1); }
    else if (event.key === "ArrowRight" && (atEnd || whole)) { moved = move(input, 0, 1); }
    if (moved) { event.preventDefault(); }
  });

  document.addEventListener("paste", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("#grid-form input.value")) { return; }
    var text = (event.clipboardData || window.clipboardData).getData("text");
    if (!/[\t\n]/.test(text.trim())) { return; }  // a single value pastes normally
    event.preventDefault();
    var rows = text.replace(/\r/g, "").replace(/\n+$/, "").split("\n");
    rows.forEach(function (line, r) {
      line.split("\t").forEach(function (value, c) {
        var target = cellAt(+input.dataset.row + r, +input.dataset.col + c);
        if (target) { target.value = value.trim(); }
      });
    });
    recomputeTotals();
  });

  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("#grid-form input.value")) { recomputeTotals(); }
  });
})();
