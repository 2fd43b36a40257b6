// Swagger UI, made to pass axe without changing the vendored files: its title and description
// sit outside its own <main>, so that part becomes a named region; its tag headings are <h3>
// under the page's <h1> title, so they are announced as level 2. Swagger UI renders
// (and re-renders) on its own schedule, hence the observer.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  if (!root) { return; }
  function fix() {
    var info = root.querySelector(".information-container:not([role])");
    if (info) {
      info.setAttribute("role", "region");
      info.setAttribute("aria-label", root.dataset.infoLabel || "API");
    }
    root.querySelectorAll("h3.opblock-tag:not([aria-level])").forEach(function (tag) {
      tag.setAttribute("role", "heading");
      tag.setAttribute("aria-level", "2");
    });
  }
  fix();
  new MutationObserver(fix).observe(root, { childList: true, subtree: true });
})();
