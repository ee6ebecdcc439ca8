// The policy page: as a threshold moves, the results are fetched again (the same HTML the page renders without
// JavaScript, from /policy/resultat) and the chart shows agreement around the value (from /api/sweep).
(function () {
  var form = document.getElementById('policy');
  if (!form) return;
  var result = document.getElementById('resultat');
  var saveForm = document.getElementById('spara');
  var canvas = document.getElementById('svep');
  var chart = null;
  var pending = 0;
  var lastMoved = null;

  function thresholds() {
    var values = {};
    form.querySelectorAll('input[type=number]').forEach(function (input) {
      var v = parseFloat(String(input.value).replace(',', '.'));
      if (!isNaN(v)) values[input.dataset.name] = v;
    });
    return values;
  }

  function refresh() {
    var ticket = ++pending;
    var values = thresholds();
    var query = Object.keys(values).map(function (k) { return 't.' + encodeURIComponent(k) + '=' + values[k]; }).join('&');
    fetch('/policy/resultat?' + query).then(function (r) { return r.text(); }).then(function (html) {
      if (ticket === pending) { result.innerHTML = html; result.dataset.ready = String(ticket); }
    });
    if (saveForm) saveForm.querySelectorAll('input[type=hidden][data-name]').forEach(function (h) {
      if (values[h.dataset.name] !== undefined) h.value = values[h.dataset.name];
    });
    if (history.replaceState) history.replaceState(null, '', '/policy?' + query);
    drawSweep(values);
  }

  function drawSweep(values) {
    var name = lastMoved || Object.keys(values)[0];
    if (!name || !window.Chart || !canvas) return;
    fetch('/api/sweep', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: name, thresholds: values }) })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) return;
        var current = values[name];
        var points = data.values.map(function (v, i) { return { x: v, y: data.agreement[i] * 100 }; });
        var config = {
          type: 'line',
          data: { datasets: [
            { label: 'Lika publicerat (%) för ' + name, data: points, borderColor: '#00497a', pointRadius: points.map(function (p) { return Math.abs(p.x - current) < 1e-9 ? 6 : 2; }) },
          ] },
          options: { animation: false, maintainAspectRatio: false, parsing: false, scales: { x: { type: 'linear', title: { display: true, text: name } }, y: { title: { display: true, text: '%' } } } },
        };
        if (chart) { chart.destroy(); }
        chart = new window.Chart(canvas, config);
      });
  }

  form.addEventListener('input', function (event) {
    var target = event.target;
    if (!target.dataset || !target.dataset.name) return;
    lastMoved = target.dataset.name;
    var other = target.type === 'range' ? document.getElementById('t-' + target.dataset.name) : document.getElementById('r-' + target.dataset.name);
    if (other) other.value = target.value;
    refresh();
  });
  form.addEventListener('submit', function (event) { event.preventDefault(); refresh(); });
  drawSweep(thresholds());
})();
