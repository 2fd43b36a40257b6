// Small behaviours of every page, here because the Content-Security-Policy allows no inline
// script or on* attribute. A <select data-submit-on-enter> submits its form on Enter: choosing
// with the arrow keys never changes the page by itself (its button does, with or without
// JavaScript). A <button data-print> opens the print dialog.
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "Enter" && target instanceof HTMLSelectElement
        && target.hasAttribute("data-submit-on-enter") && target.form) {
      event.preventDefault();
      target.form.requestSubmit();
    }
  });
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target instanceof Element && target.closest("[data-print]")) {
      window.print();
    }
  });
})();

// The header's menu button on phones: the navigation folds away until the button opens it,
// and Escape folds it again, back on the button. Without JavaScript the button stays hidden
// and the navigation simply wraps.
(function () {
  "use strict";
  var button = document.querySelector(".menu-toggle");
  var nav = document.getElementById("mainnav");
  if (!button || !nav) { return; }
  document.documentElement.classList.add("js-nav");
  button.hidden = false;

  function setOpen(open) {
    button.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("open", open);
  }

  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || button.getAttribute("aria-expanded") !== "true") { return; }
    var inside = nav.contains(document.activeElement);
    setOpen(false);
    if (inside || document.activeElement === button) { button.focus(); }
  });
})();

// Content that scrolls inside its box (a wide table in a card on a phone) becomes a named,
// focusable region, so the keyboard can scroll it as a mouse can. Checked again when the
// window changes size or htmx swaps part of the page.
(function () {
  "use strict";
  var BOXES = ".card, .table-scroll, .scroll, .timeline";
  var GENERIC = /^(DIV|SECTION|ASIDE|ARTICLE)$/;

  // A region's name: its heading, else the generic label numbered (landmark names are unique).
  var unnamed = 0;
  function name(box) {
    var heading = box.querySelector("h1, h2, h3, caption");
    if (heading) { return heading.textContent.replace(/\s+/g, " ").trim(); }
    unnamed += 1;
    return (document.body.dataset.scrollLabel || "") + " " + unnamed;
  }

  function insideScroller(table) {
    for (var node = table.parentElement; node && node.tagName !== "MAIN"; node = node.parentElement) {
      var overflow = getComputedStyle(node).overflowX;
      if (overflow === "auto" || overflow === "scroll") { return true; }
    }
    return false;
  }

  // A table that is not inside a box of its own gets one, so it scrolls there, not the page.
  function wrapTables() {
    document.querySelectorAll("main table").forEach(function (table) {
      if (insideScroller(table)) { return; }
      var box = document.createElement("div");
      box.className = "table-scroll";
      table.parentNode.insertBefore(box, table);
      box.appendChild(table);
    });
  }

  function mark() {
    wrapTables();
    document.querySelectorAll(BOXES).forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.dataset.scrollRegion = "1";
        // Only a generic box becomes a region: a form, a table or a list keeps its own role.
        if (GENERIC.test(box.tagName) && !box.hasAttribute("role")) { box.setAttribute("role", "region"); box.dataset.scrollRole = "1"; }
        if (!box.hasAttribute("aria-label") && !box.hasAttribute("aria-labelledby")) { box.setAttribute("aria-label", name(box)); box.dataset.scrollName = "1"; }
      } else if (!scrolls && box.dataset.scrollRegion) {
        // No longer scrolling (a wider window): no longer a stop or a landmark either.
        box.removeAttribute("tabindex");
        if (box.dataset.scrollRole) { box.removeAttribute("role"); delete box.dataset.scrollRole; }
        if (box.dataset.scrollName) { box.removeAttribute("aria-label"); delete box.dataset.scrollName; }
        delete box.dataset.scrollRegion;
      }
    });
  }

  var timer = null;
  window.addEventListener("resize", function () { window.clearTimeout(timer); timer = window.setTimeout(mark, 150); });
  document.addEventListener("htmx:afterSettle", mark);
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", mark); } else { mark(); }
})();

// After a step that reloads the page (submit, approve, send back), focus starts on its result,
// the messages at the top of the content, unless the address names a place on the page.
(function () {
  "use strict";
  function focusMessages() {
    var messages = document.getElementById("messages");
    if (messages && !window.location.hash) { messages.focus(); }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", focusMessages); } else { focusMessages(); }
})();
