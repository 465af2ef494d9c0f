/**
 * Removes what must never leave the machine in a log or a diagnostics report: email
 * addresses, credentials in URLs, and values of password/token-like fields. Message
 * contents are never passed in; this is the second line of defence.
 */
export function redact(text: string): string {
  return text
    .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, '$1 [redacted]')
    .replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s:]+(:[^/@\s]*)?@/gi, '$1[redacted]@')
    .replace(/[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi, '[address]')
    .replace(
      /\b(pass(word)?|passwd|pwd|secret|token|auth|authorization|api[-_]?key|cookie)(["']?\s*[:=]\s*["']?)([^\s"',;}]+)/gi,
      '$1$3[redacted]',
    );
}
