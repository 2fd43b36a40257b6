// Record forms: searchable pickers for regions and offices (Tom Select, vendored), and
// formset rows added and removed on the page. Without JavaScript the selects stay plain and
// "Add a row" submits the form, which comes back with one more blank row.
(function () {
  "use strict";

  function searchable(select) {
    if (typeof TomSelect === "undefined" || select.tomselect) { return; }
    var many = select.multiple;
    var label = select.id && document.querySelector('label[for="' + select.id + '"]');
    var name = label ? label.textContent.replace(/:\s*$/, "").trim() : "";
    var widget = new TomSelect(select, {
      plugins: many ? ["remove_button"] : [],
      maxOptions: 1000,
      allowEmptyOption: !many,
      hidePlaceholder: many,
      closeAfterSelect: !many,
      placeholder: select.dataset.placeholder || "",
    });
    // The widget's text box carries the field's label; the original select, kept only to
    // submit the value, is hidden from assistive technology (it is out of the tab order).
    select.setAttribute("aria-hidden", "true");
    if (name) { widget.control_input.setAttribute("aria-label", name); }
  }

  function addRow(prefix) {
    var template = document.querySelector('template[data-empty-form="' + prefix + '"]');
    var body = document.querySelector('table[data-formset="' + prefix + '"] tbody');
    var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    if (!template || !body || !total) { return false; }
    var index = parseInt(total.value, 10);
    var html = template.innerHTML.replace(/__prefix__/g, String(index))
      .replace(/__number__/g, String(index + 1));
    body.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    var first = body.lastElementChild.querySelector("input, select, textarea");
    if (first) { first.focus(); }
    return true;
  }

  // A row's "Remove" box: ticking it greys the row out (it is deleted on save); unticking
  // it brings the row back.
  function toggleRow(box) {
    var row = box.closest("tr");
    if (!row) { return; }
    row.classList.toggle("removed", box.checked);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-add-row]");
    if (button && addRow(button.dataset.addRow)) { event.preventDefault(); }
  });

  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches('table.formset input[name$="-DELETE"]')) {
      toggleRow(event.target);
    }
  });

  document.querySelectorAll("select[data-searchable]").forEach(searchable);
})();
