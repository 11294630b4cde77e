/**
 * V8 settings for a process that runs nothing but the emulator's server (`webex-mock serve`, and the bench's
 * server, which measures what `serve` runs). Never set by the library: createWebexMock may live in a user's Jest
 * worker or app, whose heap is not ours to tune.
 */
import { setFlagsFromString } from 'node:v8';

/** The flags, as node's command line would take them (docs/performance.md, "The bimodal scavenger, and the fix"). */
export const SERVER_V8_FLAGS = ['--no-allocation-site-pretenuring'] as const;

/**
 * Allocation-site pretenuring lets V8 allocate straight into old space the objects of a site whose objects
 * survived its young-generation collections. Under CreateUser load, about half of the server processes started
 * settled into a state where the scavenger promoted 1.6–4.6 KB per create instead of ~1.0 (the other half: 1.0),
 * at +6 to +30 µs of CPU per create on the main thread and V8's helper threads. With the flag every process
 * promoted ~1.06 KB per create. V8 reads it at each pretenuring decision, so setting it at start takes effect
 * (`--trace-gc-nvp`: in-process, promoted 1.9 → 1.1 KB per create once set at run time).
 */
export function tuneServerProcess(): void {
  for (const flag of SERVER_V8_FLAGS) setFlagsFromString(flag);
}
