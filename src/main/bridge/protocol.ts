import { z } from 'zod';
import type { CallOutcome, EventName } from '../../shared/contract';

const requestSchema = z.object({ id: z.number().int(), call: z.string().max(100), args: z.unknown() });

/** A parsed bridge request, or why it was refused. */
export type ParsedBridgeRequest =
  { ok: true; id: number; call: string; args: unknown } | { ok: false; id: number; message: string };

/** Validates the envelope of a bridge message (the call's own args are validated by dispatch). */
export function parseBridgeRequest(text: string): ParsedBridgeRequest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, id: -1, message: 'The bridge message was not JSON.' };
  }
  const parsed = requestSchema.safeParse(json);
  if (!parsed.success)
    return { ok: false, id: -1, message: 'A bridge message needs a numeric id, a call name and args.' };
  return { ok: true, ...parsed.data };
}

/** What the bridge sends: a call's outcome, a pushed event, or the session secret a printed token was exchanged for. */
export type BridgeResponse =
  | { type: 'result'; id: number; outcome: CallOutcome<unknown> }
  | { type: 'event'; event: EventName; payload: unknown }
  | { type: 'session'; secret: string };
