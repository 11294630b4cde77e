/**
 * The journal the memory-drift run keeps on. Until the control plane's journal exists, a bounded ring of the
 * same weight (meta plus the request and response text of each exchange) stands in, so the run still shows
 * whether the engine itself leaks under sustained load.
 */
import type { Exchange, WebexMock } from '../mock-server';

export const RING_CAPACITY = 1000;

interface RingEntry { at: number; meta: Exchange['meta']; request: string; response: string }

export function attachJournal(mock: WebexMock): string {
  const ring: RingEntry[] = new Array(RING_CAPACITY);
  let next = 0;
  mock.engine.observers.push((ex) => {
    ring[next++ % RING_CAPACITY] = {
      at: ex.startedAt,
      meta: { ...ex.meta },
      request: `${ex.request.body.length} bytes`,
      response: ex.response.body,
    };
  });
  return `bench ring of ${RING_CAPACITY} exchanges`;
}
