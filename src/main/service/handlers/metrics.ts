import { exportCsv, metricsFor, weeklyFor } from '../metrics';
import type { Handlers } from '../types';
import type { ServiceCore } from './core';

/** The dashboard's numbers and the CSV export. */
export const metricsHandlers = (core: ServiceCore) =>
  ({
    'metrics.get': async ({ from, to }) =>
      metricsFor(core.db, core.requireAccount().id, core.deadlines, core.team(), { from, to }, core.deps.now()),
    'metrics.weekly': async () =>
      weeklyFor(core.db, core.requireAccount().id, core.deadlines, core.team(), core.deps.now()),
    'export.csv': async ({ kind }) =>
      exportCsv(core.db, core.requireAccount().id, core.deadlines, core.team(), kind, core.deps.now()),
  }) satisfies Partial<Handlers>;
