import { z } from 'zod';
import { authFinishedEventSchema, authPromptEventSchema, needsSignInEventSchema } from './accounts';
import { settingsSchema } from './settings';
import { runResultSchema, syncProgressEventSchema, syncStatusSchema } from './sync';

/** Events the core pushes to every connected UI. Payloads only: no sender, no host objects. */
export const events = {
  'settings.changed': settingsSchema,
  'accounts.changed': z.object({}),
  'auth.prompt': authPromptEventSchema,
  'auth.finished': authFinishedEventSchema,
  'accounts.needsSignIn': needsSignInEventSchema,
  /** The review queue changed (items added, decided or re-run). */
  'review.changed': z.object({ open: z.number().int() }),
  /** Reading, planning and writing progress of the current sync, undo or restore. */
  'sync.progress': syncProgressEventSchema,
  'sync.finished': runResultSchema,
  /** The schedule, a run starting or ending, the outbox size. */
  'sync.status': syncStatusSchema,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const eventNames = Object.keys(events) as EventName[];

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}

/** The envelope hosts use on the wire (SSE data lines, IPC messages). */
export interface EventMessage<E extends EventName = EventName> {
  event: E;
  payload: EventPayload<E>;
}
