// The funnel dashboard: reads the report with the signed-in session every 5 seconds and
// renders it with textContent only (report values are never parsed as HTML).
(function () {
  'use strict';

  var REFRESH_MS = 5000;
  var COUNTS = ['scored', 'queued', 'proposed', 'viewed', 'replied', 'interviewed', 'hired', 'lost'];
  var RATES = ['viewRate', 'replyRate', 'interviewRate', 'winRate'];
  var controls, body, status, csv, timer;

  function parameters() {
    var params = new URLSearchParams();
    params.set('groupBy', document.getElementById('groupBy').value);
    ['from', 'to', 'agency'].forEach(function (name) {
      var value = document.getElementById(name).value.trim();
      if (value) {
        params.set(name, value);
      }
    });
    if (document.getElementById('excludeNoHire').checked) {
      params.set('excludeNoHire', 'true');
    }
    return params.toString();
  }

  function cell(row, text, className, field) {
    var td = document.createElement('td');
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    if (field) {
      td.dataset.field = field;
    }
    row.appendChild(td);
    return td;
  }

  function percent(value) {
    return (value === null || value === undefined) ? '–' : (value * 100).toFixed(1) + '%';
  }

  function diagnosis(row, value) {
    // NONE is healthy or too little data to say: the message tells which, no badge
    var td = cell(row, '', 'text diagnosis ' + value.stage, 'diagnosis');
    td.dataset.stage = value.stage;
    var stage = document.createElement('span');
    stage.className = 'stage ' + value.stage;
    stage.textContent = value.stage;
    td.appendChild(stage);
    td.appendChild(document.createTextNode(value.message));
  }

  function render(report) {
    var rows = document.createDocumentFragment();
    report.rows.forEach(function (data) {
      var row = document.createElement('tr');
      row.dataset.group = data.group;
      cell(row, data.group, 'text group', 'group');
      COUNTS.forEach(function (name) { cell(row, String(data[name]), null, name); });
      RATES.forEach(function (name) { cell(row, percent(data[name]), null, name); });
      diagnosis(row, data.diagnosis);
      rows.appendChild(row);
    });
    if (!report.rows.length) {
      var empty = document.createElement('tr');
      empty.className = 'empty';
      var td = cell(empty, 'No scored listings in this period.');
      td.colSpan = 14;
      rows.appendChild(empty);
    }
    body.replaceChildren(rows);
    status.className = 'muted';
    status.textContent = 'Listings first ingested from ' + report.from.slice(0, 10) + ' to ' + report.to.slice(0, 10)
      + ' · updated ' + new Date().toLocaleTimeString();
  }

  function problem(response) {
    if (response.status === 401) {
      clearInterval(timer);
      status.className = 'error';
      status.textContent = 'Your session has ended. Reload the page to sign in again.';
      return;
    }
    response.json().then(function (body) {
      var errors = (body.errors || []).map(function (e) { return e.field + ' ' + e.message; });
      status.className = 'error';
      status.textContent = errors.length ? errors.join('; ') : (body.detail || 'The report could not be loaded.');
    }, function () {
      status.className = 'error';
      status.textContent = 'The report could not be loaded (HTTP ' + response.status + ').';
    });
  }

  function refresh() {
    var query = parameters();
    csv.href = '/api/v1/reports/funnel.csv?' + query;
    fetch('/api/v1/reports/funnel?' + query, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          problem(response);
          return;
        }
        return response.json().then(render);
      })
      .catch(function () {
        status.className = 'error';
        status.textContent = 'The reporting service cannot be reached; retrying every 5 seconds.';
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    controls = document.getElementById('controls');
    body = document.querySelector('#funnel tbody');
    status = document.getElementById('status');
    csv = document.getElementById('csv');
    controls.addEventListener('change', refresh);
    controls.addEventListener('submit', function (event) { event.preventDefault(); refresh(); });
    refresh();
    timer = setInterval(refresh, REFRESH_MS);
  });
}());
