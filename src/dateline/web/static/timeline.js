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
    node.appendChild(document.createTextNode(text.length > 60 ? text.slice(0, 57) + "…" : text));
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
        if (entry.events.length === 0 && entry.summary.length > 0) {
          var first = entry.summary[0];
          var id = "day:" + entry.date;
          links[id] = "/documents/" + encodeURIComponent(first.document) +
            "?start=" + first.start + "&end=" + first.end + "#mark";
          items.push({ id: id, start: entry.date, content: label("", first.sentence),
                       className: "summary" });
        }
      });
      var timeline = new vis.Timeline(box, new vis.DataSet(items), {
        zoomable: true,
        moveable: true,
        stack: true,
        maxHeight: 360,
        zoomMin: 1000 * 60 * 60 * 24 * 3,
        selectable: true,
      });
      timeline.on("select", function (props) {
        var target = links[props.items[0]];
        if (target) {
          window.location.assign(target);
        }
      });
      box.dataset.ready = String(items.length);
      status.textContent = items.length + " items. Scroll to zoom, drag to move; click one to open it.";
    })
    .catch(function (error) {
      status.textContent = error.message;
    });
})();
