import { z } from 'zod';

/** A server's host name; the example in the message matches the server it is for. */
const hostname = (example: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the server name, for example ${example}.`)
    .max(253, 'That server name is too long.')
    .regex(/^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:]+\]$/, 'A server name has only letters, digits, dots and dashes.');

const port = z.coerce
  .number({ message: 'The port must be a number.' })
  .int('The port must be a whole number.')
  .min(1, 'The port must be between 1 and 65535.')
  .max(65535, 'The port must be between 1 and 65535.');

const tls = z.enum(['tls', 'starttls', 'none'], {
  message: 'Choose TLS, STARTTLS or none.',
});

const address = z.string().trim().email('Enter the shared address, for example support@example.com.');

/** What a person types to connect the shared mailbox. */
export const accountInputSchema = z.object({
  address,
  displayName: z.string().trim().max(200).default(''),
  imap: z.object({ host: hostname('imap.example.com'), port, tls }),
  smtp: z.object({ host: hostname('smtp.example.com'), port, tls }),
  user: z.string().trim().min(1, 'Enter the user name (often the full address).').max(320),
  password: z.string().min(1, 'Enter the password or app password.').max(1024),
});

/** A parsed, valid account input. */
export type AccountInput = z.infer<typeof accountInputSchema>;

/** Turns zod issues into one message per field, for forms and the CLI. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '(input)';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
