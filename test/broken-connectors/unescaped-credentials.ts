/** Broken: writes the admin's webExID and password into the securityContext as they are, without XML escaping. */
import { WebexConnector } from '../../connector';
import type { AdapterFactory } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';
import { rewritingFetch } from './rewriting-fetch';

const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The header as a string template would write it: the escaped credentials turned back into raw text. */
const rawCredentials = (body: string) => body.replace(/<(webExID|password)>([^<]*)<\/\1>/g, (_m, tag: string, text: string) => `<${tag}>${unescape(text)}</${tag}>`);

export const createAdapter: AdapterFactory = (config) => adapterFor(new WebexConnector(connectorConfig(config, { fetch: rewritingFetch(rawCredentials) })));
