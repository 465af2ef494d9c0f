/** Promptly's version, shown in the app and in diagnostics. */
export const VERSION = '0.1.0';
