/** docs/operations.md, site-rules.md and catalog.md stay in step with the catalog: every exception, operation and feature is documented. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { catalog } from '../../mock-server';

const doc = ['operations', 'site-rules', 'catalog'].map((page) => readFileSync(resolve(__dirname, `../../docs/${page}.md`), 'utf8')).join('\n');

it('documents every catalog exception with its ID and current reason template', () => {
  for (const e of Object.values(catalog.EXCEPTIONS)) {
    expect([e.key, doc.includes(`| \`${e.id}\` | \`${e.key}\` | ${e.reason.replace(/\|/g, '\\|')} |`)]).toEqual([e.key, true]);
  }
});

it('documents every operation with its response type, and every site feature', () => {
  for (const o of catalog.OPERATIONS) expect([o.name, doc.includes(o.name) && doc.includes(o.responseType)]).toEqual([o.name, true]);
  for (const f of catalog.FEATURES) expect([f.key, doc.includes(`| \`${f.key}\` |`)]).toEqual([f.key, true]);
});
