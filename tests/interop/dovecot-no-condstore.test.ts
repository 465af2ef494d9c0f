import { describeInterop } from './suite';

// Incremental sync falls back to the full UID/FLAGS diff; IDLE still pushes at once.
describeInterop('dovecot-no-condstore', { withinMs: 10_000 });
