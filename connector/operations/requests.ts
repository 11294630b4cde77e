import type { XmlElement, RequestSpec } from '../xml/request';

/** Request bodies of the Webex operations the connector uses (Java binding names, as Cisco documents them). */
const USER = 'com.webex.service.binding.user.';

const el = (name: string, text: string, ns: XmlElement['ns'] = 'use'): XmlElement => ({ name, ns, text });

export const createUser = (elements: XmlElement[]): RequestSpec => ({ javaType: `${USER}CreateUser`, body: elements });

/** SetUser keeps the XSD order: webExId sits inside the user sequence, newWebExId etc. after it. */
export const setUser = (elements: XmlElement[]): RequestSpec => ({ javaType: `${USER}SetUser`, body: elements });

export const getUser = (webExId: string): RequestSpec => ({ javaType: `${USER}GetUser`, body: [el('webExId', webExId)] });

/** A Webex date, MM/DD/YYYY HH:MM:SS (UTC). */
export function webexDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** `modified`: XML API 39.11.0's modifiedDateStart / modifiedDateEnd (children of bodyContent, as in Cisco's sample). */
export const lstsummaryUser = (startFrom: number, maximumNum: number, modified?: { from: number; to: number }): RequestSpec => ({
  javaType: `${USER}LstsummaryUser`,
  body: [
    ...(modified ? [el('modifiedDateStart', webexDate(modified.from)), el('modifiedDateEnd', webexDate(modified.to))] : []),
    {
      name: 'listControl', ns: 'use',
      children: [el('startFrom', String(startFrom), 'serv'), el('maximumNum', String(maximumNum), 'serv'), el('listMethod', 'AND', 'serv')],
    },
    // A stable order keeps pages consistent while paging.
    { name: 'order', ns: 'use', children: [el('orderBy', 'UID'), el('orderAD', 'ASC')] },
  ],
});

export const getSite = (): RequestSpec => ({ javaType: 'com.webex.service.binding.site.GetSite', body: [] });
