// Shared by the dashboard's views: reading the API with the session, posting through the
// dashboard's own endpoints with the page's token, polling that never stacks requests,
// and the tabs. Values from the services are only ever set as text (textContent).
(function () {
  'use strict';

  var MAX_BACK_OFF_MS = 60000;

  function token() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute('content') : '';
  }

  // Rejects with {status, problem} when the answer is not 2xx, so callers can say what went wrong.
  function answer(response) {
    var type = response.headers.get('Content-Type') || '';
    var body = type.indexOf('json') >= 0 ? response.json().catch(function () { return {}; }) : Promise.resolve({});
    return body.then(function (json) {
      if (!response.ok) {
        return Promise.reject({ status: response.status, problem: json });
      }
      return json;
    });
  }

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(answer);
  }

  function postJson(url, body) {
    return fetch(url, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': token() },
      body: JSON.stringify(body)
    }).then(answer);
  }

  // The words for a failed call: the problem's field errors or detail, or what happened.
  function describe(error) {
    if (!error || error.status === undefined) {
      return 'The dashboard cannot reach the reporting service.';
    }
    if (error.status === 401) {
      return 'Your session has ended. Reload the page to sign in again.';
    }
    var problem = error.problem || {};
    var fields = (problem.errors || []).map(function (e) { return e.field + ' ' + e.message; });
    return fields.length ? fields.join('; ') : (problem.detail || 'The request failed (HTTP ' + error.status + ').');
  }

  // Calls load() every intervalMs, each time only after the previous answer arrived; after
  // failures waits twice as long each time (up to a minute). now() asks for a fresh load: at
  // once when idle, right after the answer when one is in flight. A 401 stops it.
  function Poller(load, intervalMs) {
    var timer = null, inFlight = false, again = false, failures = 0, stopped = false;
    function schedule() {
      var delay = failures ? Math.min(intervalMs * Math.pow(2, failures), MAX_BACK_OFF_MS) : intervalMs;
      timer = setTimeout(run, delay);
    }
    function run() {
      timer = null;
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = true;
      Promise.resolve().then(load).then(function () { failures = 0; }, function (error) {
        failures += 1;
        if (error && error.status === 401) {
          stopped = true;
        }
      }).then(function () {
        inFlight = false;
        if (stopped) {
          return;
        }
        if (again) {
          again = false;
          run();
          return;
        }
        schedule();
      });
    }
    return {
      now: function () {
        if (timer !== null) {
          clearTimeout(timer);
          timer = null;
        }
        run();
      }
    };
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  // A fraction as a percentage with one decimal, rounded half up (0.0945 is 9.5%, not
  // the 9.4% that binary floating point gives toFixed).
  function tenths(value) {
    return (Math.round(value * 1000 + 1e-9) / 10).toFixed(1);
  }

  function percent(value) {
    return (value === null || value === undefined) ? '–' : tenths(value) + '%';
  }

  function interval(pair) {
    return pair ? tenths(pair[0]) + '–' + tenths(pair[1]) + '%' : '';
  }

  function number(value, digits) {
    return (value === null || value === undefined) ? '–' : Number(value).toFixed(digits || 0);
  }

  // Dollars as the rest of the product writes them: $12,900, $1,234.50.
  function money(value, digits) {
    return (value === null || value === undefined) ? '–' : '$' + Number(value).toLocaleString('en-US',
      { minimumFractionDigits: digits || 0, maximumFractionDigits: digits || 0 });
  }

  function showStatus(node, text, isError) {
    node.className = isError ? 'error' : 'muted';
    node.textContent = text;
  }

  var views = [];

  function showView() {
    var wanted = location.hash === '#queue' ? 'queue' : 'overview';
    ['overview', 'queue'].forEach(function (name) {
      document.getElementById(name).hidden = name !== wanted;
      document.getElementById('tab-' + name).classList.toggle('active', name === wanted);
      document.getElementById('tab-' + name).setAttribute('aria-current', name === wanted ? 'page' : 'false');
    });
    views.forEach(function (view) { view(wanted); });
  }

  window.Bidstream = {
    getJson: getJson, postJson: postJson, describe: describe, Poller: Poller, el: el, percent: percent,
    interval: interval, number: number, money: money, showStatus: showStatus,
    isOperator: function () { return document.body.dataset.role === 'OPERATOR'; },
    onView: function (listener) { views.push(listener); }
  };

  document.addEventListener('DOMContentLoaded', function () {
    if (!location.hash && document.body.dataset.role !== 'OPERATOR') {
      history.replaceState(null, '', '#queue');
    }
    window.addEventListener('hashchange', showView);
    // after the other scripts registered their views
    setTimeout(showView, 0);
    if (document.body.dataset.role === 'OPERATOR') {
      // the agencies reporting has counted, offered in every agency field
      getJson('/dashboard/api/agencies').then(function (answer) {
        var list = document.getElementById('agencies');
        list.replaceChildren.apply(list, answer.agencies.map(function (agency) {
          var option = document.createElement('option');
          option.value = agency;
          return option;
        }));
      }, function () { /* the fields still take a typed agency */ });
    }
  });
}());
