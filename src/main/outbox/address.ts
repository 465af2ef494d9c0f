import addressparser from 'nodemailer/lib/addressparser';
import type { DraftAddress } from '../../shared/outbox';
import { AppError } from '../appError';

/**
 * Makes a header value safe: CR and LF become spaces and other control characters go, so a
 * subject or name can never start a header of its own (header injection, RFC 5322 §2.2).
 */
export function cleanHeaderValue(value: string): string {
  return value
    .replace(/[\r\n]+/g, ' ')
    .replace(/\p{Cc}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const LOCAL_PART = /^[^\s@<>()",;:\\[\]\p{Cc}]{1,64}$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

/** True for `local@domain.tld`: no spaces or specials, a domain of at least two labels. */
export function isMailAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at <= 0 || address.length > 254) return false;
  const labels = address.slice(at + 1).split('.');
  return (
    LOCAL_PART.test(address.slice(0, at)) && labels.length >= 2 && labels.every((label) => DOMAIN_LABEL.test(label))
  );
}

/**
 * Parses what a person typed into an address field ("Ann <ann@x.example>, bob@y.example",
 * groups flattened) with nodemailer's RFC 5322 address parser. Throws an `invalid-address`
 * AppError naming the first entry that is not a mail address.
 */
export function parseAddressList(inputs: readonly string[], field: string): DraftAddress[] {
  const out: DraftAddress[] = [];
  for (const input of inputs) {
    const text = cleanHeaderValue(input);
    if (text === '') continue;
    for (const entry of addressparser(text, { flatten: true })) {
      const address = cleanHeaderValue(entry.address ?? '').toLowerCase();
      if (!isMailAddress(address)) {
        const shown = address || cleanHeaderValue(entry.name ?? '') || text;
        throw new AppError('invalid-address', `"${shown}" is not a valid mail address.`, {
          [field]: `"${shown}" is not a valid mail address.`,
        });
      }
      out.push({ name: cleanHeaderValue(entry.name ?? ''), address });
    }
  }
  return out;
}

/** Removes addresses already listed, and any in `exclude`, keeping the first spelling. */
export function uniqueAddresses(list: readonly DraftAddress[], exclude: Iterable<string> = []): DraftAddress[] {
  const seen = new Set([...exclude].map((a) => a.toLowerCase()));
  const out: DraftAddress[] = [];
  for (const person of list) {
    const key = person.address.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(person);
  }
  return out;
}
