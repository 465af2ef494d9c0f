import type { Handlers } from '../types';
import type { ServiceCore } from './core';

/** Team actions on threads, the roster, who I am, and the team's deadline policy. */
export const teamHandlers = (core: ServiceCore) =>
  ({
    'thread.act': async ({ id, action }) => {
      const result = core.requireTeam().act(id, action);
      core.ring(); // append it (and learn its outcome) soon
      return result;
    },
    'threads.merge': async ({ keys, into }) => {
      const result = core.requireTeam().fixes.merge(keys, into);
      core.ring();
      return result;
    },
    'threads.split': async (args) => {
      const fixes = core.requireTeam().fixes;
      const result =
        'fromMessageId' in args ? fixes.split(args.key, args.fromMessageId) : fixes.unmerge(args.key, args.mergedKey);
      core.ring();
      return result;
    },
    'presence.set': async ({ threadId, replying }) => {
      const sent = core.requireTeam().presence.composerChanged(threadId, replying);
      if (sent !== null) core.ring(); // teammates see it within seconds
      return { sent };
    },
    'team.roster': async () => core.team()?.roster() ?? [],
    'me.get': async () => core.team()?.identity() ?? null,
    'me.set': async (identity) => {
      core.requireTeam().setIdentity(identity);
      return identity;
    },
    'policy.get': async () => core.deadlines.policy(),
    'policy.set': async (policy) => {
      core.requireTeam().setPolicy(policy);
      core.ring();
      return policy;
    },
  }) satisfies Partial<Handlers>;
