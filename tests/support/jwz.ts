/**
 * JWZ threading, as RFC 5256 §2.2 ("REFERENCES") describes it, in one batch: the reference the
 * store's incremental threading (src/main/store/ingest.ts) is checked against in the tests. It
 * is a test oracle and ships nowhere.
 *
 * Steps 1–4 and 7 of JWZ are implemented: containers per Message-ID, phantom parents,
 * loop checks, the root set, pruning of empty containers, siblings sorted by date. The
 * subject grouping of steps 5–6 is left out on purpose: Promptly merges by subject only
 * under the stricter guards of `subjectFallbackCandidate` (src/main/policy/subject.ts).
 */
import { normalizeMessageId } from '../../src/main/policy/threading';

/** The headers JWZ looks at, for one message. Ids may carry angle brackets. */
export interface JwzMessage {
  messageId: string;
  inReplyTo: string | null;
  references: readonly string[];
  subject: string;
  /** Epoch ms. */
  date: number;
  /** The sender's address; only used to order input deterministically. */
  from: string;
}

/** A node of the thread tree: a message, or a phantom (`message: null`) only referenced. */
export interface JwzNode {
  /** The normalised Message-ID; a broken or duplicate id gets a `…@jwz.invalid` stand-in. */
  id: string;
  message: JwzMessage | null;
  children: JwzNode[];
}

/** The JWZ result: the thread trees, and which messages belong together. */
export interface JwzThreads {
  /** Root set after pruning, ordered by each tree's earliest date. */
  roots: JwzNode[];
  /**
   * One group per root: the `messageId` of each message in its tree (normalised when valid,
   * as given otherwise), sorted. Phantoms are not listed. Groups are sorted element-wise.
   */
  groups: string[][];
}

interface Container {
  id: string;
  message: JwzMessage | null;
  parent: Container | null;
  children: Container[];
}

/**
 * Threads a batch of messages. The same messages in any order give the same result: the
 * input is first put in a canonical order (date, then headers), which is the order JWZ's
 * order-sensitive choices (first of two duplicates, first link wins) are made in.
 */
export function threadMessages(messages: readonly JwzMessage[]): JwzThreads {
  const table = new Map<string, Container>();
  const ordered = [...messages].sort(compareMessages);
  ordered.forEach((m, index) => placeMessage(table, m, index));
  const roots = prune([...table.values()].filter((c) => c.parent === null));
  const trees = roots.map(toNode).sort(compareNodes);
  const groups = trees.map(groupOf).filter((g) => g.length > 0);
  groups.sort(compareGroups);
  return { roots: trees, groups };
}

/** Step 1: file the message in its container and link it under its references. */
function placeMessage(table: Map<string, Container>, m: JwzMessage, index: number): void {
  const self = containerForMessage(table, m, index);
  const chain = referenceChain(m, self.id);
  // 1.B: link each reference to the next, keeping links already made.
  let previous: Container | null = null;
  for (const ref of chain) {
    const current = containerFor(table, ref);
    if (previous !== null && current.parent === null && !wouldLoop(previous, current)) link(previous, current);
    previous = current;
  }
  // 1.C: the last reference is the parent; the message's own headers override an earlier guess
  // (RFC 5256: "probably the result of a truncated References header"). No refs: a root.
  if (previous === null) {
    unlink(self);
  } else if (previous !== self.parent && !wouldLoop(previous, self)) {
    unlink(self);
    link(previous, self);
  }
}

/** 1.A: the container for this message; a duplicate or broken id gets a unique stand-in. */
function containerForMessage(table: Map<string, Container>, m: JwzMessage, index: number): Container {
  const id = normalizeMessageId(m.messageId);
  const existing = id === null ? undefined : table.get(id);
  if (id !== null && (existing === undefined || existing.message === null)) {
    const container = existing ?? containerFor(table, id);
    container.message = m;
    return container;
  }
  // RFC 5256: "assign a unique Message ID to each of the subsequent messages with a duplicate".
  const standIn = `${index}.${id ?? 'missing'}@jwz.invalid`;
  const container = containerFor(table, standIn);
  container.message = m;
  return container;
}

/** References in order, else In-Reply-To; broken ids, repeats and the message itself dropped. */
function referenceChain(m: JwzMessage, selfId: string): string[] {
  const fromReferences = m.references.map(normalizeMessageId);
  const source = fromReferences.some((id) => id !== null)
    ? fromReferences
    : [m.inReplyTo === null ? null : normalizeMessageId(m.inReplyTo)];
  const chain: string[] = [];
  for (const id of source) {
    if (id !== null && id !== selfId && !chain.includes(id)) chain.push(id);
  }
  return chain;
}

function containerFor(table: Map<string, Container>, id: string): Container {
  let container = table.get(id);
  if (container === undefined) {
    container = { id, message: null, parent: null, children: [] };
    table.set(id, container);
  }
  return container;
}

/** True if making `parent` the parent of `child` would close a loop (child is parent or its ancestor). */
function wouldLoop(parent: Container, child: Container): boolean {
  for (let at: Container | null = parent; at !== null; at = at.parent) {
    if (at === child) return true;
  }
  return false;
}

function link(parent: Container, child: Container): void {
  child.parent = parent;
  parent.children.push(child);
}

function unlink(child: Container): void {
  const parent = child.parent;
  if (parent === null) return;
  parent.children = parent.children.filter((c) => c !== child);
  child.parent = null;
}

/**
 * Step 4: drop empty containers without children; replace an empty container by its
 * children, except an empty root with several children, which stays as their phantom root.
 */
function prune(siblings: Container[], atRoot = true): Container[] {
  const kept: Container[] = [];
  for (const c of siblings) {
    c.children = prune(c.children, false);
    for (const child of c.children) child.parent = c;
    if (c.message !== null) kept.push(c);
    else if (c.children.length === 0) continue;
    else if (!atRoot || c.children.length === 1) kept.push(...c.children);
    else kept.push(c);
  }
  if (atRoot) for (const c of kept) c.parent = null;
  return kept;
}

function toNode(c: Container): JwzNode {
  const children = c.children.map(toNode).sort(compareNodes);
  return { id: c.id, message: c.message, children };
}

function groupOf(root: JwzNode): string[] {
  const ids: string[] = [];
  const visit = (n: JwzNode): void => {
    if (n.message !== null) ids.push(normalizeMessageId(n.message.messageId) ?? n.message.messageId);
    n.children.forEach(visit);
  };
  visit(root);
  return ids.sort(compareText);
}

const earliestCache = new WeakMap<JwzNode, number>();

/** Earliest date in a subtree: a phantom sorts where its first message does. */
function earliest(n: JwzNode): number {
  let known = earliestCache.get(n);
  if (known === undefined) {
    known = n.children.reduce((min, c) => Math.min(min, earliest(c)), n.message?.date ?? Infinity);
    earliestCache.set(n, known);
  }
  return known;
}

/** Step 7: siblings by date, then id, so the tree is the same on every replica. */
function compareNodes(a: JwzNode, b: JwzNode): number {
  const ea = earliest(a);
  const eb = earliest(b);
  return ea < eb ? -1 : ea > eb ? 1 : compareText(a.id, b.id);
}

function compareMessages(a: JwzMessage, b: JwzMessage): number {
  return (
    (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
    compareText(a.messageId, b.messageId) ||
    compareText(a.references.join(' '), b.references.join(' ')) ||
    compareText(a.inReplyTo ?? '', b.inReplyTo ?? '') ||
    compareText(a.from, b.from) ||
    compareText(a.subject, b.subject)
  );
}

/** Element-wise, a shorter prefix first: a total order, so the grouping is canonical. */
function compareGroups(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const order = compareText(a[i] ?? '', b[i] ?? '');
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/** Plain code-unit order: locale-independent, so every machine sorts the same. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
