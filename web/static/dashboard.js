// The Dasbor's charts: each <canvas data-chart> carries its labels, numbers and links
// (CSP allows no inline script). A click on a bar, slice or point opens its record list.
// A canvas with data-compare draws a second series beside the first (the Anev's "same
// months last year"), named by data-names.
(function () {
  "use strict";
  if (typeof Chart === "undefined") { return; }
  var colours = ["#0b3d91", "#d9534f", "#5cb85c", "#f0ad4e", "#5bc0de", "#6c757d", "#20c997"];
  Chart.defaults.animation = false;
  function valueScale(name) {
    var scales = {};
    scales[name] = { beginAtZero: true, ticks: { precision: 0 } };
    return scales;
  }
  // A long label on the category axis becomes lines of about 18 characters (Chart.js draws
  // an array as lines), so a status name is read whole instead of being cut at the edge.
  function wrapped(label) {
    var lines = [], line = "";
    String(label).split(" ").forEach(function (word) {
      if (line && (line + " " + word).length > 18) { lines.push(line); line = word; }
      else { line = line ? line + " " + word : word; }
    });
    lines.push(line);
    return lines.length > 1 ? lines : label;
  }
  function categoryScale(axis, valueAxis) {
    var scales = valueScale(valueAxis);
    scales[axis] = { ticks: { autoSkip: false, callback: function (value) {
      return wrapped(this.getLabelForValue(value));
    } } };
    return scales;
  }
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var type = canvas.dataset.chart;
    var links = JSON.parse(canvas.dataset.links || "[]");
    var round = type === "doughnut";
    var axis = canvas.dataset.axis || "x";  // "y": horizontal bars, for long labels
    var names = JSON.parse(canvas.dataset.names || "[]");
    var datasets = [{
      label: names[0] || "",
      data: JSON.parse(canvas.dataset.values || "[]"),
      backgroundColor: round ? colours : colours[0],
      borderColor: colours[0],
      fill: false
    }];
    if (canvas.dataset.compare) {
      datasets.push({ label: names[1] || "", data: JSON.parse(canvas.dataset.compare),
                      backgroundColor: colours[5], borderColor: colours[5], fill: false });
    }
    var chart = new Chart(canvas, {
      type: type,
      data: {
        labels: JSON.parse(canvas.dataset.labels || "[]"),
        datasets: datasets
      },
      options: {
        maintainAspectRatio: false,
        plugins: { legend: { display: round || datasets.length > 1 } },
        indexAxis: axis,
        scales: round ? {} : categoryScale(axis, axis === "y" ? "x" : "y"),
        onClick: function (_event, elements) {
          if (elements.length && elements[0].datasetIndex === 0 && links[elements[0].index]) {
            window.location.assign(links[elements[0].index]);
          }
        }
      }
    });
    canvas.dataset.drawn = "1";
    canvas.chartInstance = chart;
  });
})();
