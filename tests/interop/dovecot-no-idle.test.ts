import { describeInterop } from './suite';

// No IDLE: new mail is found by polling, so the wait is bounded by the poll interval.
describeInterop('dovecot-no-idle', { withinMs: 150_000 });
