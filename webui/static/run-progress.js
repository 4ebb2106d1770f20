// The progress page of a solve: asks for its progress every second and redraws the bar, the
// figures and the two lines of the chart (the same drawing as webui/charts.py), then reloads
// the page once the solve is finished. Without script the page reloads itself instead.
(function () {
  "use strict";
  var run = document.getElementById("run");
  if (!run || run.dataset.finished === "true") { return; }
  var WIDTH = 640, HEIGHT = 180;

  function points(events, timeLimit, index, low, high) {
    var span = (high - low) || 1;
    return events.filter(function (e) { return e[index] !== null; }).map(function (e) {
      var x = WIDTH * Math.min(e[0], timeLimit) / (timeLimit || 1);
      var y = HEIGHT - HEIGHT * (e[index] - low) / span;
      return x.toFixed(1) + "," + y.toFixed(1);
    }).join(" ");
  }

  function draw(data) {
    document.getElementById("run-status").textContent = data.status_label;
    document.getElementById("run-elapsed").textContent = data.elapsed;
    var bar = document.getElementById("run-bar");
    bar.value = Math.min(data.elapsed, data.time_limit);
    if (data.met !== null) {
      document.getElementById("run-met").textContent = data.met + " / " + data.total;
    }
    if (data.objective !== null) {
      document.getElementById("run-objective").textContent = data.objective.toFixed(1);
    }
    var objectives = data.events.map(function (e) { return e[2]; })
      .filter(function (v) { return v !== null; });
    var low = objectives.length ? Math.min.apply(null, objectives) : 0;
    var high = objectives.length ? Math.max.apply(null, objectives) : 1;
    document.getElementById("coverage-line")
      .setAttribute("points", points(data.events, data.time_limit, 1, 0, 1));
    document.getElementById("objective-line")
      .setAttribute("points", points(data.events, data.time_limit, 2, low, high));
  }

  function poll() {
    fetch(run.dataset.progressUrl, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (response) { return response.json(); })
      .then(function (data) {
        draw(data);
        if (data.finished) { window.location.reload(); } else { window.setTimeout(poll, 1000); }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 1000);
}());
