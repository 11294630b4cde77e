// The admin API client: same origin (/_mock/...), JSON both ways, the bearer token asked for once when needed.
import { byTestId } from './dom.js';

const API = new URL('../', location.href).pathname; // the page lives at /_mock/ui/

// The admin API may require a bearer token (--admin-token / WEBEX_MOCK_ADMIN_TOKEN): asked once, kept for the tab.
const TOKEN_KEY = 'webex-mock-admin-token';
let adminToken = sessionStorage.getItem(TOKEN_KEY) || '';
let tokenPrompt = null;

function askToken() {
  tokenPrompt ??= new Promise((resolve) => {
    const dialog = byTestId('token-dialog');
    const form = dialog.querySelector('form');
    form.token.value = '';
    dialog.addEventListener('close', () => {
      tokenPrompt = null;
      resolve(dialog.returnValue === 'ok' ? form.token.value.trim() : '');
    }, { once: true });
    dialog.showModal();
  });
  return tokenPrompt;
}

export async function api(method, path, body, retried) {
  const init = { method, headers: { Accept: 'application/json' } };
  if (adminToken) init.headers.Authorization = `Bearer ${adminToken}`;
  // Every change is sent as JSON, body or not: the admin API refuses state changes in types a foreign page could send.
  if (method !== 'GET') init.headers['Content-Type'] = 'application/json';
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await fetch(API + path, init);
  if (res.status === 401 && !retried) {
    const token = await askToken();
    if (token) {
      adminToken = token;
      sessionStorage.setItem(TOKEN_KEY, token);
      return api(method, path, body, true);
    }
  }
  const text = await res.text();
  let data;
  try { data = text ? JSON.parse(text) : undefined; } catch { data = text; }
  if (!res.ok) {
    const message = (data && typeof data === 'object' && (data.error || data.message)) || text || res.statusText;
    throw new Error(`${method} ${path}: ${res.status} ${typeof message === 'string' ? message : JSON.stringify(message)}`);
  }
  return data;
}

/** The array in a response: the response itself, or its `key` property. */
export function listOf(data, key) {
  if (Array.isArray(data)) return data;
  if (data && Array.isArray(data[key])) return data[key];
  return [];
}

export const enc = encodeURIComponent;

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v !== undefined && v !== null) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
