// Bindery dashboard: recent billing records, totals per account, and one request's lifetime
// drawn as SVG. Vanilla JS, no external resources. Every string that comes from a record is
// set with textContent or setAttribute, never parsed as markup.
'use strict';

(() => {
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const POLL_MS = 1000;
  const LIST_LIMIT = 50;
  const TRACE_ID = /^[0-9a-f]{32}$/i;
  const PALETTE = ['#3b6fd4', '#7c4dbd', '#0f8a8a', '#b5531a', '#b8327a', '#5b7d1a',
    '#8a6d0f', '#4b5563'];
  const FONT = getComputedStyle(document.documentElement).getPropertyValue('--font').trim()
    || 'sans-serif';
  const IO_COLOUR = '#e8590c';
  const UNION_COLOUR = '#2b8a3e';

  const state = { listKey: '', seen: new Set(), record: null, first: true, drawnWidth: 0,
    agentChecked: false };

  // ---------------------------------------------------------------- formatting

  /** Formats nanoseconds as milliseconds with three decimals, rounded half up. */
  function msText(nanos) {
    const micros = Math.round(Math.abs(nanos) / 1000);
    const whole = Math.floor(micros / 1000);
    const frac = String(micros % 1000).padStart(3, '0');
    return (nanos < 0 ? '-' : '') + whole + '.' + frac;
  }

  function ms(nanos) {
    return msText(nanos) + ' ms';
  }

  function percent(part, whole) {
    return whole > 0 ? (100 * part / whole).toFixed(1) + '%' : '0%';
  }

  function saved(savings, classic) {
    return ms(savings) + ' (' + percent(savings, classic) + ')';
  }

  function clock(iso) {
    if (!iso) {
      return '?';
    }
    const date = new Date(iso.replace(/(\.\d{3})\d+/, '$1'));
    if (Number.isNaN(date.getTime())) {
      return iso;
    }
    const pad = (n, w) => String(n).padStart(w, '0');
    return pad(date.getHours(), 2) + ':' + pad(date.getMinutes(), 2) + ':'
      + pad(date.getSeconds(), 2) + '.' + pad(date.getMilliseconds(), 3);
  }

  // ---------------------------------------------------------------- DOM helpers

  function $(id) {
    return document.getElementById(id);
  }

  /** Creates an HTML element; 'text' sets textContent, other keys are attributes. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === 'text') {
        node.textContent = value;
      } else if (value !== undefined && value !== null) {
        node.setAttribute(key, value);
      }
    }
    children.forEach(child => node.append(child));
    return node;
  }

  /** Creates an SVG element under a parent; 'text' sets textContent. */
  function svg(parent, tag, attrs) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === 'text') {
        node.textContent = value;
      } else if (value !== undefined && value !== null) {
        node.setAttribute(key, String(value));
      }
    }
    if (parent) {
      parent.append(node);
    }
    return node;
  }

  function tooltip(node, text) {
    svg(node, 'title', { text });
    return node;
  }

  const measurer = document.createElement('canvas').getContext('2d');

  function textWidth(text, size, weight) {
    measurer.font = (weight || 'normal') + ' ' + size + 'px ' + FONT;
    return measurer.measureText(text).width;
  }

  /** Shortens text with an ellipsis until it fits the width. */
  function fit(text, width, size, weight) {
    if (textWidth(text, size, weight) <= width) {
      return text;
    }
    let cut = text;
    while (cut.length > 1 && textWidth(cut + '\u2026', size, weight) > width) {
      cut = cut.slice(0, -1);
    }
    return cut + '\u2026';
  }

  // ---------------------------------------------------------------- API

  class SignedOut extends Error {}

  async function api(path) {
    const response = await fetch(path, {
      headers: { Accept: 'application/json' },
      cache: 'no-store',
      credentials: 'same-origin',
    });
    if (response.status === 401) {
      throw new SignedOut('This browser is signed out: open the dashboard link that the '
        + 'server printed at start ("Bindery dashboard: ...?token=...").');
    }
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const message = body && body.message ? body.message : 'HTTP ' + response.status;
      throw new Error(message);
    }
    return body;
  }

  function showAlert(message) {
    const alert = $('alert');
    alert.textContent = message || '';
    alert.hidden = !message;
  }

  function setLive(ok, text) {
    const live = $('live');
    live.className = 'live ' + (ok ? 'on' : 'off');
    live.textContent = text;
  }

  // ---------------------------------------------------------------- polling

  async function poll() {
    try {
      const [list, accounts] = await Promise.all([
        api('/api/requests?limit=' + LIST_LIMIT), api('/api/accounts')]);
      renderRequests(list.records || []);
      renderAccounts(accounts);
      showAlert(null);
      setLive(true, 'live, updated ' + clock(new Date().toISOString()));
    } catch (error) {
      showAlert(error.message);
      setLive(false, error instanceof SignedOut ? 'signed out' : 'not updating');
    } finally {
      setTimeout(poll, POLL_MS);
    }
  }

  // ---------------------------------------------------------------- tables

  /** The request's path, or its route when the path is unknown. */
  function requestTarget(record) {
    return record.path || record.route || '(unrouted)';
  }

  function renderRequests(records) {
    const key = records.map(r => r.traceId + (r.complete ? '+' : '-')).join(',');
    $('requests-empty').hidden = records.length > 0;
    if (records.length === 0 && !state.agentChecked) {
      checkAgent();
    }
    if (key !== state.listKey) {
      state.listKey = key;
      const rows = records.map(requestRow);
      $('requests').tBodies[0].replaceChildren(...rows);
      records.forEach(r => state.seen.add(r.traceId));
      state.first = false;
    }
    markSelected();
  }

  function requestRow(record) {
    const id = record.traceId;
    const row = el('tr', { 'data-trace-id': id, class: freshClass(id) });
    const link = el('a', { href: '#trace=' + id, text: clock(record.start) });
    link.title = 'trace ' + id;
    const status = String(record.status || '?');
    row.append(
      el('td', {}, link),
      el('td', { text: (record.method || '') + ' ' + requestTarget(record) }),
      el('td', { class: 'num status-' + status.charAt(0), text: status }),
      el('td', { text: record.entryWorker || '\u2014' }),
      el('td', { class: 'workers', text: Object.keys(record.workers || {}).join(', ') }),
      el('td', { class: 'num', text: ms(record.flattenedNanos) }),
      el('td', { class: 'num', text: ms(record.classicNanos) }),
      el('td', { class: 'num saved', text: saved(record.savingsNanos, record.classicNanos) }),
      recordCell(record));
    row.addEventListener('click', () => openTrace(id));
    return row;
  }

  /** Says so under the empty table when the agent is missing: then no records come. */
  async function checkAgent() {
    state.agentChecked = true;
    const status = await api('/api/status').catch(() => null);
    if (status && status.agent && !status.agent.attached) {
      $('requests-empty').textContent = 'No billing records: the Bindery agent is not '
        + 'attached to this server (start it with -javaagent:bindery-agent.jar).';
    }
  }

  function freshClass(id) {
    return state.first || state.seen.has(id) ? null : 'fresh';
  }

  function recordCell(record) {
    if (record.complete) {
      return el('td', { text: 'complete' });
    }
    return el('td', { class: 'incomplete', text: 'incomplete: '
      + (record.incompleteReason || 'unknown') });
  }

  function markSelected() {
    const selected = state.record ? state.record.traceId : null;
    for (const row of $('requests').tBodies[0].rows) {
      row.setAttribute('aria-selected', String(row.dataset.traceId === selected));
    }
  }

  function renderAccounts(data) {
    const rows = (data.accounts || []).map(account => el('tr', {},
      el('td', { text: account.account === null ? '(unrouted)' : account.account }),
      el('td', { class: 'num', text: String(account.requests) }),
      el('td', { class: 'num', text: ms(account.flattenedNanos) }),
      el('td', { class: 'num', text: ms(account.classicNanos) }),
      el('td', { class: 'num saved', text: saved(account.savingsNanos,
        account.classicNanos) })));
    $('accounts').tBodies[0].replaceChildren(...rows);
    $('accounts-note').textContent = 'over the ' + data.records + ' requests held (window of '
      + data.capacity + ')';
  }

  // ---------------------------------------------------------------- opening a trace

  function openTrace(id) {
    const hash = '#trace=' + id.toLowerCase();
    if (location.hash === hash) {
      loadFromHash();
    } else {
      location.hash = hash;
    }
  }

  async function loadFromHash() {
    const match = /^#trace=(.*)$/.exec(location.hash);
    if (!match) {
      return;
    }
    const id = decodeURIComponent(match[1]).trim();
    $('trace-input').value = id;
    if (!TRACE_ID.test(id)) {
      showLifetimeMessage('"' + id + '" is not a trace id: enter 32 hex digits.');
      return;
    }
    try {
      const record = await api('/api/requests/' + encodeURIComponent(id.toLowerCase()));
      state.record = record;
      drawLifetime(record);
    } catch (error) {
      state.record = null;
      showLifetimeMessage(error.message);
    }
    markSelected();
  }

  function showLifetimeMessage(message) {
    $('lifetime').hidden = true;
    const note = $('lifetime-message');
    note.hidden = false;
    note.textContent = message;
  }

  function drawLifetime(record) {
    $('lifetime-message').hidden = true;
    $('lifetime').hidden = false;
    $('lifetime-summary').replaceChildren(...summary(record));
    redraw();
    $('lifetime-panel').scrollIntoView({ block: 'nearest' });
  }

  function redraw() {
    if (!state.record || $('lifetime').hidden) {
      return;
    }
    state.drawnWidth = $('chart').clientWidth;
    const width = Math.max(900, state.drawnWidth);
    $('chart').replaceChildren(chart(state.record, width));
  }

  function summary(record) {
    const parts = [
      el('span', { class: 'big', text: (record.method || '') + ' '
        + requestTarget(record) + ' \u2192 ' + (record.status || '?') }),
      el('span', { text: 'entry ' + (record.entryWorker || '\u2014') }),
      el('span', { text: 'account ' + (record.account || '\u2014') }),
      el('span', { text: 'at ' + clock(record.start) }),
      el('span', { text: record.bindingCalls + ' binding calls, ' + record.subrequests
        + ' subrequests, awaiting I/O ' + ms(record.awaitingExternalNanos) }),
      el('span', { class: record.complete ? null : 'incomplete', text: record.complete
        ? 'complete' : 'incomplete: ' + (record.incompleteReason || 'unknown') }),
      el('code', { text: record.traceId }),
    ];
    const out = [];
    parts.forEach((part, i) => {
      if (i > 0) {
        out.push(el('span', { class: 'sep', text: '\u00b7' }));
      }
      out.push(part);
    });
    return out;
  }

  // ---------------------------------------------------------------- the model

  /** Derives lanes, idle waits, I/O marks, calls and the union from a record's timeline. */
  function model(record) {
    const timeline = record.timeline || [];
    const byId = new Map(timeline.map(span => [span.spanId, span]));
    const lanes = timeline.filter(span => span.kind === 'worker' || span.kind === 'background');
    const laneOf = new Map(lanes.map((span, i) => [span.spanId, i]));
    const ended = span => span.durationNanos >= 0 && span.startOffsetNanos >= 0;
    const end = span => span.startOffsetNanos + span.durationNanos;
    const owner = span => nearestLane(span, byId, laneOf);
    const done = timeline.filter(ended);

    const idle = done.filter(s => s.kind === 'binding' && laneOf.has(s.parentSpanId))
      .map(s => ({ lane: laneOf.get(s.parentSpanId), start: s.startOffsetNanos, end: end(s),
        name: s.name }));
    const io = done.filter(s => s.kind === 'io' || s.kind === 'http')
      .map(s => ({ lane: owner(s), start: s.startOffsetNanos, end: end(s), name: s.name,
        kind: s.kind }))
      .filter(mark => mark.lane !== undefined);
    const calls = calledLanes(done, lanes, laneOf, byId);
    const busy = lanes.filter(ended).map(s => [s.startOffsetNanos, end(s)]);
    const union = unionOf(busy);
    const firstStart = busy.length ? Math.min(...busy.map(b => b[0])) : 0;
    const lastEnd = Math.max(1, ...done.map(end), firstStart + (record.classicNanos || 0));
    return { lanes, laneOf, byId, idle, io, calls, union, firstStart,
      domain: lastEnd * 1.03, ended, end };
  }

  function nearestLane(span, byId, laneOf) {
    let parent = byId.get(span.parentSpanId);
    for (let hops = 0; parent && hops < 1000; hops++) {
      if (laneOf.has(parent.spanId)) {
        return laneOf.get(parent.spanId);
      }
      parent = byId.get(parent.parentSpanId);
    }
    return undefined;
  }

  function calledLanes(done, lanes, laneOf, byId) {
    const calls = [];
    for (const binding of done.filter(s => s.kind === 'binding')) {
      const from = nearestLane(binding, byId, laneOf);
      lanes.filter(lane => lane.parentSpanId === binding.spanId && lane.startOffsetNanos >= 0)
        .forEach(callee => calls.push({ from, to: laneOf.get(callee.spanId),
          at: binding.startOffsetNanos, arrive: callee.startOffsetNanos,
          name: binding.name, target: callee.worker }));
    }
    return calls.filter(call => call.from !== undefined);
  }

  function unionOf(intervals) {
    const sorted = intervals.slice().sort((a, b) => a[0] - b[0]);
    const merged = [];
    for (const [start, end] of sorted) {
      const last = merged[merged.length - 1];
      if (last && start <= last[1]) {
        last[1] = Math.max(last[1], end);
      } else {
        merged.push([start, end]);
      }
    }
    return merged;
  }

  function colours(lanes) {
    const byWorker = new Map();
    lanes.forEach(lane => {
      const name = lane.worker || '?';
      if (!byWorker.has(name)) {
        byWorker.set(name, PALETTE[byWorker.size % PALETTE.length]);
      }
    });
    return name => byWorker.get(name || '?') || PALETTE[0];
  }

  // ---------------------------------------------------------------- the chart

  const LAYOUT = { left: 200, right: 20, axis: 30, lane: 38, bar: 18, gap: 22, bill: 42,
    leader: 16, bracket: 34, bottom: 22 };

  /** Builds the whole SVG: axis, one lane per invocation, then the two bills. */
  function chart(record, width) {
    const m = model(record);
    const plot = { x0: LAYOUT.left, x1: width - LAYOUT.right };
    const x = nanos => plot.x0 + (nanos / m.domain) * (plot.x1 - plot.x0);
    const colour = colours(m.lanes);
    const parts = classicParts(m, colour);
    const leaders = placeLeaders(parts, x, width - 4);

    const lanesTop = LAYOUT.axis;
    const billsTop = lanesTop + m.lanes.length * LAYOUT.lane + LAYOUT.gap;
    const leadersTop = billsTop + 2 * LAYOUT.bill;
    const bracketTop = leadersTop + leaders.lanes * LAYOUT.leader + 4;
    const height = bracketTop + LAYOUT.bracket + LAYOUT.bottom;

    const root = svg(null, 'svg', { width, height, viewBox: '0 0 ' + width + ' ' + height,
      role: 'img', 'aria-label': 'Lifetime of request ' + record.traceId });
    defs(root);
    const ctx = { root, m, x, plot, colour, record };
    axis(ctx, height);
    m.lanes.forEach((lane, i) => drawLane(ctx, lane, i, lanesTop + i * LAYOUT.lane));
    drawCalls(ctx, lanesTop);
    drawBills(ctx, billsTop, parts, leaders, bracketTop);
    return root;
  }

  function defs(root) {
    const defs = svg(root, 'defs');
    const hatch = svg(defs, 'pattern', { id: 'idle-hatch', width: 6, height: 6,
      patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
    svg(hatch, 'rect', { width: 3, height: 6, fill: '#ffffff', 'fill-opacity': 0.62 });
    const marker = svg(defs, 'marker', { id: 'arrow-head', viewBox: '0 0 10 10', refX: 9,
      refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
    svg(marker, 'path', { d: 'M0,0 L10,5 L0,10 z', fill: '#374151' });
  }

  function ticks(domainNanos, plotWidth) {
    const domainMs = domainNanos / 1e6;
    const raw = domainMs / Math.max(2, Math.floor(plotWidth / 90));
    const power = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 5, 10].map(k => k * power).find(s => s >= raw);
    const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
    const values = [];
    for (let v = 0; v <= domainMs + 1e-9; v += step) {
      values.push(v);
    }
    return values.map(v => ({ nanos: v * 1e6, label: v.toFixed(decimals) + ' ms' }));
  }

  function axis(ctx, height) {
    const group = svg(ctx.root, 'g', { class: 'axis' });
    svg(group, 'text', { x: 8, y: 18, class: 'caption',
      text: 'time since the request arrived' });
    const bottom = height - LAYOUT.bottom;
    for (const tick of ticks(ctx.m.domain, ctx.plot.x1 - ctx.plot.x0)) {
      const tx = ctx.x(tick.nanos);
      svg(group, 'line', { x1: tx, x2: tx, y1: LAYOUT.axis - 6, y2: bottom,
        class: 'grid-line' });
      const anchor = tick.nanos === 0 ? 'start' : 'middle';
      svg(group, 'text', { x: tx, y: 18, 'text-anchor': anchor, class: 'tick',
        text: tick.label });
      svg(group, 'text', { x: tx, y: bottom + 15, 'text-anchor': anchor, class: 'tick',
        text: tick.label });
    }
  }

  function laneLabel(ctx, lane) {
    const parent = ctx.m.byId.get(lane.parentSpanId);
    let how = 'entry';
    if (lane.kind === 'background') {
      how = 'background task (waitUntil)';
    } else if (parent && parent.kind === 'binding') {
      how = 'via ' + parent.name;
    }
    const length = ctx.m.ended(lane) ? ms(lane.durationNanos) : 'not ended';
    return { name: lane.worker || '(unknown worker)', sub: how, length };
  }

  function drawLane(ctx, lane, index, top) {
    const group = svg(ctx.root, 'g', { class: 'lane', 'data-kind': lane.kind,
      'data-worker': lane.worker || '', 'data-span-id': lane.spanId });
    if (index % 2 === 0) {
      svg(group, 'rect', { x: 0, y: top, width: ctx.plot.x1 + LAYOUT.right,
        height: LAYOUT.lane, class: 'lane-band' });
    }
    const label = laneLabel(ctx, lane);
    const right = LAYOUT.left - 14;
    const lengthWidth = textWidth(label.length, 11);
    svg(group, 'text', { x: 8, y: top + 16, class: 'lane-name',
      text: fit(label.name, right - 8 - lengthWidth - 8, 12, 600) });
    svg(group, 'text', { x: right, y: top + 16, 'text-anchor': 'end', class: 'lane-sub',
      text: label.length });
    svg(group, 'text', { x: 8, y: top + 30, class: 'lane-sub',
      text: fit(label.sub, right - 8, 11) });
    if (ctx.m.ended(lane)) {
      drawBar(ctx, group, lane, index, top + (LAYOUT.lane - LAYOUT.bar) / 2);
    }
  }

  function drawBar(ctx, group, lane, index, y) {
    const { x, m } = ctx;
    const x1 = x(lane.startOffsetNanos);
    const width = Math.max(3, x(m.end(lane)) - x1);
    tooltip(svg(group, 'rect', { x: x1, y, width, height: LAYOUT.bar, rx: 2,
      fill: ctx.colour(lane.worker), class: 'bar' }),
      (lane.worker || '?') + ': ' + ms(lane.durationNanos) + ' from '
      + ms(lane.startOffsetNanos));
    m.idle.filter(wait => wait.lane === index).forEach(wait => tooltip(
      svg(group, 'rect', { x: x(wait.start), y, width: Math.max(1, x(wait.end) - x(wait.start)),
        height: LAYOUT.bar, fill: 'url(#idle-hatch)', class: 'idle' }),
      'idle, waiting on ' + wait.name + ': ' + ms(wait.end - wait.start)));
    m.io.filter(mark => mark.lane === index).forEach(mark => tooltip(
      svg(group, 'rect', { x: x(mark.start), y: y + LAYOUT.bar - 6,
        width: Math.max(2, x(mark.end) - x(mark.start)), height: 6, fill: IO_COLOUR,
        class: 'io' }),
      (mark.kind === 'http' ? 'outbound HTTP ' : '') + mark.name + ': '
      + ms(mark.end - mark.start)));
  }

  function drawCalls(ctx, lanesTop) {
    const group = svg(ctx.root, 'g', { class: 'calls' });
    const barTop = i => lanesTop + i * LAYOUT.lane + (LAYOUT.lane - LAYOUT.bar) / 2;
    for (const call of ctx.m.calls) {
      const down = call.to > call.from;
      const x1 = ctx.x(call.at);
      const x2 = ctx.x(call.arrive);
      const y1 = barTop(call.from) + (down ? LAYOUT.bar : 0);
      const y2 = barTop(call.to) + (down ? -1 : LAYOUT.bar + 1);
      const mid = (y1 + y2) / 2;
      tooltip(svg(group, 'path', { d: `M${x1},${y1} C${x1},${mid} ${x2},${mid} ${x2},${y2}`,
        fill: 'none', stroke: '#374151', 'stroke-width': 1.5,
        'marker-end': 'url(#arrow-head)', class: 'call' }),
      call.name + ' \u2192 ' + (call.target || '?') + ' at ' + ms(call.at));
    }
  }

  // ---------------------------------------------------------------- the bills

  /** Lays the classic parts end to end from the first busy start, one per invocation. */
  function classicParts(m, colour) {
    let cursor = m.firstStart;
    return m.lanes.filter(m.ended).map(lane => {
      const part = { lane, start: cursor, length: lane.durationNanos,
        fill: colour(lane.worker), text: (lane.worker || '?') + ' ' + ms(lane.durationNanos),
        idle: m.idle.filter(w => m.lanes[w.lane] === lane).map(w => ({
          start: cursor + w.start - lane.startOffsetNanos, length: w.end - w.start })) };
      cursor += lane.durationNanos;
      return part;
    });
  }

  /** Puts each part's label inside it when it fits, else on the first free line below. */
  function placeLeaders(parts, x, limit) {
    const lines = [];
    parts.forEach(part => {
      const left = x(part.start);
      const width = x(part.start + part.length) - left;
      const textW = textWidth(part.text, 11);
      if (textW + 10 <= width) {
        part.label = { inside: true, x: left + width / 2 };
        return;
      }
      const at = left + Math.max(0, width / 2);
      const flip = at + textW + 8 > limit;
      const taken = flip ? [at - textW - 8, at] : [at, at + textW + 8];
      part.label = { inside: false, x: at, flip, line: freeLine(lines, taken) };
    });
    return { lanes: lines.length };
  }

  function freeLine(lines, [from, to]) {
    let line = lines.findIndex(taken => taken.every(([a, b]) => to + 8 <= a || from >= b + 8));
    if (line < 0) {
      line = lines.length;
      lines.push([]);
    }
    lines[line].push([from, to]);
    return line;
  }

  function drawBills(ctx, top, parts, leaders, bracketTop) {
    const group = svg(ctx.root, 'g', { class: 'bills' });
    svg(group, 'line', { x1: 0, x2: ctx.plot.x1 + LAYOUT.right, y1: top - LAYOUT.gap / 2,
      y2: top - LAYOUT.gap / 2, stroke: '#c9ced6' });
    const record = ctx.record;
    billLabel(group, top, 'Flattened bill', 'bill-flattened', record.flattenedNanos,
      UNION_COLOUR);
    billLabel(group, top + LAYOUT.bill, 'Classic bill', 'bill-classic', record.classicNanos,
      '#1f2937');
    const barY = row => top + row * LAYOUT.bill + (LAYOUT.bill - LAYOUT.bar) / 2;
    drawUnion(ctx, group, barY(0));
    drawStack(ctx, group, parts, barY(1), top + 2 * LAYOUT.bill);
    drawSaved(ctx, group, barY(0), bracketTop);
  }

  function billLabel(group, top, name, id, nanos, colour) {
    svg(group, 'text', { x: 8, y: top + 17, class: 'bill-name', text: name });
    svg(group, 'text', { x: 8, y: top + 34, id, class: 'figure', fill: colour,
      'data-nanos': nanos, text: ms(nanos) });
  }

  function drawUnion(ctx, group, y) {
    for (const [start, end] of ctx.m.union) {
      tooltip(svg(group, 'rect', { x: ctx.x(start), y, height: LAYOUT.bar, rx: 2,
        width: Math.max(1.5, ctx.x(end) - ctx.x(start)), fill: UNION_COLOUR,
        class: 'union' }),
      'billed once: ' + ms(end - start) + ' from ' + ms(start));
    }
  }

  function drawStack(ctx, group, parts, y, leadersTop) {
    const { x } = ctx;
    for (const part of parts) {
      const left = x(part.start);
      const width = Math.max(1.5, x(part.start + part.length) - left);
      const node = svg(group, 'g', { class: 'part', 'data-worker': part.lane.worker || '' });
      tooltip(svg(node, 'rect', { x: left, y, width, height: LAYOUT.bar, fill: part.fill,
        stroke: '#ffffff', 'stroke-width': 1 }), 'classic charge for ' + part.text);
      part.idle.forEach(wait => svg(node, 'rect', { x: x(wait.start), y, height: LAYOUT.bar,
        width: Math.max(1, x(wait.start + wait.length) - x(wait.start)),
        fill: 'url(#idle-hatch)' }));
      partLabel(node, part, y, leadersTop);
    }
  }

  function partLabel(node, part, y, leadersTop) {
    const label = part.label;
    if (label.inside) {
      svg(node, 'text', { x: label.x, y: y + 13, 'text-anchor': 'middle',
        class: 'part-label', stroke: part.fill, text: part.text });
      return;
    }
    const textY = leadersTop + label.line * LAYOUT.leader + 11;
    svg(node, 'line', { x1: label.x, x2: label.x, y1: y + LAYOUT.bar, y2: textY - 9,
      stroke: part.fill, 'stroke-width': 1 });
    svg(node, 'circle', { cx: label.x, cy: textY - 4, r: 3, fill: part.fill });
    svg(node, 'text', { x: label.x + (label.flip ? -6 : 6), y: textY, class: 'leader-label',
      'text-anchor': label.flip ? 'end' : 'start', text: part.text });
  }

  function drawSaved(ctx, group, unionY, top) {
    const { x, m, record } = ctx;
    const from = x(m.firstStart + record.flattenedNanos);
    const to = x(m.firstStart + record.classicNanos);
    svg(group, 'line', { x1: from, x2: from, y1: unionY - 4, y2: top + 10,
      stroke: UNION_COLOUR, 'stroke-dasharray': '4 3' });
    const text = 'saved ' + saved(record.savingsNanos, record.classicNanos);
    const textW = textWidth(text, 12, 600);
    if (to - from >= 4) {
      svg(group, 'path', { d: `M${from},${top + 4} V${top + 10} H${to} V${top + 4}`,
        fill: 'none', stroke: UNION_COLOUR, 'stroke-width': 1.5 });
    }
    const centre = (from + to) / 2;
    const left = Math.min(Math.max(centre - textW / 2, ctx.plot.x0), ctx.plot.x1 - textW);
    svg(group, 'text', { x: left, y: top + 26, id: 'bill-saved', class: 'saved-label',
      'data-nanos': record.savingsNanos, text });
  }

  // ---------------------------------------------------------------- start

  function start() {
    $('trace-form').addEventListener('submit', event => {
      event.preventDefault();
      const id = $('trace-input').value.trim();
      if (TRACE_ID.test(id)) {
        openTrace(id);
      } else {
        showLifetimeMessage('"' + id + '" is not a trace id: enter 32 hex digits.');
      }
    });
    window.addEventListener('hashchange', loadFromHash);
    new ResizeObserver(() => {
      if ($('chart').clientWidth !== state.drawnWidth) {
        redraw();
      }
    }).observe($('chart'));
    loadFromHash();
    poll();
  }

  start();
})();
