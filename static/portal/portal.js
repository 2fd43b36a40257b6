// Small behaviours of every page, here because the Content-Security-Policy allows no inline
// script or on* attribute: a <select data-autosubmit> submits its form when changed, a
// <button data-print> opens the print dialog.
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target instanceof HTMLSelectElement && target.hasAttribute("data-autosubmit") && target.form) {
      target.form.submit();
    }
  });
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target instanceof Element && target.closest("[data-print]")) {
      window.print();
    }
  });
})();
