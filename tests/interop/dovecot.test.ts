import { describeInterop } from './suite';

// Dovecot pushes over IDLE within about a second (imap_idle_notify_interval = 1 s in the world).
describeInterop('dovecot', { withinMs: 10_000 });
