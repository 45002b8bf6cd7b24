// The Dasbor's charts: each <canvas data-chart> carries its labels, numbers and links
// (CSP allows no inline script). A click on a bar, slice or point opens its record list.
(function () {
  "use strict";
  if (typeof Chart === "undefined") { return; }
  var colours = ["#0b3d91", "#d9534f", "#5cb85c", "#f0ad4e", "#5bc0de", "#6c757d", "#20c997"];
  Chart.defaults.animation = false;
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var type = canvas.dataset.chart;
    var links = JSON.parse(canvas.dataset.links || "[]");
    var round = type === "doughnut";
    var chart = new Chart(canvas, {
      type: type,
      data: {
        labels: JSON.parse(canvas.dataset.labels || "[]"),
        datasets: [{
          data: JSON.parse(canvas.dataset.values || "[]"),
          backgroundColor: round ? colours : colours[0],
          borderColor: colours[0],
          fill: false
        }]
      },
      options: {
        maintainAspectRatio: false,
        plugins: { legend: { display: round } },
        scales: round ? {} : { y: { beginAtZero: true, ticks: { precision: 0 } } },
        onClick: function (_event, elements) {
          if (elements.length && links[elements[0].index]) {
            window.location.assign(links[elements[0].index]);
          }
        }
      }
    });
    canvas.dataset.drawn = "1";
    canvas.chartInstance = chart;
  });
})();
