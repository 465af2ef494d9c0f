import type { DiscoveredSettings } from '../../../shared/discovery';
import { PRESETS, type ProviderPreset } from '../../../shared/providers';
import type { MxRecord } from './net';

/** The preset of a provider that hosts this domain itself (gmail.com, outlook.com, …). */
export function presetForDomain(domain: string): ProviderPreset | null {
  const d = domain.toLowerCase();
  return PRESETS.find((p) => p.domains.includes(d)) ?? null;
}

/** Whether `host` is `suffix` or a name under it (`aspmx.l.google.com` under `google.com`). */
function under(host: string, suffix: string): boolean {
  return host === suffix || host.endsWith(`.${suffix}`);
}

/**
 * The preset whose MX hosts receive this domain's mail, looking at the most preferred MX
 * first (RFC 5321 section 5.1: lower preference values are tried first).
 */
export function presetForMx(records: readonly MxRecord[]): { preset: ProviderPreset; mx: string } | null {
  const byPreference = [...records].sort((a, b) => a.priority - b.priority);
  for (const record of byPreference) {
    const mx = record.exchange.toLowerCase().replace(/\.$/, '');
    const preset = PRESETS.find((p) => p.mxSuffixes.some((s) => under(mx, s)));
    if (preset) return { preset, mx };
  }
  return null;
}

/** A preset as discovered settings for `address` (providers sign in with the full address). */
export function presetSettings(preset: ProviderPreset, address: string): DiscoveredSettings {
  return {
    imapHost: preset.imap.host,
    imapPort: preset.imap.port,
    imapTls: preset.imap.tls,
    smtpHost: preset.smtp.host,
    smtpPort: preset.smtp.port,
    smtpTls: preset.smtp.tls,
    user: address,
    ...(preset.oauthProvider ? { auth: 'oauth2', oauthProvider: preset.oauthProvider } : { auth: 'password' }),
  };
}
