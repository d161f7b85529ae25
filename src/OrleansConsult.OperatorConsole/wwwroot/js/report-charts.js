// The report page's charts: Chart.js (vendored under /assets/lib/chartjs) over the JSON the page carries,
// which holds the same figures as the tables below it. Nothing is fetched.
(function () {
    "use strict";
    var data = document.getElementById("report-chart-data");
    if (!data || typeof Chart === "undefined") { return; }
    var colors = ["#1f5fa8", "#d9822b", "#3b8f5a", "#a33b3b", "#6b4fa3", "#7a7a7a"];
    JSON.parse(data.textContent).forEach(function (chart) {
        var canvas = document.getElementById(chart.id);
        if (!canvas) { return; }
        new Chart(canvas, {
            type: "bar",
            data: {
                labels: chart.labels,
                datasets: chart.series.map(function (s, i) {
                    return { label: s.label, data: s.values, backgroundColor: colors[i % colors.length] };
                })
            },
            options: {
                animation: false,
                responsive: true,
                indexAxis: chart.labels.length > 6 && !chart.stacked ? "y" : "x",
                plugins: { legend: { display: chart.series.length > 1 } },
                scales: {
                    x: { stacked: chart.stacked, ticks: { precision: 0 } },
                    y: { stacked: chart.stacked, beginAtZero: true, ticks: { precision: 0 } }
                }
            }
        });
        canvas.setAttribute("data-rendered", "true");
    });
})();
