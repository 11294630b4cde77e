// DOM helpers shared by every view. All data is inserted as text, never as HTML.

/** h('tag', {attrs}, ...children): children are nodes or text; attributes starting with "on" are listeners. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'testid') el.dataset.testid = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export const $ = (sel, root = document) => root.querySelector(sel);
export const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);

let noticeTimer = 0;
export function notice(text, kind = 'info') {
  const el = byTestId('notice');
  el.textContent = text;
  el.className = `notice ${kind}`;
  el.hidden = false;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => { el.hidden = true; }, kind === 'error' ? 8000 : 3000);
}

export function fillSelect(select, values, keepFirst) {
  const current = select.value;
  const first = keepFirst ? select.options[0] : null;
  select.replaceChildren(...(first ? [first] : []), ...values.map((v) => h('option', { value: v }, v)));
  if ([...select.options].some((o) => o.value === current)) select.value = current;
}

export const fmtLimit = (n) => (n === null || n === undefined ? 'unlimited' : String(n));
