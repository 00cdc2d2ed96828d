// Title autocomplete for the role fields: suggestions from the same search
// the command line uses. Without JavaScript the fields are plain text,
// resolved on the server just the same.
"use strict";
(function () {
  function attach(input) {
    var list = document.createElement("datalist");
    list.id = input.getAttribute("list") || ("titles-" + input.id);
    input.setAttribute("list", list.id);
    input.parentNode.appendChild(list);
    var timer = null;
    var last = "";
    input.addEventListener("input", function () {
      var q = input.value.trim();
      if (q.length < 2 || q === last) { return; }
      last = q;
      clearTimeout(timer);
      timer = setTimeout(function () {
        fetch("/api/v1/occupations?q=" + encodeURIComponent(q) + "&limit=8")
          .then(function (r) { return r.ok ? r.json() : { results: [] }; })
          .then(function (data) {
            while (list.firstChild) { list.removeChild(list.firstChild); }
            (data.results || []).forEach(function (hit) {
              var option = document.createElement("option");
              option.value = hit.title;
              option.label = hit.code + (hit.matched_title !== hit.title ? " · " + hit.matched_title : "");
              list.appendChild(option);
            });
          })
          .catch(function () {});
      }, 150);
    });
  }
  document.querySelectorAll("input[data-autocomplete]").forEach(attach);
})();
