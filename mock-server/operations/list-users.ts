/** LstsummaryUser and LstUser: wire shapes → ListQuery, a page → user summaries + matchingRecords. */
import { ACTIVE_VALUES } from '../catalog';
import { child, childText, childrenNamed, type XmlNode } from '../wire';
import { element } from '../wire/escape';
import { LIST_DEFAULT_MAX, MODIFIED_WINDOW_MAX_MS, ORDER_BY_KEYS, listUsers, objectGuidOf, summaryOf, type ListQuery } from '../site/list-users';
import { parseWebexDate } from '../site/user-record';
import { WebexError, cantSetField } from '../site/webex-error';
import { SLOT, valueAt, type UserRecord } from '../site/user-record';
import type { Site } from '../site/site';
import { encodeUser } from './codec/encode-user';
import type { OperationContext, OperationResult } from './types';

/** Filter elements of LstsummaryUser/LstUser; each is also the catalog path it matches. */
const FILTERS = ['firstName', 'lastName', 'email', 'active', 'webExId'];

function intOf(node: XmlNode | undefined, name: string, fallback: number): number {
  const t = childText(node, name);
  if (t === undefined || t.trim() === '') return fallback;
  if (!/^-?\d+$/.test(t.trim())) throw cantSetField(name, `"${t}" is not a whole number`);
  return Number(t.trim());
}

export function readListQuery(body: XmlNode): ListQuery {
  const lc = child(body, 'listControl');
  const method = (childText(lc, 'listMethod') ?? 'AND').trim().toUpperCase();
  if (method !== 'AND' && method !== 'OR') throw cantSetField('listMethod', `"${method}" is not one of AND, OR`);
  const filters = FILTERS.flatMap((path) => {
    const v = childText(body, path);
    return v !== undefined && v.trim() !== '' ? [{ path, value: v }] : [];
  });
  const active = filters.find((f) => f.path === 'active');
  if (active && !(ACTIVE_VALUES as readonly string[]).includes(active.value.trim())) throw cantSetField('active', `"${active.value}" is not one of ${ACTIVE_VALUES.join(', ')}`);
  const orderNode = child(body, 'order');
  const bys = childrenNamed(orderNode, 'orderBy').map((n) => n.text.trim().toUpperCase());
  const ads = childrenNamed(orderNode, 'orderAD').map((n) => n.text.trim().toUpperCase());
  if (bys.length > 3) throw cantSetField('orderBy', 'at most 3 order keys');
  const order = bys.map((by, i) => {
    if (!ORDER_BY_KEYS.includes(by)) throw cantSetField('orderBy', `"${by}" is not a valid order key`);
    const dir = ads[i] ?? 'ASC';
    if (dir !== 'ASC' && dir !== 'DESC') throw cantSetField('orderAD', `"${dir}" is not one of ASC, DESC`);
    return { by, dir: dir as 'ASC' | 'DESC' };
  });
  const scope = child(body, 'dataScope');
  // API 39.11.0 sample: modifiedDateStart / modifiedDateEnd are children of bodyContent.
  const modifiedFrom = dateOf(body, 'modifiedDateStart');
  const modifiedTo = dateOf(body, 'modifiedDateEnd');
  if (modifiedFrom !== undefined && modifiedTo !== undefined && modifiedTo - modifiedFrom > MODIFIED_WINDOW_MAX_MS) throw new WebexError('modifiedDateRange');
  return {
    modifiedFrom, modifiedTo,
    filters, method, order,
    startFrom: intOf(lc, 'startFrom', 1),
    maximumNum: intOf(lc, 'maximumNum', LIST_DEFAULT_MAX),
    regDateStart: childText(scope, 'regDateStart'),
    regDateEnd: childText(scope, 'regDateEnd'),
  };
}

function dateOf(node: XmlNode, name: string): number | undefined {
  const t = childText(node, name);
  if (t === undefined || t.trim() === '') return undefined;
  const ms = parseWebexDate(t);
  if (ms === undefined) throw cantSetField(name, `"${t.trim()}" is not a date in the format MM/DD/YYYY HH:MM:SS`);
  return ms;
}

function matchingRecords(total: number, returned: number, startFrom: number): string {
  return `<use:matchingRecords><serv:total>${total}</serv:total><serv:returned>${returned}</serv:returned><serv:startFrom>${startFrom}</serv:startFrom></use:matchingRecords>`;
}

export function lstsummaryUser(ctx: OperationContext): OperationResult {
  const page = listUsers(ctx.site, readListQuery(ctx.body));
  if (page.users.length === 0) throw new WebexError('noRecordFound');
  const site = ctx.site;
  const render = (rec: UserRecord) => summaryItem(site, rec);
  return { userItems: { users: page.users, render, after: matchingRecords(page.total, page.users.length, page.startFrom) } };
}

/** One `<use:user>` of LstsummaryUser (what the engine caches per user: see OperationResult.userItems). */
export function summaryItem(site: Site, rec: UserRecord): string {
  const s = summaryOf(rec);
  // The two times are built by formatWebexDate (digits, '/', ':' and a space): nothing to escape.
  // objectGUID: "On control hub managed sites LstSummaryUser also returns an objectGUID" (position not documented).
  const guid = site.config.flags.controlHubManaged ? element('use', 'objectGUID', objectGuidOf(site, rec)) : '';
  return `<use:user>${element('use', 'webExId', s.webExId)}${element('use', 'firstName', s.firstName)}${element('use', 'lastName', s.lastName)}${element('use', 'email', s.email)}${element('use', 'registrationDate', s.registrationDate)}<use:lastLoginTime>${s.lastLoginTime}</use:lastLoginTime><use:lastModifiedTime>${s.lastModifiedTime}</use:lastModifiedTime>${element('use', 'active', s.active)}${element('use', 'timeZoneID', String(s.timeZoneID))}${guid}</use:user>`;
}

/** Deprecated LstUser: the full user record (userInstanceType) per item. */
export function lstUser(ctx: OperationContext): OperationResult {
  const page = listUsers(ctx.site, readListQuery(ctx.body));
  if (page.users.length === 0) throw new WebexError('noRecordFound');
  const users = page.users.map((rec) => `<use:user>${encodeUser(rec, { instanceOnly: true })}</use:user>`).join('');
  return { body: users + matchingRecords(page.total, page.users.length, page.startFrom), target: page.users.length === 1 ? String(valueAt(page.users[0].values, SLOT.webExId)) : undefined };
}
