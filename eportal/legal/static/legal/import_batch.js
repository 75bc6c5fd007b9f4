// "Select all" box of an import batch (legal/admin/import_batch.html); a file, not
// an inline script, so that the Content-Security-Policy needs no exception for it.
document.querySelectorAll("[data-legal-check-all]").forEach(function (all) {
  all.addEventListener("change", function () {
    document.querySelectorAll("input[name=page]").forEach(function (box) { box.checked = all.checked; });
  });
});
