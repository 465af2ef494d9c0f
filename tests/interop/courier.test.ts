import { describeInterop } from './suite';

// Courier as shipped (IMAP_ENHANCEDIDLE=0) looks for new mail every 60 s while IDLE.
describeInterop('courier', { withinMs: 75_000 });
