// The overview: pipeline health, the funnel by group (charts, table, diagnosis, loss
// reasons), market drift and, for operators, dead letters to redrive. Each part polls on
// its own, never stacking requests.
(function () {
  'use strict';

  var B = window.Bidstream;
  var COUNTS = ['scored', 'queued', 'proposed', 'viewed', 'replied', 'interviewed', 'hired', 'lost', 'withdrawn'];
  var STAGES = ['scored', 'queued', 'proposed', 'viewed', 'replied', 'interviewed', 'hired'];
  var RATES = [['viewRate', 'View'], ['replyRate', 'Reply'], ['interviewRate', 'Interview'], ['winRate', 'Win']];
  var PALETTE = ['#2456c9', '#d9822b', '#2e9e6b', '#a23bb5', '#c23b3b', '#3aa3b8', '#7a6f2b', '#5b6475'];
  var MAX_SERIES = 8;
  var visible = false;
  var charts = {};

  function $(id) { return document.getElementById(id); }

  function daysAgo(days) {
    return new Date(Date.now() - days * 86400000).toISOString().slice(0, 10);
  }

  // A latency in the unit a person reads it in: 850 ms, 4.2 s, 12 min, 3.5 h.
  function duration(ms) {
    if (ms === null || ms === undefined) {
      return '–';
    }
    if (ms < 1000) {
      return ms + ' ms';
    }
    if (ms < 120000) {
      return B.number(ms / 1000, 1) + ' s';
    }
    if (ms < 7200000) {
      return B.number(ms / 60000, 0) + ' min';
    }
    return B.number(ms / 3600000, 1) + ' h';
  }

  // The day after a yyyy-mm-dd date: a report's period is [from, to), and the To a person
  // picks is a day they mean to include.
  // A date the browser cannot read (a five-digit year typed in) is sent as it is, for the
  // report to refuse by name.
  function dayAfter(date) {
    var next = new Date(date + 'T00:00:00Z');
    if (isNaN(next.getTime())) {
      return date;
    }
    next.setUTCDate(next.getUTCDate() + 1);
    return next.toISOString().slice(0, 10);
  }

  // The last day a period [from, to) holds, as the To a person would have picked: the day
  // of the last instant before its end.
  function lastDay(to) {
    var end = Date.parse(to);
    return isNaN(end) ? to : new Date(end - 1).toISOString().slice(0, 10);
  }

  // The window and agency every report of the overview reads.
  function scope() {
    var params = new URLSearchParams();
    var windowDays = $('window').value;
    if (windowDays === 'custom') {
      if ($('from').value) {
        params.set('from', $('from').value);
      }
      if ($('to').value) {
        params.set('to', dayAfter($('to').value));
      }
    }
    else {
      params.set('from', daysAgo(Number(windowDays)));
    }
    var agency = $('agency').value.trim();
    if (agency && B.isOperator()) {
      params.set('agency', agency);
    }
    return params;
  }

  function chart(id, config) {
    if (!window.Chart) {
      return null;
    }
    if (!charts[id]) {
      config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options);
      charts[id] = new window.Chart($(id), config);
    }
    return charts[id];
  }

  function redraw(id, config, labels, datasets) {
    var c = chart(id, config);
    if (c) {
      c.data.labels = labels;
      c.data.datasets = datasets;
      c.update('none');
    }
  }

  // ---- health ----
  function renderHealth(report) {
    var badge = $('health-status');
    badge.textContent = report.status;
    badge.className = 'badge ' + report.status;
    $('health-reason').textContent = report.reason || '';
    var rows = document.createDocumentFragment();
    report.stages.forEach(function (stage) {
      var tr = document.createElement('tr');
      tr.dataset.stage = stage.name;
      var latency = stage.latencyMs || {};
      [['name', stage.name, 'text group'], ['status', stage.status, 'status ' + stage.status],
        ['processed', stage.processed], ['perMinute', B.number(stage.perMinute, 1)],
        ['p50', duration(latency.p50)],
        ['p95', duration(latency.p95)],
        ['p99', duration(latency.p99)],
        ['lag', B.number(stage.lag)], ['deadLetters', B.number(stage.deadLetters)],
        ['lastEventAt', stage.lastEventAt ? new Date(stage.lastEventAt).toLocaleString() : '–']
      ].forEach(function (cell) {
        var td = B.el('td', cell[1], cell[2]);
        td.dataset.field = cell[0];
        if (cell[0] === 'status' && stage.reason) {
          td.title = stage.reason;
        }
        tr.appendChild(td);
      });
      rows.appendChild(tr);
    });
    $('stages').tBodies[0].replaceChildren(rows);
  }

  function loadHealth() {
    if (!visible) {
      return Promise.resolve();
    }
    var agency = scope().get('agency');
    return B.getJson('/api/v1/reports/health' + (agency ? '?agency=' + encodeURIComponent(agency) : ''))
      .then(renderHealth, function (error) {
        $('health-status').textContent = '?';
        $('health-status').className = 'badge';
        $('health-reason').textContent = B.describe(error);
        throw error;
      });
  }

  // ---- funnel ----
  function cell(row, text, className, field) {
    var td = B.el('td', text, className);
    if (field) {
      td.dataset.field = field;
    }
    row.appendChild(td);
    return td;
  }

  function rateCell(row, data, name) {
    var td = cell(row, '', 'rate');
    var rate = B.el('span', B.percent(data[name]));
    rate.dataset.field = name;
    td.appendChild(rate);
    if (data[name + 'Interval']) {
      var range = B.el('span', B.interval(data[name + 'Interval']), 'interval');
      range.dataset.field = name + 'Interval';
      td.appendChild(range);
    }
  }

  // The table names the diagnosis (the stage that leaks, or "Healthy" / "Too little data");
  // the whole of it is the cell's title and is written out under "What the funnel says".
  function diagnosisCell(row, value) {
    var td = cell(row, '', 'text diagnosis ' + value.stage, 'diagnosis');
    td.dataset.stage = value.stage;
    td.title = value.message;
    td.appendChild(value.stage === 'NONE'
      ? document.createTextNode(value.message.split(':')[0])
      : B.el('span', value.stage, 'stage ' + value.stage));
  }

  function renderTable(report) {
    var rows = document.createDocumentFragment();
    report.rows.forEach(function (data) {
      var row = document.createElement('tr');
      row.dataset.group = data.group;
      cell(row, data.group, 'text group', 'group');
      COUNTS.forEach(function (name) { cell(row, String(data[name]), null, name); });
      RATES.forEach(function (rate) { rateCell(row, data, rate[0]); });
      cell(row, B.money(data.costPerWin, 2), null, 'costPerWin');
      diagnosisCell(row, data.diagnosis);
      rows.appendChild(row);
    });
    if (!report.rows.length) {
      var empty = document.createElement('tr');
      empty.className = 'empty';
      cell(empty, 'No scored listings in this period.').colSpan = 16;
      rows.appendChild(empty);
    }
    $('funnel').tBodies[0].replaceChildren(rows);
  }

  function figures(diagnosis) {
    var parts = Object.keys(diagnosis.figures || {}).map(function (name) {
      var value = diagnosis.figures[name];
      return name + ' ' + (typeof value === 'number' && value > 0 && value < 1 ? B.percent(value) : value);
    });
    return parts.join(' · ');
  }

  function renderDiagnoses(report) {
    var items = document.createDocumentFragment();
    report.rows.forEach(function (data) {
      var li = B.el('li', null, 'diagnosis ' + data.diagnosis.stage);
      li.dataset.group = data.group;
      li.appendChild(B.el('strong', data.group));
      li.appendChild(document.createTextNode(': ' + data.diagnosis.message));
      var detail = figures(data.diagnosis);
      if (detail || data.diagnosis.benchmark) {
        li.appendChild(B.el('span', [detail, data.diagnosis.benchmark].filter(Boolean).join(' — '), 'figures'));
      }
      items.appendChild(li);
    });
    $('diagnoses').replaceChildren(items);
    $('channels').textContent = report.channels ? report.channels.message : '';
  }

  function renderLosses(report) {
    var reasons = [];
    report.rows.forEach(function (row) {
      Object.keys(row.lossReasons || {}).forEach(function (reason) {
        if (reasons.indexOf(reason) < 0) {
          reasons.push(reason);
        }
      });
    });
    reasons.sort();
    var head = document.createElement('tr');
    head.appendChild(B.el('th', 'Group', 'text'));
    reasons.forEach(function (reason) { head.appendChild(B.el('th', reason.replace(/_/g, ' ').toLowerCase())); });
    $('losses').tHead.replaceChildren(head);
    var rows = document.createDocumentFragment();
    report.rows.filter(function (row) { return row.lost > 0; }).forEach(function (row) {
      var tr = document.createElement('tr');
      tr.dataset.group = row.group;
      cell(tr, row.group, 'text group');
      reasons.forEach(function (reason) { cell(tr, String((row.lossReasons || {})[reason] || 0), null, reason); });
      rows.appendChild(tr);
    });
    if (!reasons.length) {
      var empty = document.createElement('tr');
      empty.className = 'empty';
      cell(empty, 'No pursuit was lost in this period.');
      rows.appendChild(empty);
    }
    $('losses').tBodies[0].replaceChildren(rows);
  }

  function renderCharts(report) {
    var groups = report.rows.slice(0, MAX_SERIES);
    redraw('stage-chart', { type: 'bar', data: { labels: [], datasets: [] },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } },
    STAGES.map(function (stage) { return stage.charAt(0).toUpperCase() + stage.slice(1); }),
    groups.map(function (row, i) {
      return { label: row.group, backgroundColor: PALETTE[i % PALETTE.length],
        data: STAGES.map(function (stage) { return row[stage]; }) };
    }));
    // one bar per rate and group: its 95% interval, with the rate itself drawn over it
    // as a diamond (RATE_MARKERS). A line dataset for the rates sat at the group's
    // centre, beside the bars of the other rates.
    var datasets = RATES.map(function (rate, i) {
      var color = PALETTE[i % PALETTE.length];
      return { label: rate[1] + ' rate', backgroundColor: color + '55', borderColor: color, borderWidth: 1,
        rates: groups.map(function (row) { return row[rate[0]] === null ? null : row[rate[0]] * 100; }),
        data: groups.map(function (row) {
          var range = row[rate[0] + 'Interval'];
          return range ? [range[0] * 100, range[1] * 100] : null;
        }) };
    });
    redraw('rate-chart', { type: 'bar', data: { labels: [], datasets: [] }, plugins: [RATE_MARKERS],
      options: { scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + '%'; } } } },
        plugins: { tooltip: { callbacks: { label: rateLabel } } } } },
    groups.map(function (row) { return row.group; }), datasets);
  }

  function rateLabel(item) {
    var rate = item.dataset.rates[item.dataIndex];
    var range = item.raw;
    return item.dataset.label + ' ' + B.number(rate, 1) + '% (95% interval ' + B.number(range[0], 1) + '–'
      + B.number(range[1], 1) + '%)';
  }

  /** Draws each rate as a diamond on the middle of its own interval bar. */
  var RATE_MARKERS = {
    id: 'rateMarkers',
    afterDatasetsDraw: function (c) {
      var ctx = c.ctx;
      c.data.datasets.forEach(function (dataset, i) {
        var meta = c.getDatasetMeta(i);
        if (!dataset.rates || !c.isDatasetVisible(i)) {
          return;
        }
        meta.data.forEach(function (bar, j) {
          var rate = dataset.rates[j];
          if (rate === null || rate === undefined) {
            return;
          }
          ctx.save();
          ctx.fillStyle = dataset.borderColor;
          ctx.translate(bar.x, c.scales.y.getPixelForValue(rate));
          ctx.rotate(Math.PI / 4);
          ctx.fillRect(-4, -4, 8, 8);
          ctx.restore();
        });
      });
    }
  };

  function loadFunnel() {
    if (!visible) {
      return Promise.resolve();
    }
    var params = scope();
    params.set('groupBy', $('groupBy').value);
    if ($('excludeNoHire').checked) {
      params.set('excludeNoHire', 'true');
    }
    var query = params.toString();
    $('csv').href = '/api/v1/reports/funnel.csv?' + query;
    return B.getJson('/api/v1/reports/funnel?' + query).then(function (report) {
      renderTable(report);
      renderCharts(report);
      renderDiagnoses(report);
      renderLosses(report);
      B.showStatus($('status'), 'Listings first ingested from ' + report.from.slice(0, 10) + ' to '
        + lastDay(report.to) + ' · updated ' + new Date().toLocaleTimeString());
    }, function (error) {
      B.showStatus($('status'), B.describe(error) + (error.status ? '' : ' Retrying, less often.'), true);
      if (error.status === 400) {
        // a window refused: the figures of the one before it would pass for its own (a
        // service out of reach leaves them, under its error, until it answers again)
        var refused = document.createElement('tr');
        refused.className = 'empty';
        cell(refused, 'No figures for this window: ' + B.describe(error)).colSpan = 16;
        $('funnel').tBodies[0].replaceChildren(refused);
      }
      throw error;
    });
  }

  // ---- market ----
  function renderMarket(report) {
    var measure = $('marketMeasure').value;
    var totals = {};
    var periods = [];
    report.rows.forEach(function (row) {
      totals[row.group] = (totals[row.group] || 0) + row.listings;
      if (periods.indexOf(row.period) < 0) {
        periods.push(row.period);
      }
    });
    periods.sort();
    var groups = Object.keys(totals).sort(function (a, b) { return totals[b] - totals[a]; }).slice(0, MAX_SERIES);
    var share = measure.indexOf('Share') > 0;
    redraw('market-chart', { type: 'line', data: { labels: [], datasets: [] },
      options: { spanGaps: true, scales: { y: { beginAtZero: true } } } }, periods,
    groups.map(function (group, i) {
      return { label: group, borderColor: PALETTE[i % PALETTE.length], backgroundColor: PALETTE[i % PALETTE.length],
        tension: 0.2, data: periods.map(function (period) {
          var row = report.rows.find(function (r) { return r.group === group && r.period === period; });
          var value = row ? row[measure] : null;
          return (value === null || value === undefined) ? null : (share ? value * 100 : value);
        }) };
    }));
    var latest = document.createDocumentFragment();
    groups.forEach(function (group) {
      var rows = report.rows.filter(function (r) { return r.group === group; });
      var row = rows[rows.length - 1];
      var tr = document.createElement('tr');
      tr.dataset.group = group;
      cell(tr, group, 'text group', 'group');
      cell(tr, row.period, 'text', 'period');
      cell(tr, String(row.listings), null, 'listings');
      cell(tr, row.listingsChange === null ? '–' : (row.listingsChange >= 0 ? '+' : '') + B.percent(row.listingsChange),
        null, 'listingsChange');
      cell(tr, B.money(row.medianValue), null, 'medianValue');
      cell(tr, B.percent(row.pursueShare), null, 'pursueShare');
      cell(tr, B.percent(row.aiWorkShare), null, 'aiWorkShare');
      latest.appendChild(tr);
    });
    $('market-latest').tBodies[0].replaceChildren(latest);
    B.showStatus($('market-status'), report.rows.length ? 'Latest period of the ' + groups.length
      + ' largest groups below; the chart shows every period in the window.' : 'No listings in this window.');
  }

  function loadMarket() {
    if (!visible) {
      return Promise.resolve();
    }
    var params = scope();
    params.set('groupBy', $('marketGroupBy').value);
    params.set('interval', $('marketInterval').value);
    $('market-csv').href = '/api/v1/reports/market.csv?' + params;
    return B.getJson('/api/v1/reports/market?' + params).then(renderMarket, function (error) {
      B.showStatus($('market-status'), B.describe(error), true);
      throw error;
    });
  }

  // ---- dead letters ----
  function selectedLetters() {
    return Array.prototype.map.call(document.querySelectorAll('#dead-letter-list input:checked'),
      function (box) { return box.value; });
  }

  function renderDeadLetters(answer) {
    var chosen = selectedLetters();
    var rows = document.createDocumentFragment();
    answer.deadLetters.forEach(function (letter) {
      var tr = document.createElement('tr');
      tr.dataset.id = letter.id;
      var pick = document.createElement('input');
      pick.type = 'checkbox';
      pick.value = letter.id;
      pick.checked = chosen.indexOf(letter.id) >= 0;
      pick.setAttribute('aria-label', 'Select ' + letter.id);
      cell(tr, '').appendChild(pick);
      cell(tr, letter.at ? new Date(letter.at).toLocaleString() : '–', 'text at', 'at');
      cell(tr, letter.topic, 'text topic', 'topic');
      cell(tr, (letter.originalTopic || '?') + ' ' + (letter.originalPartition === null ? '' : letter.originalPartition
        + ':' + letter.originalOffset), 'text original', 'original');
      // the message's key names the agency and the listing (agency|jobKey)
      cell(tr, letter.key || '–', 'text key', 'key');
      cell(tr, letter.reason || '–', 'text reason', 'reason');
      cell(tr, letter.redrivenAt ? new Date(letter.redrivenAt).toLocaleString()
        + (letter.redrives > 1 ? ' (' + letter.redrives + ' times)' : '') : 'not yet', 'text redriven', 'redriven');
      var payload = cell(tr, (letter.payload || '').slice(0, 160), 'text payload', 'payload');
      payload.title = letter.payload || '';
      rows.appendChild(tr);
    });
    if (!answer.deadLetters.length) {
      var empty = document.createElement('tr');
      empty.className = 'empty';
      cell(empty, 'No dead letters.').colSpan = 8;
      rows.appendChild(empty);
    }
    $('dead-letter-list').tBodies[0].replaceChildren(rows);
    $('redrive').disabled = selectedLetters().length === 0;
  }

  function loadDeadLetters() {
    if (!visible || !B.isOperator()) {
      return Promise.resolve();
    }
    return B.getJson('/api/v1/dead-letters?limit=50').then(renderDeadLetters, function (error) {
      B.showStatus($('dead-letter-status'), B.describe(error), true);
      throw error;
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var pollers = [B.Poller(loadHealth, 5000), B.Poller(loadFunnel, 5000), B.Poller(loadMarket, 30000),
      B.Poller(loadDeadLetters, 15000)];
    var health = pollers[0], funnel = pollers[1], market = pollers[2], letters = pollers[3];
    function customWindow() {
      document.querySelectorAll('.custom').forEach(function (label) {
        label.hidden = $('window').value !== 'custom';
      });
    }
    customWindow();
    $('controls').addEventListener('change', function () {
      customWindow();
      funnel.now();
      health.now();
      market.now();
    });
    $('controls').addEventListener('submit', function (event) { event.preventDefault(); funnel.now(); });
    $('market-controls').addEventListener('change', function () { market.now(); });
    $('dead-letter-list').addEventListener('change', function () {
      $('redrive').disabled = selectedLetters().length === 0;
    });
    $('redrive').addEventListener('click', function () {
      var ids = selectedLetters();
      $('redrive').disabled = true;
      B.postJson('/dashboard/api/dead-letters/redrive', { ids: ids }).then(function (result) {
        B.showStatus($('dead-letter-status'), 'Redriven: ' + result.redriven + ' message(s) sent back to their topic'
          + (result.skipped ? ', ' + result.skipped + ' skipped' : '') + '. Each is applied once, however often it is redriven.');
        document.querySelectorAll('#dead-letter-list input:checked').forEach(function (box) { box.checked = false; });
        letters.now();
      }, function (error) {
        B.showStatus($('dead-letter-status'), B.describe(error), true);
        $('redrive').disabled = false;
      });
    });
    B.onView(function (view) {
      var was = visible;
      visible = view === 'overview';
      if (visible && !was) {
        pollers.forEach(function (poller) { poller.now(); });
      }
    });
  });
}());
