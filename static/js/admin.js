/* Names for the widgets Django's admin builds in the browser: the select2 autocomplete boxes
   and the search fields of the two-box filter. Without them screen readers (and axe-core)
   meet unnamed inputs. Loaded by templates/admin/base_site.html. */
"use strict";
(function () {
  function labelId(select) {
    const label = document.querySelector('label[for="' + select.id + '"]');
    if (!label) {
      return null;
    }
    if (!label.id) {
      label.id = select.id + "_label";
    }
    return label.id;
  }

  function nameAutocompletes(root) {
    root.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      const container = select.nextElementSibling;
      const label = labelId(select);
      if (!label || !container || !container.classList.contains("select2")) {
        return;
      }
      container.querySelectorAll('[role="combobox"]').forEach(function (box) {
        const shown = box.querySelector(".select2-selection__rendered[id]");
        box.setAttribute("aria-labelledby", shown ? label + " " + shown.id : label);
      });
      container
        .querySelectorAll('.select2-selection__rendered[role="textbox"], .select2-search__field')
        .forEach(function (field) {
          field.setAttribute("aria-labelledby", label);
        });
    });
  }

  function nameFilterIcons(root) {
    // SelectFilter2 puts aria-label on a plain span, where it is not allowed without a role.
    root.querySelectorAll(".help-tooltip[aria-label]:not([role])").forEach(function (icon) {
      icon.setAttribute("role", "img");
    });
  }

  function nameWidgets(root) {
    nameAutocompletes(root);
    nameFilterIcons(root);
  }

  // select2 starts on jQuery's ready, the two-box filter on load: name them afterwards.
  window.addEventListener("load", function () {
    window.setTimeout(function () {
      nameWidgets(document);
    }, 0);
  });
  document.addEventListener("formset:added", function (event) {
    nameWidgets(event.target);
  });
})();
