// Swagger UI, made to pass axe without changing the vendored files: its title and description
// sit outside its own <main>, so that part becomes a named region. Headings follow the page's
// <h1> title without skipping levels: tags and "Schemas" are level 2, an operation's sections
// (Parameters, Request body, Responses) level 3 and theirs level 4. A parameter's select and
// input are named by the parameter; code blocks that scroll sideways take focus, so the keyboard
// can scroll them. Swagger UI renders (and re-renders) on its own schedule,
// hence the observer.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  if (!root) { return; }
  var levels = [
    ["h3.opblock-tag, .models > h4", "2"],
    [".opblock h4", "3"],
    [".opblock h5", "4"],
  ];
  function fix() {
    var info = root.querySelector(".information-container:not([role])");
    if (info) {
      info.setAttribute("role", "region");
      info.setAttribute("aria-label", root.dataset.infoLabel || "API");
    }
    levels.forEach(function (pair) {
      root.querySelectorAll(pair[0]).forEach(function (heading) {
        if (heading.getAttribute("aria-level") !== pair[1]) {
          heading.setAttribute("role", "heading");
          heading.setAttribute("aria-level", pair[1]);
        }
      });
    });
    root.querySelectorAll("tr[data-param-name]").forEach(function (row) {
      row.querySelectorAll("select:not([aria-label]), input:not([aria-label]), textarea:not([aria-label])")
        .forEach(function (control) {
          control.setAttribute("aria-label", row.dataset.paramName);
        });
    });
    root.querySelectorAll("pre.microlight:not([tabindex])").forEach(function (code) {
      code.setAttribute("tabindex", "0");
    });
  }
  fix();
  new MutationObserver(fix).observe(root, { childList: true, subtree: true });
})();
