// Timeline filters: show only the events of one actor and/or one year, without a reload.
// The state lives in the query string (?actor=<key>&year=<yyyy>), so a filtered view can be
// bookmarked and shared. Without JavaScript nothing here runs: the controls are never shown
// and every event stays visible.
(function () {
  "use strict";

  // A long timeline's overview lists only the latest events: an old permalink to another
  // event there (index.html#ev-<id>, the id starting with the event's date) goes on to the
  // year page holding its card, or the month page for a year listed a month a page.
  var overview = document.querySelector("[data-timeline]");
  var wanted = /^#ev-([0-9]{4})(?:-([0-9]{2})-|-w([0-9]{2})-)?/.exec(window.location.hash);
  if (overview && wanted && !document.getElementById(window.location.hash.slice(1))) {
    var byMonth = (overview.getAttribute("data-by-month") || "").split(" ");
    var month = wanted[3] ? weekMonth(Number(wanted[1]), Number(wanted[3])) : wanted[2];
    var page = month && byMonth.indexOf(wanted[1]) >= 0 ? wanted[1] + "-" + month : wanted[1];
    window.location.replace(overview.getAttribute("data-timeline") + page + ".html" +
      window.location.hash);
    return;
  }

  // A month in parts: a card this part does not hold (an old link, or the overview's
  // guess from the date) is on a later part; go on with the same address fragment.
  var more = document.querySelector("a[rel=next][data-continues]");
  if (more && /^#ev-/.test(window.location.hash) &&
      !document.getElementById(window.location.hash.slice(1))) {
    window.location.replace(more.href.split("#")[0] + window.location.hash);
    return;
  }

  // The month ("01".."12") of the Monday of ISO week `week` of `year` (week 1 holds 4 January).
  function weekMonth(year, week) {
    var jan4 = new Date(Date.UTC(year, 0, 4));
    var monday = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000;
    var day = new Date(monday + (week - 1) * 7 * 86400000);
    return ("0" + (day.getUTCMonth() + 1)).slice(-2);
  }

  var box = document.getElementById("timeline-filters");
  var events = Array.prototype.slice.call(document.querySelectorAll("article.event[data-year]"));
  if (!box || !events.length || !window.URLSearchParams || !window.history.replaceState) {
    return;
  }

  function actorsOf(event) {
    var keys = event.getAttribute("data-actors");
    return keys ? keys.split(" ") : [];
  }

  // Every actor named on the page: key -> {name, count}, from the links in the event rows
  // (a row names its first few actors; the name of one named in no row is its key).
  function collectActors() {
    var found = {};
    events.forEach(function (event) {
      actorsOf(event).forEach(function (key) {
        if (!found[key]) {
          var link = event.querySelector('a[data-actor="' + key + '"]') ||
            document.querySelector('a[data-actor="' + key + '"]');
          found[key] = { name: link ? link.textContent : key, count: 0 };
        }
        found[key].count += 1;
      });
    });
    return found;
  }

  function collectYears() {
    var seen = {};
    events.forEach(function (event) { seen[event.getAttribute("data-year")] = true; });
    return Object.keys(seen).sort();
  }

  function option(value, text) {
    var el = document.createElement("option");
    el.value = value;
    el.textContent = text;
    return el;
  }

  function field(id, label, first, choices) {
    var wrap = document.createElement("div");
    wrap.className = "filters-field";
    var lab = document.createElement("label");
    lab.htmlFor = id;
    lab.textContent = label;
    var select = document.createElement("select");
    select.id = id;
    select.appendChild(option("", first));
    choices.forEach(function (c) { select.appendChild(option(c[0], c[1])); });
    wrap.appendChild(lab);
    wrap.appendChild(select);
    return { wrap: wrap, select: select };
  }

  var actors = collectActors();
  var actorKeys = Object.keys(actors).sort(function (a, b) {
    return actors[a].name.localeCompare(actors[b].name, "en");
  });
  var years = collectYears();

  var form = document.createElement("form");
  form.className = "filters-form";
  form.setAttribute("aria-label", "Filter the timeline");
  var actorField = field("filter-actor", "Actor", "All actors", actorKeys.map(function (k) {
    return [k, actors[k].name + " (" + actors[k].count + ")"];
  }));
  var yearField = field("filter-year", "Year", "All years", years.map(function (y) { return [y, y]; }));
  var clear = document.createElement("button");
  clear.type = "button";
  clear.className = "filters-clear";
  clear.textContent = "Show all";
  var status = document.createElement("p");
  status.className = "filters-status";
  status.setAttribute("role", "status");
  form.appendChild(actorField.wrap);
  form.appendChild(yearField.wrap);
  form.appendChild(clear);
  box.appendChild(form);
  box.appendChild(status);

  function readState() {
    var params = new URLSearchParams(window.location.search);
    var actor = params.get("actor") || "";
    var year = params.get("year") || "";
    return {
      actor: actors[actor] ? actor : "",
      year: years.indexOf(year) >= 0 ? year : ""
    };
  }

  function writeState(state) {
    var params = new URLSearchParams(window.location.search);
    ["actor", "year"].forEach(function (name) {
      if (state[name]) { params.set(name, state[name]); } else { params.delete(name); }
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(null, "", url);
  }

  function matches(event, state) {
    if (state.year && event.getAttribute("data-year") !== state.year) { return false; }
    return !state.actor || actorsOf(event).indexOf(state.actor) >= 0;
  }

  // Hide a container (an events list, a month, a year) once none of its events shows.
  function hideEmpty(selector, itemSelector) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), function (el) {
      el.hidden = !el.querySelector(itemSelector);
    });
  }

  function apply(state) {
    var shown = 0;
    events.forEach(function (event) {
      var show = matches(event, state);
      event.parentNode.hidden = !show;
      shown += show ? 1 : 0;
    });
    hideEmpty("ol.events", "li:not([hidden])");
    Array.prototype.forEach.call(document.querySelectorAll("p.group-note"), function (note) {
      var list = note.nextElementSibling;
      note.hidden = Boolean(list && list.hidden);
    });
    hideEmpty("section.month", "ol.events:not([hidden])");
    hideEmpty("section.year", "section.month:not([hidden])");
    var all = !state.actor && !state.year;
    status.textContent = all
      ? "Showing all " + events.length + " events."
      : "Showing " + shown + " of " + events.length + " events.";
    clear.hidden = all;
  }

  function show(state) {
    actorField.select.value = state.actor;
    yearField.select.value = state.year;
    apply(state);
  }

  function onChange() {
    var state = { actor: actorField.select.value, year: yearField.select.value };
    writeState(state);
    apply(state);
  }

  actorField.select.addEventListener("change", onChange);
  yearField.select.addEventListener("change", onChange);
  clear.addEventListener("click", function () {
    show({ actor: "", year: "" });
    writeState({ actor: "", year: "" });
    actorField.select.focus();
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  window.addEventListener("popstate", function () { show(readState()); });

  box.hidden = false;
  show(readState());
})();
