import { z } from 'zod';
import type { ThreadStatus } from './teamEvents';

/** Who is using this copy of Promptly: a local setting, sent with every team action. */
export const identitySchema = z.object({
  name: z.string().trim().min(1, 'Enter your name as teammates should see it.').max(200),
  address: z.string().trim().toLowerCase().email('Enter your own work address, for example alice@acme.example.'),
  signature: z.string().max(2000).default(''),
});

/** A validated identity. */
export type Identity = z.infer<typeof identitySchema>;

/** A team action on one thread, as the renderer and CLI request it. */
export const threadActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('claim') }),
  z.object({ type: z.literal('assign'), to: z.string().trim().toLowerCase().email('Choose a teammate to assign to.') }),
  z.object({
    type: z.literal('handoff'),
    to: z.string().trim().toLowerCase().email('Choose a teammate to hand off to.'),
    message: z.string().max(1000).default(''),
  }),
  z.object({ type: z.literal('accept') }),
  z.object({ type: z.literal('decline'), reason: z.string().max(1000).default('') }),
  z.object({ type: z.literal('release') }),
  z.object({ type: z.literal('note'), text: z.string().trim().min(1, 'A note needs some text.').max(10_000) }),
  z.object({ type: z.literal('close') }),
  z.object({ type: z.literal('reopen') }),
  z.object({ type: z.literal('waiting') }),
  z.object({ type: z.literal('snooze'), until: z.number().int().positive().nullable() }),
]);

/** A conversation named by its number or its key (the CLI accepts both). */
const conversationRef = z.string().trim().min(1, 'Name a conversation.').max(300);

/** Merges conversations into one that survives (`into`). */
export const mergeRequestSchema = z
  .object({
    keys: z.array(conversationRef).min(1, 'Choose at least one conversation to merge.').max(50),
    into: conversationRef,
  })
  .strict();

/** Splits a conversation: from a message on, or (the undo of a merge) a conversation merged into it. */
export const splitRequestSchema = z.union([
  z.object({ key: conversationRef, fromMessageId: z.string().trim().min(1).max(300) }).strict(),
  z.object({ key: conversationRef, mergedKey: z.string().trim().min(1).max(300) }).strict(),
]);

/** What a merge did: the conversation that holds everything now, and those merged into it. */
export interface MergeResult {
  threadId: number;
  key: string;
  merged: Array<{ key: string; subject: string }>;
  /** Local conversations that changed (the survivor and those that went away). */
  touched: number[];
}

/** What a split did: the new (or restored) conversation and the one it came out of. */
export interface SplitResult {
  threadId: number;
  key: string;
  from: { key: string; threadId: number };
  touched: number[];
}

/** One validated thread action. */
export type ThreadAction = z.infer<typeof threadActionSchema>;

/** The list views of docs/PRODUCT.md ("Ownership (team)"). */
export const VIEWS = ['mine', 'unassigned', 'due', 'overdue', 'promised', 'waiting', 'closed', 'all'] as const;

/** A list view. */
export type View = (typeof VIEWS)[number];

/** A thread's shared state as the list and thread pane show it. */
export interface ThreadTeamView {
  owner: string | null;
  ownerName: string | null;
  handoffTo: string | null;
  status: ThreadStatus;
  snoozedUntil: number | null;
  /** Actions taken here that the server has not confirmed yet. */
  pending: number;
  /** Teammates writing a reply to this conversation now ("Bob is replying"). */
  replying: ReplyingView[];
}

/** A teammate whose composer holds a reply to a conversation. */
export interface ReplyingView {
  address: string;
  name: string;
  since: number;
  /** When this stops counting unless a heartbeat renews it (their machine may have gone away). */
  until: number;
}

/** One entry of a thread's activity timeline. */
export interface ActivityEntry {
  at: number;
  actor: string;
  /** What happened in people's words ("Alice promised Gareth an answer"), without its date. */
  text: string;
  outcome: 'applied' | 'lost' | 'pending';
  /** The date the entry names ("by …", "until …"), shown in the reader's locale and zone. */
  when?: { word: 'by' | 'until'; at: number };
  /** Promise entries, so they can be told apart from other activity. */
  promise?: 'made' | 'kept' | 'broken';
}

/** A note on a thread. */
export interface NoteView {
  at: number;
  actor: string;
  actorName: string;
  text: string;
  mentions: string[];
  pending: boolean;
}
