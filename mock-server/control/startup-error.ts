/** A problem with what the server was started with (a flag's path or value): one line naming the flag, the path and the fix. */
export class StartupError extends Error {}
