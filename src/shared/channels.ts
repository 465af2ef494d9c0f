/**
 * The names of every call and event, free of runtime dependencies, so the sandboxed
 * preload can build its one-method-per-call object without bundling zod. contract.ts
 * checks at compile time that these lists match its schemas exactly.
 */
export const CALL_NAMES = [
  'app.info',
  'presence.set',
  'app.openDemo',
  'app.openSetup',
  'threads.list',
  'thread.get',
  'account.get',
  'account.test',
  'account.save',
  'account.discover',
  'account.saveLater',
  'account.testSaved',
  'account.remove',
  'connection.get',
  'connection.retry',
  'sync.now',
  'sync.status',
  'sync.live',
  'sync.configure',
  'threads.search',
  'search.coverage',
  'messages.unreadable',
  'folders.add',
  'attachment.fetch',
  'views.counts',
  'views.dueSoon',
  'thread.act',
  'threads.merge',
  'threads.split',
  'team.roster',
  'me.get',
  'me.set',
  'reply.draft',
  'reply.send',
  'reply.courtesy',
  'outbox.list',
  'outbox.undo',
  'outbox.cancel',
  'outbox.retry',
  'outbox.sendAgain',
  'templates.list',
  'templates.save',
  'templates.delete',
  'metrics.get',
  'metrics.weekly',
  'export.csv',
  'policy.get',
  'policy.set',
  'quietHours.get',
  'quietHours.set',
  'attachment.inline',
  'images.allow',
  'attachment.open',
  'attachment.reveal',
  'message.original',
  'message.saveEml',
  'attachment.save',
  'oauth.providers',
  'oauth.start',
  'oauth.status',
  'oauth.cancel',
] as const;

/** Events main pushes to the renderer. */
export const EVENT_NAMES = [
  'threads.changed',
  'sync.progress',
  'sync.error',
  'sync.live',
  'connection.changed',
  'tray.changed',
  'notify',
  'toast',
  'outbox.changed',
  'templates.changed',
  'app.openThread',
  'app.menuAction',
] as const;

/** The IPC channel of a call. */
export function channelOf(name: (typeof CALL_NAMES)[number]): string {
  return `promptly:${name}`;
}

/** The IPC channel events arrive on. */
export const EVENT_CHANNEL = 'promptly:event';
