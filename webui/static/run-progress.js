// The progress page of a solve: asks for its progress every second and redraws the bar, the
// figures and the two lines of the chart (the same drawing as webui/charts.py), then reloads
// the page once the solve is finished. Without script the page reloads itself instead.
(function () {
  "use strict";
  var run = document.getElementById("run");
  if (!run || run.dataset.finished === "true") { return; }
  var WIDTH = 640, HEIGHT = 180;

  // A value holds until the next one, the last one until `until` (as webui/charts.py draws).
  function points(events, timeLimit, until, index, low, high) {
    var span = high - low;
    var steps = events.filter(function (e) { return e[index] !== null; }).map(function (e) {
      return [Math.min(e[0], timeLimit), e[index]];
    });
    var result = [];
    steps.forEach(function (step, i) {
      var end = i + 1 < steps.length ? steps[i + 1][0] : Math.max(step[0], Math.min(until, timeLimit));
      var y = HEIGHT * (span ? 1 - (step[1] - low) / span : 0.5);
      [step[0], end].forEach(function (x) {
        result.push((WIDTH * x / (timeLimit || 1)).toFixed(1) + "," + y.toFixed(1));
      });
    });
    return result.join(" ");
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
      .setAttribute("points", points(data.events, data.time_limit, data.elapsed, 1, 0, 1));
    document.getElementById("objective-line")
      .setAttribute("points", points(data.events, data.time_limit, data.elapsed, 2, low, high));
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
