// Unsaved grid values survive a lost connection or a reload: every edit is kept in this
// browser's localStorage under the user, province and month (#grid-draft's data-draft-key),
// with the report version the values were typed on. After a reload the page offers to
// restore them; restoring puts that version back in the form, so the save goes through the
// server's version check and cannot overwrite a colleague's newer save. A successful save
// clears the draft. While offline, saving is held back with a notice instead of failing.
(function () {
  "use strict";

  var banner = document.getElementById("grid-draft");
  if (!banner || !window.localStorage) { return; }
  var key = banner.dataset.draftKey;
  var baseline = {};

  function form() { return document.getElementById("grid-form"); }

  function fields() {
    var f = form();
    return f ? Array.prototype.filter.call(f.elements, function (el) {
      return el.tagName === "INPUT" && /^[vr]-/.test(el.name);
    }) : [];
  }

  function read() {
    try { return JSON.parse(window.localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }

  function write(draft) {
    try {
      if (draft) { window.localStorage.setItem(key, JSON.stringify(draft)); }
      else { window.localStorage.removeItem(key); }
    } catch (e) { /* storage full or refused: entry still works, only without a draft */ }
  }

  function say(name) {
    var live = document.getElementById("grid-live");
    var text = banner.querySelector('[data-draft-said="' + name + '"]');
    if (!live || !text) { return; }
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text.textContent; }, 100);
  }

  // What the server rendered after a load or a successful save: read from each input's
  // value attribute, not its current value, so a value typed in the moment between the
  // swap and this call still counts as unsaved.
  function takeBaseline() {
    baseline = {};
    fields().forEach(function (el) { baseline[el.name] = el.defaultValue; });
  }

  function snapshot() {
    var values = {};
    var count = 0;
    fields().forEach(function (el) {
      if (el.value !== (baseline[el.name] || "")) { values[el.name] = el.value; count += 1; }
    });
    var version = form() && form().elements.version;
    write(count ? { version: version ? version.value : "", values: values, at: Date.now() } : null);
  }

  function differences(draft) {
    return fields().filter(function (el) {
      return Object.prototype.hasOwnProperty.call(draft.values, el.name) && draft.values[el.name] !== el.value;
    });
  }

  function offer() {
    var draft = read();
    if (!draft || !draft.values || !differences(draft).length) { write(null); return; }
    banner.querySelector("[data-draft-count]").textContent = String(Object.keys(draft.values).length);
    banner.querySelector("[data-draft-time]").textContent =
      new Date(draft.at).toLocaleString(document.documentElement.lang || undefined);
    banner.hidden = false;
    var live = document.getElementById("grid-live");
    if (live) { window.setTimeout(function () { live.textContent = banner.querySelector("p").textContent; }, 100); }
  }

  function restore() {
    var draft = read();
    banner.hidden = true;
    if (!draft) { return; }
    var first = null;
    fields().forEach(function (el) {
      if (!Object.prototype.hasOwnProperty.call(draft.values, el.name)) { return; }
      el.value = draft.values[el.name];
      if (el.name.indexOf("r-") === 0 && el.value) { el.closest("details").open = true; }
      // entry.js recomputes the totals and marks the grid unsaved on input
      el.dispatchEvent(new Event("input", { bubbles: true }));
      first = first || (el.name.indexOf("v-") === 0 ? el : null);
    });
    if (form() && form().elements.version) { form().elements.version.value = draft.version; }
    say("restored");
    if (first) { first.focus(); }
  }

  function discard() {
    write(null);
    banner.hidden = true;
    say("discarded");
    var first = fields()[0];
    if (first) { first.focus(); }
  }

  function showOffline() {
    var note = document.getElementById("grid-offline");
    if (note) { note.hidden = navigator.onLine; }
  }

  banner.addEventListener("click", function (event) {
    var action = event.target.dataset && event.target.dataset.draft;
    if (action === "restore") { restore(); }
    if (action === "discard") { discard(); }
  });

  document.addEventListener("input", function (event) {
    if (event.target.closest && event.target.closest("#grid-form")) { snapshot(); }
  });
  document.addEventListener("paste", function (event) {
    if (event.target.closest && event.target.closest("#grid-form")) { window.setTimeout(snapshot, 0); }
  });

  // Captured before htmx sees the submit: offline, the values stay on the page and in the draft.
  document.addEventListener("submit", function (event) {
    if (event.target.id !== "grid-form" || navigator.onLine) { return; }
    event.preventDefault();
    event.stopImmediatePropagation();
    snapshot();
    showOffline();
    say("offline");
  }, true);

  document.body.addEventListener("htmx:sendError", function (event) {
    if (event.target.id === "grid-form") { say("offline"); }
  });

  document.body.addEventListener("htmx:afterSettle", function (event) {
    if (event.target.id === "cell-history" || !form()) { return; }
    if (document.getElementById("grid-saved") && !document.getElementById("grid-problem")) {
      write(null);
      takeBaseline();
    } else {
      snapshot();  // refused (a problem or a colleague's newer save): the typed values stay kept
    }
  });

  window.addEventListener("online", function () { showOffline(); say("online"); });
  window.addEventListener("offline", showOffline);

  function start() {
    takeBaseline();
    showOffline();
    offer();
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();
