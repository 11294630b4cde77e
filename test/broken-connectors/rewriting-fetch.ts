/** A fetch that edits each request body before it leaves: how the broken connectors below get wire-level bugs. */
export function rewritingFetch(rewrite: (body: string) => string): typeof fetch {
  return (input, init) => globalThis.fetch(input, init && typeof init.body === 'string' ? { ...init, body: rewrite(init.body) } : init);
}

export const operationOf = (body: string) => /xsi:type="java:com\.webex\.service\.binding\.\w+\.(\w+)"/.exec(body)?.[1];
