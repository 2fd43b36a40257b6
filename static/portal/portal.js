// The header's menu button on phones: the navigation folds away until the button opens it.
// Without JavaScript the button stays hidden and the navigation simply wraps.
(function () {
  "use strict";
  var button = document.querySelector(".menu-toggle");
  var nav = document.getElementById("mainnav");
  if (!button || !nav) { return; }
  document.documentElement.classList.add("js-nav");
  button.hidden = false;
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("open", open);
  });
})();
