// The Queue: the agency's PURSUE and REVIEW listings, ranked, with the reasons of their
// score and where each pursuit stands; a member records what happened without leaving the
// page. Writes go through the dashboard's endpoints (the session's key stays on the
// server), and a conflict is said in words.
(function () {
  'use strict';

  var B = window.Bidstream;
  var visible = false;
  var cards = {};
  var held = {};
  var latest = null;
  // set when the member's own act asks for the Queue again: what they did shows at once
  var asked = false;
  var poller;
  var CONFLICTS = {
    'held-by-another': 'Someone else holds this listing.',
    'closed': 'This job is closed for the agency.',
    // tracking's own words say who may release it: said once, not twice
    'not-holder': 'Not released.',
    'event-id-reused': 'This change was already recorded for another listing.'
  };
  var DONE = {
    CLAIM: 'Claimed', RELEASE: 'Released', PROPOSAL_SENT: 'Proposal sent', VIEWED: 'Marked viewed',
    REPLIED: 'Marked replied', INTERVIEW: 'Interview recorded', OFFER: 'Offer recorded', HIRED: 'Hired',
    LOST: 'Marked lost', WITHDRAWN: 'Withdrawn'
  };

  function $(id) { return document.getElementById(id); }

  function agency() {
    return B.isOperator() ? $('queue-agency').value.trim() : '';
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  // a service's detail as a sentence of the page: ending with its full stop
  function sentence(text) {
    text = (text || '').trim();
    return text && !/[.!?]$/.test(text) ? text + '.' : text;
  }

  function problemWords(error) {
    var problem = error.problem || {};
    var slug = (problem.type || '').split('/').pop();
    if (error.status === 409) {
      return (CONFLICTS[slug] || 'This change conflicts with the pursuit as it stands.') + ' ' + sentence(problem.detail);
    }
    if (error.status === 404) {
      return 'Tracking does not know this listing (yet): ' + sentence(problem.detail);
    }
    return B.describe(error);
  }

  function fields(form) {
    var type = form.elements.type.value;
    form.querySelectorAll('label[data-for]').forEach(function (label) {
      label.hidden = label.dataset.for.split(' ').indexOf(type) < 0;
      // a hidden field is not sent, so it is not checked either: a bad value left in it
      // would block the form without a word (the browser cannot point at a hidden field)
      label.querySelectorAll('input, select').forEach(function (control) { control.disabled = label.hidden; });
    });
    // a loss is recorded with the reason the member picks, never a default one
    form.elements.reason.required = type === 'LOST';
  }

  function event(form) {
    var type = form.elements.type.value;
    var body = { eventId: uuid(), type: type };
    var wanted = {
      CLAIM: ['freelancerId'], RELEASE: ['freelancerId'], PROPOSAL_SENT: ['freelancerId', 'connectsSpent', 'bidAmount'],
      HIRED: ['contractValue'], LOST: ['reason'], WITHDRAWN: ['reason']
    }[type] || [];
    wanted.forEach(function (name) {
      var value = form.elements[name].value.trim();
      if (value !== '') {
        body[name] = form.elements[name].type === 'number' ? Number(value) : value;
      }
    });
    return body;
  }

  function submit(card, form) {
    var outcome = card.querySelector('.outcome');
    var body = event(form);
    var button = form.querySelector('button');
    button.disabled = true;
    outcome.className = 'outcome muted';
    outcome.textContent = 'Recording…';
    var query = agency() ? '?agency=' + encodeURIComponent(agency()) : '';
    B.postJson('/dashboard/api/queue/' + encodeURIComponent(card.dataset.job) + '/events' + query, body)
      .then(function (pursuit) {
        // recorded: the next step is offered again
        delete form.dataset.picked;
        outcome.className = 'outcome ok';
        outcome.textContent = DONE[body.type] + '. The pursuit is now ' + pursuit.stage
          + (pursuit.outcome ? ' (' + pursuit.outcome + ')' : '') + (pursuit.freelancerId ? ', held by '
          + pursuit.freelancerId : '') + '.';
        setStage(card, pursuit);
        asked = true;
        poller.now();
      }, function (error) {
        outcome.className = 'outcome error';
        outcome.textContent = problemWords(error);
      })
      .then(function () { button.disabled = false; });
  }

  // The event a pursuit usually takes next at each stage, offered until the member picks
  // another.
  var NEXT = {
    NEW: 'CLAIM', QUEUED: 'CLAIM', CLAIMED: 'PROPOSAL_SENT', PROPOSED: 'VIEWED', VIEWED: 'REPLIED',
    REPLIED: 'INTERVIEW', INTERVIEWING: 'HIRED'
  };

  function setStage(card, pursuit) {
    var stage = card.querySelector('[data-field="stage"]');
    if (!pursuit) {
      stage.textContent = 'not tracked yet';
      return;
    }
    stage.textContent = pursuit.stage + (pursuit.outcome ? ' · ' + pursuit.outcome : '')
      + (pursuit.freelancerId ? ' · ' + pursuit.freelancerId : '');
    card.dataset.stage = pursuit.stage;
    var form = card.querySelector('form');
    // the event offered follows the stage until the member starts on the form: then it is
    // theirs (a teammate's step changed it under a bid being typed, and hid the field)
    if (form && !form.dataset.picked && !form.contains(document.activeElement) && !pursuit.outcome
        && NEXT[pursuit.stage]) {
      form.elements.type.value = NEXT[pursuit.stage];
      fields(form);
    }
  }

  function list(node, items) {
    node.replaceChildren.apply(node, items.map(function (item) { return B.el('li', item); }));
  }

  function card(listing, index) {
    var node = $('listing-template').content.firstElementChild.cloneNode(true);
    node.dataset.job = listing.jobKey;
    var form = node.querySelector('form');
    var options = document.createElement('datalist');
    options.id = 'matches-' + index + '-' + Date.now();
    node.appendChild(options);
    form.elements.freelancerId.setAttribute('list', options.id);
    form.addEventListener('change', function (e) {
      if (e.target.name === 'type') {
        form.dataset.picked = 'yes';
      }
      fields(form);
    });
    form.addEventListener('input', function () {
      form.dataset.picked = 'yes';
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      submit(node, form);
    });
    fields(form);
    return node;
  }

  function fill(node, listing) {
    function text(name, value) { node.querySelector('[data-field="' + name + '"]').textContent = value; }
    text('score', String(listing.score));
    text('title', listing.title || listing.jobKey);
    text('jobKey', listing.title ? listing.jobKey : '');
    var link = node.querySelector('[data-field="title"]');
    // only a web address becomes a link: a listing's url is outside input
    if (/^https?:\/\//i.test(listing.url || '')) {
      link.href = listing.url;
    } else {
      link.removeAttribute('href');
    }
    text('segment', listing.segment || '?');
    text('budgetBand', listing.budgetBand || '?');
    text('aiExposure', listing.aiExposure || '?');
    var signals = (listing.signals || []).slice().sort(function (a, b) { return b.value * b.weight - a.value * a.weight; });
    list(node.querySelector('[data-field="signals"]'), signals.map(function (s) {
      return s.name + ' ' + Math.round(s.value * 100) + '%: ' + s.reason;
    }));
    list(node.querySelector('[data-field="redFlags"]'), (listing.redFlags || []).map(function (f) { return 'Red flag: ' + f; }));
    var matches = listing.matches || [];
    text('matches', matches.length ? matches.map(function (m) {
      return m.freelancerId + ' (' + Math.round(m.fit * 100) + '%' + (m.reasons && m.reasons.length ? ', '
        + m.reasons.join('; ') : '') + ')';
    }).join(', ') : proofReason(listing));
    var datalist = node.querySelector('datalist');
    datalist.replaceChildren.apply(datalist, matches.map(function (m) {
      var option = document.createElement('option');
      option.value = m.freelancerId;
      return option;
    }));
    var input = node.querySelector('input[name="freelancerId"]');
    // who holds the pursuit acts on it next; else the best match claims it
    var holder = listing.pursuit && listing.pursuit.freelancerId;
    if (!input.value && (holder || matches.length)) {
      input.value = holder || matches[0].freelancerId;
    }
    setStage(node, listing.pursuit);
  }

  // Why nobody is matched, in scoring's words: no roster, nobody with the skills, or who
  // fits but is full.
  function proofReason(listing) {
    var proof = (listing.signals || []).filter(function (s) { return s.name === 'proofMatch'; })[0];
    return proof && proof.reason ? proof.reason : 'nobody on the roster fits';
  }

  // Why the cards are not moved now, or '' when they may be: the member types or picks in a
  // field of a card, in either list (a re-score can move a card from one list to the
  // other), or the pointer is on the cards. Moving a card took the focus (and the
  // keystrokes) from its field, and slid the card being read, or about to be clicked, from
  // under the pointer. A new order waits for a refresh after that, or for "Show the new
  // order". What the member did themselves (a recorded event, another agency) shows at
  // once.
  function inUse() {
    var lists = [$('queue-pursue'), $('queue-review')];
    var active = document.activeElement;
    if (active && /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName)
        && lists.some(function (list) { return list.contains(active); })) {
      return 'you fill in a card';
    }
    return lists.some(function (list) { return list.matches(':hover'); }) ? 'the pointer is on the cards' : '';
  }

  // Updates the cards in place (a form being filled in is left alone), in rank order; a new
  // order waits while the cards are in use.
  function render(target, listings, holding) {
    var wanted = listings.map(function (listing, i) {
      var node = cards[listing.jobKey] || (cards[listing.jobKey] = card(listing, i));
      fill(node, listing);
      return node;
    });
    var current = Array.prototype.slice.call(target.children);
    var same = current.length === wanted.length && current.every(function (node, i) { return node === wanted[i]; });
    if (!same && holding) {
      held[target.id] = true;
      return;
    }
    delete held[target.id];
    if (!same) {
      target.replaceChildren.apply(target, wanted);
    }
    if (!listings.length) {
      target.replaceChildren(B.el('li', 'Nothing here right now.', 'empty'));
    }
  }

  // Shows the latest Queue read; one decision for both lists, since a card moving between
  // them moves in both.
  function show(holding) {
    var queue = latest.queue;
    render($('queue-pursue'), queue.pursue, holding);
    render($('queue-review'), queue.review, holding);
    var why = Object.keys(held).length ? holding : '';
    $('queue-reorder').hidden = !why;
    B.showStatus($('queue-status'), 'Queue of agency ' + queue.agency + ': ' + queue.pursue.length + ' to pursue, '
      + queue.review.length + ' to review' + (queue.trackingProblem ? '. Stages unknown: ' + queue.trackingProblem : '')
      + ' · updated ' + latest.at.toLocaleTimeString() + (why ? ' · the order is held while ' + why : ''),
      Boolean(queue.trackingProblem));
  }

  function load() {
    if (!visible) {
      return Promise.resolve();
    }
    if (B.isOperator() && !agency()) {
      B.showStatus($('queue-status'), 'Pick the agency you act for: an operator works a Queue on behalf of one agency.');
      $('queue-pursue').replaceChildren();
      $('queue-review').replaceChildren();
      return Promise.resolve();
    }
    var query = agency() ? '?agency=' + encodeURIComponent(agency()) : '';
    var own = asked;
    asked = false;
    return B.getJson('/dashboard/api/queue' + query).then(function (queue) {
      latest = { queue: queue, at: new Date() };
      show(own ? '' : inUse());
    }, function (error) {
      B.showStatus($('queue-status'), B.describe(error), true);
      throw error;
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    poller = B.Poller(load, 10000);
    $('queue-controls').addEventListener('change', function () {
      cards = {};
      held = {};
      asked = true;
      $('queue-reorder').hidden = true;
      B.showStatus($('queue-status'), 'Loading the Queue…');
      poller.now();
    });
    $('queue-reorder').addEventListener('click', function () {
      if (latest) {
        show('');
      }
    });
    $('queue-controls').addEventListener('submit', function (e) {
      e.preventDefault();
      poller.now();
    });
    B.onView(function (view) {
      var was = visible;
      visible = view === 'queue';
      if (visible && !was) {
        poller.now();
      }
    });
  });
}());
