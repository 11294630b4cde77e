/** The fault document: `{ match: {...}, effect: {...} }` — validated with zod for the admin API and scenarios. */
import { z } from 'zod';
import { OPERATIONS } from '../../catalog';

const operationNames = OPERATIONS.map((o) => o.name) as [string, ...string[]];

export const faultMatchSchema = z.object({
  /** Site name (case-insensitive); any site when omitted. */
  site: z.string().min(1).optional(),
  /** Operation name (CreateUser, DelUser...); any operation when omitted. */
  operation: z.enum(operationNames).optional(),
  /** Chance (0..1) that a matching request is hit, drawn from the seeded RNG. */
  probability: z.number().min(0).max(1).optional(),
  /** Fire at most this many times. */
  times: z.number().int().min(1).optional(),
  /** Let this many matching requests through before firing. */
  after: z.number().int().min(0).optional(),
}).strict();

export const faultEffectSchema = z.object({
  /** Wait before answering (alone: the request then runs normally). */
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  /** Answer with this HTTP status and a short text body instead of XML. */
  httpStatus: z.number().int().min(200).max(599).optional(), // 1xx is not a final answer: clients break or hang
  /** Drop the connection without an answer. */
  reset: z.literal(true).optional(),
  /** A Webex FAILURE envelope with this exceptionID and reason. */
  exception: z.object({ id: z.string().min(1), reason: z.string().min(1), value: z.string().optional() }).strict().optional(),
  /** gsbStatus of the answer: BACKUP alone runs the operation and answers from the "backup" data center. */
  gsbStatus: z.enum(['PRIMARY', 'BACKUP']).optional(),
  /** 000045 "API Rate Limit Reached" with a Retry-After header (seconds, default 60). */
  rateLimit: z.union([z.literal(true), z.object({ retryAfterSeconds: z.number().int().min(0).max(86_400) }).strict()]).optional(),
  /** DelUser only: these webExIds get a per-user FAILURE (and stay as they are); the others are deactivated. */
  delUserPartial: z.object({ webExIds: z.array(z.string().min(1)).min(1) }).strict().optional(),
}).strict().refine((e) => Object.values(e).some((v) => v !== undefined), { message: 'effect needs at least one of latencyMs, httpStatus, reset, exception, gsbStatus, rateLimit, delUserPartial' })
  .refine((e) => [e.httpStatus, e.reset, e.exception, e.rateLimit, e.delUserPartial].filter((v) => v !== undefined).length <= 1, {
    message: 'effect may combine latencyMs and gsbStatus with only one of httpStatus, reset, exception, rateLimit, delUserPartial',
  });

export const faultSchema = z.object({
  match: faultMatchSchema.default({}),
  effect: faultEffectSchema,
}).strict();

export type FaultSpec = z.infer<typeof faultSchema>;
export type FaultEffect = z.infer<typeof faultEffectSchema>;
