/**
 * Size limits where input enters the control plane (issue 10 §4): a document, or one admin call, can build only
 * so much — a 587-byte scenario of 10 × 1,000,000 generated users must not take the process past its memory.
 */

/** Users (admins + listed + generated) one scenario may build across all its sites. */
export const MAX_SCENARIO_USERS = 1_000_000;
/** Users one admin call (POST /_mock/scenario, a snapshot import) may build; a larger site is loaded with `serve --scenario`. */
export const MAX_ADMIN_CALL_USERS = 250_000;
/** Largest scenario file `--scenario FILE` reads. */
export const MAX_SCENARIO_FILE_BYTES = 16 * 1024 * 1024;
