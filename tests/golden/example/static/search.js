// Search page: loads Pagefind's Default UI from the site's own bundle (pagefind/, written at
// build time) and gives its search box a real label. The query is kept in the address
// (?q=...), so a search can be bookmarked. Without JavaScript, or without the index (a build
// with --no-search, or a page opened from the file system), the page says so and links to
// the browsable lists instead.
(function () {
  "use strict";

  var root = document.getElementById("search");
  if (!root || !window.URL || !window.URLSearchParams) {
    return;
  }
  var bundle = new URL(root.getAttribute("data-bundle"), document.baseURI);
  var fallback = root.querySelector(".search-fallback");

  function unavailable() {
    if (fallback) {
      fallback.insertBefore(document.createTextNode("Search is not available here. "), fallback.firstChild);
    }
  }

  function label(input) {
    input.id = "search-input";
    var lab = document.createElement("label");
    lab.htmlFor = input.id;
    lab.className = "search-label";
    lab.textContent = "Search events, actors and articles";
    var form = input.closest("form") || input.parentNode;
    form.parentNode.insertBefore(lab, form);
    return input;
  }

  // Pagefind's box has only a placeholder and a title; wait for it, then label it.
  function whenInput(callback) {
    var found = root.querySelector("input.pagefind-ui__search-input");
    if (found) {
      callback(found);
      return;
    }
    var watcher = new MutationObserver(function () {
      var input = root.querySelector("input.pagefind-ui__search-input");
      if (input) {
        watcher.disconnect();
        callback(input);
      }
    });
    watcher.observe(root, { childList: true, subtree: true });
  }

  function keepQuery(input) {
    input.addEventListener("input", function () {
      var params = new URLSearchParams(window.location.search);
      if (input.value) { params.set("q", input.value); } else { params.delete("q"); }
      var query = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
    });
  }

  var ranking = { pageLength: 0.1 };

  // A big site's index comes in parts (pagefind/parts.json lists the others): one search
  // over all of them, as if they were one index.
  function withParts(callback) {
    if (!window.fetch) {
      callback([]);
      return;
    }
    window.fetch(new URL("parts.json", bundle).href).then(function (response) {
      return response.ok ? response.json() : { parts: [] };
    }).then(function (listed) {
      callback((listed.parts || []).map(function (part) {
        return { bundlePath: new URL(part, bundle).pathname, ranking: ranking };
      }));
    }, function () {
      callback([]);
    });
  }

  function start(parts) {
    if (typeof window.PagefindUI !== "function") {
      unavailable();
      return;
    }
    if (fallback) {
      fallback.remove();
    }
    var ui = new window.PagefindUI({ element: "#search", showSubResults: true, showImages: false,
      ranking: ranking, mergeIndex: parts });
    whenInput(function (input) {
      keepQuery(label(input));
      var query = new URLSearchParams(window.location.search).get("q");
      if (query) {
        ui.triggerSearch(query);
      }
    });
  }

  if (window.location.protocol === "file:") {
    unavailable(); // browsers do not let a page opened from disk fetch the index
    return;
  }
  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = new URL("pagefind-ui.css", bundle).href;
  var script = document.createElement("script");
  script.src = bundle.href;
  script.onload = function () {
    withParts(start);
  };
  script.onerror = unavailable;
  document.head.appendChild(style);
  document.head.appendChild(script);
})();
