/** The person-facing text of anything thrown by a call (PromptlyError messages are already worded). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
