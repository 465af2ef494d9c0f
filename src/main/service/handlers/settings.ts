import type { QuietHours } from '../../../shared/policy';
import { getSetting, setSetting } from '../../store/repos/settings';
import { allowImages } from '../remoteImages';
import type { Handlers } from '../types';
import type { ServiceCore } from './core';

/** This computer's own settings: quiet hours and remote-image choices. */
export const settingsHandlers = (core: ServiceCore) =>
  ({
    'quietHours.get': async () => getSetting<QuietHours | null>(core.db, 'quietHours', null),
    'quietHours.set': async ({ quietHours }) => {
      setSetting(core.db, 'quietHours', quietHours);
      return quietHours;
    },
    'images.allow': async ({ messageId, sender }) => allowImages(core.db, { messageId, sender }),
  }) satisfies Partial<Handlers>;
