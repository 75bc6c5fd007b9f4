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
})();
