// Progressive enhancement for /hoi-dap/gui-cau-hoi/: while the title is typed,
// list published answers with similar titles. The form works without it.
(function () {
  "use strict";
  var input = document.getElementById("id_title");
  var box = document.getElementById("qa-similar");
  if (!input || !box || !window.fetch) return;
  var list = box.querySelector("ul");
  var url = box.getAttribute("data-url");
  var timer = null;
  var last = "";
  function show(results) {
    list.textContent = "";
    results.forEach(function (item) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = item.url;
      a.textContent = item.title;
      li.appendChild(a);
      if (item.agency) {
        li.appendChild(document.createTextNode(" — " + item.agency));
      }
      list.appendChild(li);
    });
    box.hidden = results.length === 0;
  }
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = input.value.trim();
      if (q === last) return;
      last = q;
      if (q.length < 4) { show([]); return; }
      fetch(url + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) { show(data.results || []); })
        .catch(function () { show([]); });
    }, 300);
  });
})();
