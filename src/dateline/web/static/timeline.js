// The zoomable timeline: reads /api/timeline (the same filters as the page) and draws it
// with vis-timeline. Article text is untrusted: items are built as DOM nodes holding text
// (textContent), never as HTML strings.
"use strict";
(function () {
  var box = document.getElementById("timeline");
  var status = document.getElementById("timeline-status");
  if (!box || typeof vis === "undefined") {
    return;
  }

  function label(kind, text) {
    var node = document.createElement("span");
    var tag = document.createElement("b");
    tag.textContent = kind + " ";
    node.appendChild(tag);
    // shorter labels on a narrow screen, so that the boxes leave the dates readable
    var most = box.clientWidth < 600 ? 32 : 60;
    node.appendChild(document.createTextNode(text.length > most ? text.slice(0, most - 3) + "…" : text));
    node.title = text;
    return node;
  }

  fetch(box.dataset.api, { headers: { Accept: "application/json" } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error("the timeline could not be read (" + response.status + ")");
      }
      return response.json();
    })
    .then(function (data) {
      var items = [];
      var links = {};
      data.entries.forEach(function (entry) {
        entry.events.forEach(function (event) {
          var id = "event:" + event.id;
          if (links[id]) {
            return;
          }
          links[id] = "/events/" + encodeURIComponent(event.id);
          items.push({ id: id, start: entry.date, content: label(event.type, event.title),
                       className: "event type-" + event.type.replace(/[^A-Z]/g, "") });
        });
        if (entry.more_events) {
          // the day's other events: the events page for that day, with the same filters
          var rest = "more:" + entry.date;
          var more = entry.events_total - entry.events.length;
          links[rest] = entry.more_events;
          items.push({ id: rest, start: entry.date, content: label("", more + " more events"),
                       className: "more" });
        }
        if (entry.events.length === 0 && entry.summary.length > 0) {
          var first = entry.summary[0];
          var id = "day:" + entry.date;
          links[id] = "/documents/" + encodeURIComponent(first.document) +
            "?start=" + first.start + "&end=" + first.end + "#mark";
          items.push({ id: id, start: entry.date, content: label("", first.sentence),
                       className: "summary" });
        }
      });
      var days = items.map(function (item) { return Date.parse(item.start); });
      var options = {
        zoomable: true,
        moveable: true,
        stack: true,
        maxHeight: 360,
        zoomMin: 1000 * 60 * 60 * 24 * 3,
        selectable: true,
        // the items are drawn (and visible) only after this: the page is ready then
        onInitialDrawComplete: function () {
          box.dataset.ready = String(items.length);
        },
      };
      if (days.length) {
        // open on the items shown, with a margin, on any screen: vis-timeline's own first
        // window is a guess that a narrow screen shows as a decade
        var first = Math.min.apply(null, days);
        var last = Math.max.apply(null, days);
        var margin = Math.max((last - first) * 0.08, 1000 * 60 * 60 * 24 * 3);
        options.start = new Date(first - margin);
        options.end = new Date(last + margin);
      }
      var timeline = new vis.Timeline(box, new vis.DataSet(items), options);
      var shown = timeline.getWindow();
      box.dataset.windowStart = shown.start.toISOString().slice(0, 10);
      box.dataset.windowEnd = shown.end.toISOString().slice(0, 10);
      timeline.on("select", function (props) {
        var target = links[props.items[0]];
        if (target) {
          window.location.assign(target);
        }
      });
      status.textContent = items.length + " items. Scroll to zoom, drag to move; click one to open it.";
    })
    .catch(function (error) {
      status.textContent = error.message;
    });
})();
