/* Dashboard maps (Leaflet) and charts (Chart.js). Figures arrive formatted by the server;
   tick labels use the Indonesian number format. Re-runs after an htmx swap of #dashboard. */
(function () {
  "use strict";
  var NUMBER = new Intl.NumberFormat("id-ID");
  var BINS = [15, 25, 35, 45];
  var COLOURS = ["#fde0c5", "#facba6", "#9ed3b5", "#3fa677", "#0b6e4f"];

  function readJson(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function colour(coverage) {
    if (coverage === null || coverage === undefined) { return null; }
    var i = 0;
    while (i < BINS.length && coverage >= BINS[i]) { i += 1; }
    return COLOURS[i];
  }

  function styleFor(value) {
    var fill = value ? colour(value.coverage) : null;
    return {
      color: "#56606b", weight: 1, fillOpacity: fill ? 0.85 : 0.35,
      fillColor: fill || "#d0d4d9", dashArray: fill ? null : "3",
    };
  }

  // Built as elements with textContent: region names and figures are data, never markup.
  function tooltip(feature, value, noData) {
    var box = document.createElement("div");
    var title = document.createElement("strong");
    title.textContent = value ? value.name : feature.properties.name;
    box.appendChild(title);
    var lines = (!value || value.coverage === null)
      ? [noData].concat(value ? [value.participants_text] : [])
      : [value.coverage_text, value.participants_text];
    lines.forEach(function (text) {
      box.appendChild(document.createElement("br"));
      box.appendChild(document.createTextNode(text));
    });
    return box;
  }

  // People who ask for less motion get a map that jumps instead of gliding; the charts never
  // animate.
  var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function label(value, name, noData) {
    if (!value) { return name + ", " + noData; }
    return [value.name, value.coverage === null ? noData : value.coverage_text, value.participants_text]
      .filter(Boolean).join(", ");
  }

  function go(value) { window.location.href = value.url + window.location.search; }

  // The regions are one Tab stop (a roving tabindex): the arrow keys move between them in
  // alphabetical order, Enter or Space opens a region's page, Home and End jump to the ends.
  function keyboardRegions(el, shapes) {
    shapes.sort(function (a, b) { return a.name.localeCompare(b.name, "id"); });
    shapes.forEach(function (item, i) {
      var path = item.shape.getElement();
      if (!path) { return; }
      path.setAttribute("tabindex", i === 0 ? "0" : "-1");
      path.setAttribute("role", item.value && item.value.url ? "link" : "img");
      path.setAttribute("aria-label", item.label);
      path.addEventListener("focus", function () { item.shape.openTooltip(); item.shape.setStyle({ weight: 3 }); });
      path.addEventListener("blur", function () { item.shape.closeTooltip(); item.shape.setStyle({ weight: 1 }); });
      path.addEventListener("keydown", function (event) {
        var next = null;
        if (event.key === "ArrowRight" || event.key === "ArrowDown") { next = (i + 1) % shapes.length; }
        else if (event.key === "ArrowLeft" || event.key === "ArrowUp") { next = (i - 1 + shapes.length) % shapes.length; }
        else if (event.key === "Home") { next = 0; }
        else if (event.key === "End") { next = shapes.length - 1; }
        else if ((event.key === "Enter" || event.key === " ") && item.value && item.value.url) {
          event.preventDefault(); event.stopPropagation(); go(item.value); return;
        }
        if (next === null) { return; }
        event.preventDefault(); event.stopPropagation();
        path.setAttribute("tabindex", "-1");
        var target = shapes[next].shape.getElement();
        target.setAttribute("tabindex", "0");
        target.focus();
      });
    });
  }

  function initMap(el) {
    if (el.dataset.ready) { return; }
    el.dataset.ready = "1";
    var values = readJson(el.dataset.values) || {};
    var noData = el.dataset.nodata || "no data";
    var map = L.map(el, { attributionControl: false, zoomSnap: 0.25, scrollWheelZoom: false,
      zoomAnimation: !still, fadeAnimation: !still, markerZoomAnimation: !still, inertia: !still });
    var shapes = [];
    fetch(el.dataset.geojson, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (collection) {
        var layer = L.geoJSON(collection, {
          style: function (f) { return styleFor(values[f.properties.code]); },
          onEachFeature: function (f, shape) {
            var value = values[f.properties.code];
            shape.on("add", function () { shape.getElement().setAttribute("data-code", f.properties.code); });
            shape.bindTooltip(tooltip(f, value, noData), { sticky: true });
            shape.on("mouseover", function () { shape.setStyle({ weight: 3 }); });
            shape.on("mouseout", function () { shape.setStyle({ weight: 1 }); });
            if (value && value.url) {
              shape.on("click", function () { go(value); });
            }
            var name = value ? value.name : f.properties.name;
            shapes.push({ shape: shape, value: value, name: name, label: label(value, name, noData) });
          },
        }).addTo(map);
        if (layer.getLayers().length) {
          map.fitBounds(layer.getBounds(), { animate: false });
          map.on("resize", function () { map.fitBounds(layer.getBounds(), { animate: false }); });
        }
        keyboardRegions(el, shapes);
        el.dataset.features = String(layer.getLayers().length);
      });
  }

  // A dashed vertical line where the denominator's year or kind changes, so a step there is
  // not read as participants lost or gained.
  var denominatorSteps = {
    id: "denominatorSteps",
    afterDatasetsDraw: function (chart, args, options) {
      var x = chart.scales.x, area = chart.chartArea, ctx = chart.ctx;
      (options.steps || []).forEach(function (step) {
        var at = x.getPixelForValue(step.index);
        ctx.save();
        ctx.strokeStyle = "#56606b"; ctx.setLineDash([4, 3]); ctx.lineWidth = 1;
        ctx.beginPath(); ctx.moveTo(at, area.top); ctx.lineTo(at, area.bottom); ctx.stroke();
        ctx.fillStyle = "#56606b"; ctx.font = "11px sans-serif"; ctx.fillText(step.label, at + 3, area.top + 11);
        ctx.restore();
      });
    },
  };

  // Partial months (not every report submitted) are drawn as hollow points.
  function pointFill(data, colour) {
    return (data.partial || []).map(function (partial) { return partial ? "#fff" : colour; });
  }

  function trendChart(canvas, data) {
    var datasets = [
      { label: canvas.dataset.participantsLabel || "", data: data.participants, yAxisID: "y1", borderColor: "#b26a00", borderDash: [4, 3],
        pointBackgroundColor: pointFill(data, "#b26a00"), pointRadius: 3 },
    ];
    // Unknown coverage is left out rather than drawn as a flat 0% line.
    if (data.coverage.some(function (v) { return v !== null; })) {
      datasets.unshift({ label: canvas.dataset.coverageLabel || "%", data: data.coverage, yAxisID: "y", borderColor: "#0b6e4f", spanGaps: false,
        pointBackgroundColor: pointFill(data, "#0b6e4f"), pointRadius: 3 });
    }
    return new Chart(canvas, {
      type: "line",
      data: { labels: data.labels, datasets: datasets },
      plugins: [denominatorSteps],
      options: { maintainAspectRatio: false, animation: false,
        plugins: { denominatorSteps: { steps: data.denominator_changes || [] },
          tooltip: { callbacks: { footer: function (items) {
            return items.length && (data.partial || [])[items[0].dataIndex] ? data.partial_label : "";
          } } } },
        scales: {
        y: { display: "auto", position: "left", ticks: { callback: function (v) { return NUMBER.format(v) + "%"; } } },
        y1: { position: "right", grid: { drawOnChartArea: false }, ticks: { callback: function (v) { return NUMBER.format(v); } } },
      } },
    });
  }

  function categoryChart(canvas, data) {
    return new Chart(canvas, {
      type: "bar",
      data: { labels: data.labels, datasets: [{ data: data.participants, backgroundColor: "#3fa677" }] },
      options: { maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } },
        scales: { y: { ticks: { callback: function (v) { return NUMBER.format(v); } } } } },
    });
  }

  function initCharts(root) {
    root.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      if (canvas.dataset.ready) { return; }
      canvas.dataset.ready = "1";
      var data = readJson(canvas.dataset.chart);
      if (!data || typeof Chart === "undefined") { return; }
      (canvas.id === "trend-chart" ? trendChart : categoryChart)(canvas, data);
    });
  }

  function init(root) {
    if (typeof L !== "undefined") { root.querySelectorAll(".map[data-geojson]").forEach(initMap); }
    initCharts(root);
  }

  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:afterSettle", function () { init(document); });
})();
