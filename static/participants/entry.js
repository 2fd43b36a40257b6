// Data-entry grid: keyboard navigation, pasting a spreadsheet block, live totals, focus and
// announcements after a save, Ctrl+S, a warning before leaving unsaved values, the ∅ toggle
// and the cell-history panel beside its cell. Everything is delegated from document, so it
// keeps working after htmx swaps the grid.
(function () {
  "use strict";

  var dirty = false;

  function cellAt(row, col) {
    return document.querySelector('#grid-form input.value[data-row="' + row + '"][data-col="' + col + '"]');
  }

  // The server's rule (parse_count): 632.494, 632 494 and 632494 are the same number.
  function parseCount(text) {
    var t = (text || "").replace(/[\s\u00a0\u202f.]/g, "");
    return /^\d+$/.test(t) ? parseInt(t, 10) : null;
  }

  function formatCount(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  function recomputeTotals() {
    var heads = document.querySelectorAll("#grid-form thead th[data-top]");
    if (!heads.length || !document.querySelector("#grid-form input.value")) { return; }
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

  // ∅ is in the Tab order only where the value is empty, so typing a row with Tab stays fast.
  function syncNoDataTabStops() {
    document.querySelectorAll("#grid-form td.cell").forEach(function (td) {
      var input = td.querySelector("input.value");
      var summary = td.querySelector("details.nodata summary");
      if (input && summary) { summary.tabIndex = input.value.trim() ? -1 : 0; }
    });
  }

  function markDirty(value) {
    dirty = value;
    var note = document.querySelector('#grid-form [data-testid="unsaved"]');
    if (note) { note.hidden = !value; }
  }

  // The scroll region keeps a focused cell clear of its sticky header, total row and regency
  // column: scroll-padding measured from them (the stylesheet holds a fallback).
  function padScroller() {
    var scroller = document.querySelector("#grid-form .grid-scroll");
    if (!scroller) { return; }
    var head = scroller.querySelector("thead");
    var foot = scroller.querySelector("tfoot");
    var side = scroller.querySelector("tbody .regency-col");
    scroller.style.scrollPaddingTop = (head ? head.offsetHeight + 4 : 0) + "px";
    scroller.style.scrollPaddingBottom = (foot ? foot.offsetHeight + 4 : 0) + "px";
    scroller.style.scrollPaddingLeft = (side ? side.offsetWidth + 4 : 0) + "px";
  }

  // Moves focus to a cell (or any target of a summary link) and scrolls it into full view.
  function focusTarget(target) {
    if (!target) { return; }
    if (target.tabIndex < 0 && !target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  function focusFirstProblem() {
    var link = document.querySelector("#grid-form [data-first-problem]");
    focusTarget(link && document.getElementById(link.dataset.firstProblem));
    return !!link;
  }

  // After a save: a persistent live region (outside the swapped part) says what happened;
  // focus goes to the first problem, or to the result when warnings wait for a look, and
  // otherwise stays where it was (htmx keeps focus on an element with the same id).
  function announce() {
    var live = document.getElementById("grid-live");
    var result = document.querySelector("#entry [data-announce]");
    if (!live) { return; }
    live.textContent = "";
    if (result) {
      window.setTimeout(function () { live.textContent = result.textContent.replace(/\s+/g, " ").trim(); }, 100);
    }
  }

  function afterSave() {
    announce();
    if (focusFirstProblem()) { return; }
    var saved = document.getElementById("grid-saved");
    if (saved && saved.querySelector("[data-focus]")) { focusTarget(saved); }
  }

  function setUp() {
    recomputeTotals();
    syncNoDataTabStops();
    padScroller();
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
    markDirty(true);
    recomputeTotals();
    syncNoDataTabStops();
  });

  document.addEventListener("input", function (event) {
    if (!event.target.matches || !event.target.closest("#grid-form[data-editable]")) { return; }
    markDirty(true);
    if (event.target.matches("input.value")) { recomputeTotals(); syncNoDataTabStops(); }
  });

  // Leaving with unsaved values asks first; saving (htmx or plain) does not.
  window.addEventListener("beforeunload", function (event) {
    if (!dirty) { return; }
    event.preventDefault();
    event.returnValue = "";
  });
  document.addEventListener("submit", function (event) {
    if (event.target.id === "grid-form") { dirty = false; }
  }, true);
  document.body.addEventListener("htmx:beforeRequest", function (event) {
    if (event.target.id === "grid-form") { dirty = false; }
  });

  // Summary links move focus to their cell (the input, not just the anchor), clear of the
  // sticky rows and column.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("#entry [data-focus]");
    if (link) {
      var target = document.getElementById(link.dataset.focus);
      if (target) { event.preventDefault(); focusTarget(target); }
      return;
    }
    if (event.target.closest && event.target.closest("[data-close-history]")) { closeHistory(); }
  });

  // The history panel opens beside the cell whose ⟲ was clicked, and closes with Esc or ✕.
  var historyOrigin = null;
  var historyReturn = null;

  function closeHistory() {
    var panel = document.getElementById("cell-history");
    if (panel) { panel.hidden = true; panel.innerHTML = ""; }
    var back = historyReturn || historyOrigin;
    if (back) { back.focus(); }
    historyOrigin = null;
    historyReturn = null;
  }

  function placeHistory(panel, anchor) {
    var box = anchor.getBoundingClientRect();
    var width = Math.min(520, document.documentElement.clientWidth - 16);
    var left = Math.min(box.right + 8, document.documentElement.clientWidth - width - 8);
    panel.style.width = width + "px";
    panel.style.left = Math.max(8, left) + window.scrollX + "px";
    panel.style.top = box.top + window.scrollY + "px";
  }

  document.body.addEventListener("htmx:beforeRequest", function (event) {
    var link = event.target.closest && event.target.closest("a.audit");
    if (link) { historyOrigin = link; }
  });

  document.body.addEventListener("htmx:afterSwap", function (event) {
    var panel = event.target;
    if (panel.id === "cell-history") {
      panel.hidden = false;
      if (historyOrigin) { placeHistory(panel, historyOrigin.closest("td") || historyOrigin); }
      var close = panel.querySelector("[data-close-history]");
      if (close) { close.focus(); }
    }
  });

  // After the grid is swapped (outerHTML replaces #entry), totals and focus are set up again.
  document.body.addEventListener("htmx:afterSettle", function (event) {
    if (event.target.id === "cell-history" || !document.getElementById("grid-form")) { return; }
    markDirty(false);
    setUp();
    afterSave();
  });

  // Ctrl+S (Cmd+S) saves from anywhere on the page; Alt+Shift+H opens the focused cell's
  // history, whose ⟲ stays out of the Tab order of an editable grid.
  document.addEventListener("keydown", function (event) {
    var form = document.querySelector("#grid-form[data-editable]");
    if (form && (event.ctrlKey || event.metaKey) && !event.altKey && (event.key === "s" || event.key === "S")) {
      event.preventDefault();
      form.requestSubmit(document.getElementById("grid-save"));
      return;
    }
    if (event.altKey && event.shiftKey && event.code === "KeyH") {
      var cell = event.target.closest && event.target.closest("#grid-form td.cell");
      var audit = cell && cell.querySelector("a.audit");
      if (audit) { event.preventDefault(); audit.click(); historyReturn = event.target; }
      return;
    }
    if (event.key === "Escape" && !document.getElementById("cell-history")?.hidden) { closeHistory(); }
  });

  function firstLoad() {
    setUp();
    focusFirstProblem();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", firstLoad);
  } else {
    firstLoad();
  }
})();
