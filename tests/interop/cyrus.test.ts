import { describeInterop } from './suite';

// Cyrus pushes over IDLE at once through its idled daemon.
describeInterop('cyrus', { withinMs: 10_000 });
