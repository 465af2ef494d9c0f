import { isAppPage, isAppResource, type AppPage } from './appPage';

/**
 * The person's choice to load remote content (images) for a message. The service keeps
 * it (per message, or per sender when "always for this sender" lands); the shell only asks.
 */
export interface RemoteContentAllowance {
  /** True when remote images may load for this message row id. */
  allowsRemoteContent(messageId: number): boolean;
}

/** An allowance kept in memory until the service owns one. */
export class MemoryRemoteContentAllowance implements RemoteContentAllowance {
  private readonly allowed = new Set<number>();
  allow(messageId: number): void {
    this.allowed.add(messageId);
  }
  revoke(messageId: number): void {
    this.allowed.delete(messageId);
  }
  allowsRemoteContent(messageId: number): boolean {
    return this.allowed.has(messageId);
  }
}

/**
 * The renderer names each message iframe `promptly-message-<id>` (the `name` attribute,
 * set by our code; the mail itself runs no script, so it cannot rename its frame).
 */
export const MESSAGE_FRAME_PREFIX = 'promptly-message-';

/** The frame name the renderer gives the iframe showing message `id`. */
export function messageFrameName(id: number): string {
  return `${MESSAGE_FRAME_PREFIX}${id}`;
}

/** The message id in a message frame's name, or null for any other frame. */
export function messageIdOfFrame(name: string): number | null {
  if (!name.startsWith(MESSAGE_FRAME_PREFIX)) return null;
  const rest = name.slice(MESSAGE_FRAME_PREFIX.length);
  return /^[1-9][0-9]{0,15}$/.test(rest) ? Number(rest) : null;
}

/** The parts of Electron's WebFrameMain the filter reads. */
export interface FrameInfo {
  url: string;
  name: string;
  parent: FrameInfo | null;
}

/** The parts of a webRequest `onBeforeRequest` detail the filter reads. */
export interface RemoteRequest {
  url: string;
  resourceType: string;
  webContentsId?: number;
  frame?: FrameInfo | null;
}

/** Kinds of load that cannot run code: what "show images" may let through. */
const PASSIVE_TYPES = new Set(['image', 'media', 'font', 'stylesheet']);

/**
 * Whether to cancel a network request. The app's top frame may reach only the app itself
 * (the dev server); a message frame, and anything nested in it, may make passive loads
 * only when the person allowed remote content for that message. Requests from a frame
 * that is gone are refused. Requests not made by any page (no webContents) pass.
 */
export function blocksRemoteRequest(request: RemoteRequest, page: AppPage, allowance: RemoteContentAllowance): boolean {
  if (!/^(https?|wss?):/i.test(request.url)) return false;
  if (request.webContentsId === undefined) return false;
  // The window itself navigating: only to the app (will-navigate refuses the rest too).
  if (request.resourceType === 'mainFrame') return !isAppResource(request.url, page);
  const frame = request.frame;
  if (!frame) return true;
  if (frame.parent === null) {
    return !(isAppPage(frame.url, page) && isAppResource(request.url, page));
  }
  // Only a direct child of the app's top frame can be a message frame: a nested frame's
  // name is chosen by the mail, not by us.
  if (frame.parent.parent !== null || !isAppPage(frame.parent.url, page)) return true;
  const messageId = messageIdOfFrame(frame.name);
  if (messageId === null || !PASSIVE_TYPES.has(request.resourceType)) return true;
  return !allowance.allowsRemoteContent(messageId);
}
