/* Chronicon viewer: timeline, filters, and each event's sources side by side.
 *
 * Every piece of text from the store goes into the page through textContent
 * (the el() helper below), never innerHTML: source sentences are data, not markup.
 */
(function () {
  "use strict";

  var root = document.getElementById("viewer");
  if (!root) return;

  var FIXED_PERSON = root.getAttribute("data-person") || "";
  var VERDICT_LABELS = {
    contradiction: "Contradiction",
    calendar_style: "Calendar style",
    compatible: "Compatible",
    agree: "Agree",
    single: "Single source"
  };
  var FILTERS = ["q", "person", "type", "verdict", "source", "min_sources"];

  // -- DOM helper: text is always text ------------------------------------------------------
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === "text") node.textContent = String(v);
        else if (k === "className") node.className = v;
        else if (k === "onclick") node.addEventListener("click", v);
        else node.setAttribute(k, String(v));
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function badge(verdict) {
    return el("span", { className: "badge v-" + verdict, text: VERDICT_LABELS[verdict] || verdict });
  }

  // ISO day ("1916-12-30", "-000044-03-15") -> Date at UTC midnight, any year.
  function toDate(iso) {
    if (!iso) return null;
    var m = /^([+-]?\d+)-(\d\d)-(\d\d)$/.exec(iso);
    if (!m) return null;
    var d = new Date(0);
    d.setUTCFullYear(parseInt(m[1], 10), parseInt(m[2], 10) - 1, parseInt(m[3], 10));
    d.setUTCHours(0, 0, 0, 0);
    return d;
  }

  // -- state <-> URL ------------------------------------------------------------------------
  var form = document.getElementById("filters");
  var inputs = {
    q: document.getElementById("f-q"),
    person: document.getElementById("f-person"),
    type: document.getElementById("f-type"),
    verdict: document.getElementById("f-verdict"),
    source: document.getElementById("f-source"),
    min_sources: document.getElementById("f-multi")
  };

  function readState() {
    var s = {};
    FILTERS.forEach(function (k) {
      var inp = inputs[k];
      if (!inp) return;
      if (inp.type === "checkbox") { if (inp.checked) s[k] = inp.value; }
      else if (inp.value) s[k] = inp.value;
    });
    if (FIXED_PERSON) s.person = FIXED_PERSON;
    return s;
  }

  function loadStateFromUrl() {
    var p = new URLSearchParams(window.location.search);
    FILTERS.forEach(function (k) {
      var inp = inputs[k];
      if (!inp || !p.has(k)) return;
      if (inp.type === "checkbox") inp.checked = !!p.get(k);
      else inp.value = p.get(k);
    });
    return p.get("event");
  }

  function writeUrl(state, eventId) {
    var p = new URLSearchParams();
    Object.keys(state).forEach(function (k) { if (!(k === "person" && FIXED_PERSON)) p.set(k, state[k]); });
    if (eventId) p.set("event", eventId);
    var qs = p.toString();
    window.history.replaceState(null, "", window.location.pathname + (qs ? "?" + qs : ""));
  }

  // -- timeline -------------------------------------------------------------------------------
  var items = new vis.DataSet();
  var groups = new vis.DataSet();
  var M = vis.moment || window.moment;
  var timeline = new vis.Timeline(document.getElementById("timeline"), items, groups, {
    stack: true,
    orientation: { axis: "top", item: "top" },
    zoomMin: 1000 * 60 * 60 * 24 * 20,
    margin: { item: { horizontal: 4, vertical: 6 }, axis: 6 },
    maxHeight: 520,
    minHeight: 180,
    showCurrentTime: false,
    selectable: true,
    tooltip: { followMouse: true, overflowMethod: "cap" },
    groupOrder: "order",
    moment: M ? function (d) { return M(d).utc(); } : undefined
  });

  function tooltip(e) {
    var box = el("div", null,
      el("div", { className: "tip-title", text: e.subject + ": " + e.type_label }),
      el("div", { text: e.best_date_text || e.best_date_human }),
      el("div", { className: "tip-sub", text: (VERDICT_LABELS[e.verdict] || e.verdict) + " · " + e.n_sources + " source" + (e.n_sources === 1 ? "" : "s") })
    );
    return box;
  }

  function drawTimeline(events) {
    var gs = [], seen = {};
    var its = [];
    events.forEach(function (e) {
      var pl = e.placement;
      if (!pl) return;
      if (!seen[e.subject]) {
        seen[e.subject] = true;
        gs.push({ id: e.subject, order: gs.length, content: el("span", { text: e.subject }) });
      }
      var label = e.type_label + (e.verdict === "contradiction" ? " ⚠" : "");
      var it = {
        id: e.id,
        group: e.subject,
        start: toDate(pl.start),
        content: el("span", { text: label }),
        title: tooltip(e),
        className: "v-" + e.verdict + " g-" + pl.granularity,
        type: pl.kind === "range" ? "range" : "point"
      };
      if (pl.kind === "range") it.end = toDate(pl.end);
      its.push(it);
    });
    // group counts by member count: busiest people first
    var counts = {};
    its.forEach(function (it) { counts[it.group] = (counts[it.group] || 0) + 1; });
    gs.sort(function (a, b) { return (counts[b.id] || 0) - (counts[a.id] || 0); });
    gs.forEach(function (g, i) { g.order = i; });
    items.clear();
    groups.clear();
    groups.add(gs);
    items.add(its);
    if (its.length) {
      // the whole range, with room on both sides for the labels of the first and last items
      var lo = Infinity, hi = -Infinity;
      its.forEach(function (it) {
        lo = Math.min(lo, it.start.getTime());
        hi = Math.max(hi, (it.end || it.start).getTime());
      });
      var pad = Math.max((hi - lo) * 0.06, 1000 * 60 * 60 * 24 * 45);
      timeline.setWindow(new Date(lo - pad), new Date(hi + pad * 2), { animation: false });
    }
  }

  timeline.on("select", function (props) {
    if (props.items && props.items.length) showEvent(String(props.items[0]));
  });

  // -- list -----------------------------------------------------------------------------------
  var list = document.getElementById("event-list");
  var countEl = document.getElementById("result-count");

  function drawList(events, total) {
    clear(list);
    countEl.textContent = events.length + " of " + total + " events";
    if (!events.length) {
      list.appendChild(el("li", { className: "empty", text: "No event matches these filters." }));
      return;
    }
    events.forEach(function (e) {
      var where = [e.place, e.object].filter(Boolean).join(" · ");
      var row = el("li", { className: "event-row", "data-event": e.id, "data-verdict": e.verdict, onclick: function () { showEvent(e.id, true); } },
        el("span", { className: "bar v-" + e.verdict }),
        el("div", null,
          el("div", { className: "row-date", text: e.best_date_human }),
          el("div", { className: "row-title", text: e.subject + " — " + e.type_label }),
          el("div", { className: "row-sub" },
            badge(e.verdict), " ",
            e.n_sources + " source" + (e.n_sources === 1 ? "" : "s") + (e.langs.length ? " · " + e.langs.join(", ") : "") + (where ? " · " + where : ""))
        )
      );
      row.setAttribute("tabindex", "0");
      row.setAttribute("role", "button");
      row.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); showEvent(e.id, true); }
      });
      list.appendChild(row);
    });
  }

  function markSelected(id) {
    Array.prototype.forEach.call(list.querySelectorAll(".event-row"), function (r) {
      r.classList.toggle("selected", r.getAttribute("data-event") === id);
    });
  }

  // -- detail: the sources side by side ------------------------------------------------------
  var pane = document.getElementById("detail-pane");
  var current = null;

  function quote(c) {
    var q = el("blockquote", { className: "quote", lang: c.lang });
    var p = c.quote_parts || { before: c.quote, date: "", after: "" };
    q.appendChild(document.createTextNode(p.before));
    if (p.date) q.appendChild(el("mark", { className: "date-words", text: p.date }));
    q.appendChild(document.createTextNode(p.after));
    return q;
  }

  function calNote(c) {
    if (c.calendar === "julian") {
      return el("span", { className: "cal", text: "Gregorian, from an Old Style date" + (c.julian_human ? " (" + c.julian_human + ")" : "") });
    }
    if (c.calendar === "gregorian") return el("span", { className: "cal", text: "New Style" });
    return null;
  }

  function readingsStrip(d) {
    if (!d.readings || d.readings.length < 2) return null;
    var strip = el("div", { className: "readings" }, el("span", { className: "label", text: "Readings" }));
    d.readings.forEach(function (r) {
      strip.appendChild(el("span", { className: "reading" },
        el("span", { className: "reading-chip chip-" + r.letter, text: r.letter }),
        el("strong", { text: r.date_human }),
        el("span", { className: "muted", text: " " + r.sources.length + " source" + (r.sources.length === 1 ? "" : "s") + (r.calendar === "julian" ? " · Old Style" : "") })
      ));
    });
    return strip;
  }

  function renderDetail(d) {
    clear(pane);
    var where = [d.type_label, d.place, d.object].filter(Boolean).join(" · ");
    var meta = el("div", { className: "detail-meta" },
      badge(d.verdict),
      el("span", { className: "best" }, el("span", { className: "label", text: "Best date " }), el("strong", { className: "best-date", text: d.best_date_text || d.best_date_human })),
      d.gap_days ? el("span", { className: "gap", text: d.gap_days + " days between the readings" }) : null,
      d.likely_reason ? el("span", { className: "reason", text: "likely reason: " + d.likely_reason }) : null,
      el("a", { className: "permalink", href: "/events/" + encodeURIComponent(d.id), text: "Permalink" })
    );
    pane.appendChild(el("section", { className: "detail", "data-event": d.id },
      el("div", { className: "detail-head v-" + d.verdict },
        el("div", { className: "detail-kicker", text: where }),
        el("h2", { className: "detail-title", text: d.subject + ": " + d.type_label }),
        meta,
        readingsStrip(d),
        el("p", { className: "explanation", text: d.explanation })
      ),
      el("h3", { className: "section-title", text: "What each source says" }),
      (function () {
        var grid = el("div", { className: "claims" });
        d.claims_detail.forEach(function (c) {
          grid.appendChild(el("article", { className: "claim reading-" + (c.reading || "x"), "data-source": c.source },
            el("header", { className: "claim-head" },
              el("span", { className: "reading-chip", title: "Reading " + (c.reading || "?"), text: c.reading || "?" }),
              el("span", { className: "claim-source", text: c.source }),
              el("span", { className: "lang", title: c.lang_name, text: c.lang })
            ),
            quote(c),
            el("dl", { className: "claim-facts" },
              el("dt", { text: "Date as written" }), el("dd", { className: "date-text", text: c.date_text || "—" }),
              el("dt", { text: "Read as" }), el("dd", null, c.date_human, " ", calNote(c)),
              el("dt", { text: "Language" }), el("dd", { text: c.lang_name }),
              el("dt", { text: "Confidence" }), el("dd", { text: Number(c.confidence).toFixed(2) })
            )
          ));
        });
        return grid;
      })(),
      d.comparisons.length ? el("h3", { className: "section-title", text: "Each pair of dates" }) : null,
      d.comparisons.length ? (function () {
        var tb = el("tbody");
        d.comparisons.forEach(function (cmp) {
          var tr = el("tr");
          cmp.sides.slice(0, 2).forEach(function (s) {
            tr.appendChild(el("td", null,
              el("span", { className: "reading-chip chip-" + (s.reading || "x"), text: s.reading || "?" }), " ",
              el("strong", { text: s.date_human }),
              el("div", { className: "muted small", text: s.sources.join(", ") })));
          });
          tr.appendChild(el("td", null, badge(cmp.verdict)));
          tr.appendChild(el("td", { text: cmp.explanation || "" }));
          tb.appendChild(tr);
        });
        return el("table", { className: "comparisons" },
          el("thead", null, el("tr", null, el("th", { text: "One reading" }), el("th", { text: "Another" }), el("th", { text: "Verdict" }), el("th", { text: "Why" }))),
          tb);
      })() : null
    ));
  }

  function showEvent(id, fromList) {
    current = id;
    markSelected(id);
    if (fromList) { try { timeline.setSelection([id], { focus: false }); } catch (err) { /* not on the timeline */ } }
    writeUrl(readState(), id);
    fetch("/api/events/" + encodeURIComponent(id))
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (d) { if (current === id) renderDetail(d); })
      .catch(function (err) {
        clear(pane);
        pane.appendChild(el("div", { className: "placeholder", text: "Could not load event " + id + ": " + err.message }));
      });
  }

  // -- loading ----------------------------------------------------------------------------------
  var seq = 0;
  function refresh(eventId) {
    var state = readState();
    writeUrl(state, eventId || current);
    var qs = new URLSearchParams(state).toString();
    var mine = ++seq;
    return fetch("/api/events" + (qs ? "?" + qs : ""))
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (mine !== seq) return;
        drawTimeline(data.events);
        drawList(data.events, data.total);
        root.setAttribute("data-ready", "1");
        if (eventId) {
          try { timeline.setSelection([eventId], { focus: false }); } catch (err) { /* filtered out */ }
          showEvent(eventId);
        }
      });
  }

  var timer = null;
  inputs.q.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { refresh(); }, 200);
  });
  ["person", "type", "verdict", "source", "min_sources"].forEach(function (k) {
    if (inputs[k]) inputs[k].addEventListener("change", function () { refresh(); });
  });
  document.getElementById("f-reset").addEventListener("click", function () {
    form.reset();
    refresh();
  });

  refresh(loadStateFromUrl());
})();
