import { describeInterop } from './suite';

// No IDLE: new mail is found by polling, so the wait is bounded by the 30 s check interval.
describeInterop('dovecot-no-idle', { withinMs: 45_000 });
