// A refusal answered to an htmx request is shown, never lost. htmx by default swaps nothing
// for a 4xx or 5xx, so a page would stay as it was after "This request is too large" or "Not
// found". Here the answer's message goes to the page's alert region (#refusal, in base.html)
// and the part htmx would have replaced keeps what the user typed. An answer the server itself
// placed (HX-Retarget: the import page re-rendered with its form errors) is swapped as usual.
(function () {
  "use strict";
  var LONGEST = 500;

  function region() { return document.getElementById("refusal"); }

  function plain(text) { return (text || "").replace(/\s+/g, " ").trim().slice(0, LONGEST); }

  // The answer's words: a text refusal as it is, the API's JSON `detail`, or an HTML page's
  // heading and first paragraphs (the 403/404 pages, the CSRF page).
  function messageOf(xhr) {
    var type = xhr.getResponseHeader("Content-Type") || "";
    var body = xhr.responseText || "";
    if (type.indexOf("json") !== -1) {
      try { return plain(JSON.parse(body).detail || body); } catch (error) { return plain(body); }
    }
    if (type.indexOf("html") === -1) { return plain(body); }
    var page = new DOMParser().parseFromString(body, "text/html");
    var main = page.querySelector("main") || page.body;
    if (!main) { return ""; }
    var parts = main.querySelectorAll("h1, p, .errorlist li, .messages li");
    var words = Array.prototype.map.call(parts, function (part) { return part.textContent; });
    return plain(words.length ? words.join(" ") : main.textContent);
  }

  function show(text) {
    var box = region();
    if (!box) { return; }
    box.textContent = text || box.dataset.fallback || "";
    box.hidden = false;
    box.scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("htmx:beforeRequest", function () {
    var box = region();
    if (box) { box.hidden = true; box.textContent = ""; }
  });

  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    if (xhr.status < 400) { return; }
    if (xhr.getResponseHeader("HX-Retarget")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
      return;
    }
    event.detail.shouldSwap = false;
    show(messageOf(xhr));
  });
})();
