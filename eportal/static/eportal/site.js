// Progressive enhancement for every public page; each page works without it.
(function () {
  "use strict";
  // What folds on a phone (the menu, the filters) is laid out open on a wide
  // screen by site.css alone; opening it here as well keeps its state right
  // for assistive technology and for browsers without ::details-content.
  if (window.matchMedia && window.matchMedia("(min-width: 48em)").matches) {
    Array.prototype.forEach.call(document.querySelectorAll("details[data-open-wide]"), function (d) {
      d.setAttribute("open", "");
    });
  }
  // After a failed submit, take the reader to the list of what to correct
  // (the summary also has autofocus, which not every browser honours on a div).
  var summary = document.querySelector("[data-error-summary]");
  if (summary && document.activeElement !== summary) {
    summary.focus();
  }
})();
