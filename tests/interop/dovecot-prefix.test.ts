import { describeInterop } from './suite';

// Personal namespace "INBOX.": every folder Promptly creates or looks for carries the prefix.
describeInterop('dovecot-prefix', { withinMs: 10_000 });
