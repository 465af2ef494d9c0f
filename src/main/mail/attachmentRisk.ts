/**
 * Which attachments must never be opened with one click, pure. Opening hands the file to
 * the OS by its extension, and on Windows `invoice.js` or `invoice.exe` runs as code. For
 * these, Promptly offers only Save and Show in folder, with a warning naming the real type
 * (SECURITY.md, "Attachments").
 */

const KINDS: Array<[kind: string, extensions: string[]]> = [
  ['a program', 'exe com scr pif cpl dll ocx sys drv gadget jar appref-ms application app msc'.split(' ')],
  [
    'a script',
    'js jse mjs cjs vbs vbe vb wsf wsh wsc ws ps1 ps1xml ps2 psc1 psm1 psd1 bat cmd sh bash zsh csh ksh fish command py pyw pyc pl rb php scpt applescript hta reg inf lua tcl'.split(
      ' ',
    ),
  ],
  [
    'an installer',
    'msi msp mst msix msixbundle appx appxbundle deb rpm pkg mpkg dmg apk appimage snap flatpak run xpi crx vsix'.split(
      ' ',
    ),
  ],
  [
    'a shortcut',
    'lnk url scf website desktop webloc inetloc fileloc library-ms searchconnector-ms settingcontent-ms theme themepack chm hlp'.split(
      ' ',
    ),
  ],
  [
    'an Office file with macros',
    'docm dotm xlsm xltm xlam xlsb xll xla pptm potm ppam ppsm sldm wll mde accde mda ade adp'.split(' '),
  ],
  ['a disk image', 'iso img vhd vhdx'.split(' ')],
  ['an archive Promptly cannot look into', 'rar 7z cab ace arj'.split(' ')],
];

const KIND_BY_EXTENSION = new Map(KINDS.flatMap(([kind, exts]) => exts.map((e) => [e, kind] as const)));

const DANGEROUS_MIME: Array<[RegExp, string]> = [
  [
    /^application\/(?:x-msdownload|x-msdos-program|x-dosexec|x-executable|x-mach-binary|vnd\.microsoft\.portable-executable|java-archive)$/,
    'a program',
  ],
  [
    /^(?:application|text)\/(?:javascript|ecmascript|x-javascript|x-sh|x-shellscript|x-python|x-perl|x-bat|x-msdos-batch|hta|x-powershell|vbscript)$/,
    'a script',
  ],
  [
    /^application\/(?:x-msi|x-ms-installer|x-ms-shortcut|x-apple-diskimage|vnd\.debian\.binary-package|x-rpm|vnd\.android\.package-archive)$/,
    'an installer',
  ],
  [/^application\/x-desktop$/, 'a shortcut'],
  [/macroenabled/i, 'an Office file with macros'],
];

/** The extension after the last dot, lowercased ("" when none). */
function extensionOf(filename: string): string {
  const base = filename.trim().replace(/[.\s]+$/, '');
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** What the first bytes say the file is, when they name a program or script. */
function kindFromContent(head: Uint8Array): string | null {
  const starts = (...bytes: number[]): boolean => bytes.every((b, i) => head[i] === b);
  if (starts(0x4d, 0x5a)) return 'a Windows program';
  if (starts(0x7f, 0x45, 0x4c, 0x46)) return 'a Linux program';
  if (starts(0xcf, 0xfa, 0xed, 0xfe) || starts(0xce, 0xfa, 0xed, 0xfe) || starts(0xca, 0xfe, 0xba, 0xbe))
    return 'a macOS program';
  if (starts(0x23, 0x21)) return 'a script';
  return null;
}

/** What is known of an attachment when judging it. */
export interface AttachmentFacts {
  filename: string;
  contentType: string;
  /** The first bytes of the content, when downloaded (sender's names and types can lie). */
  head?: Uint8Array;
  /** The names inside it, when it is a ZIP archive that was downloaded. */
  archiveEntries?: string[];
}

/**
 * The warning for an attachment that must not be opened with one click, naming its real
 * type ("invoice.pdf.exe is a program (.exe)…"), or null. Judged by the extension the OS
 * opens it by, the declared MIME type, the content's magic bytes, and a ZIP's entries.
 */
export function attachmentRisk(facts: AttachmentFacts): string | null {
  const name = facts.filename.trim() || 'This attachment';
  const ext = extensionOf(facts.filename);
  const byExtension = KIND_BY_EXTENSION.get(ext);
  const byMime = DANGEROUS_MIME.find(([pattern]) => pattern.test(facts.contentType.trim().toLowerCase()))?.[1];
  const byContent = facts.head ? kindFromContent(facts.head) : null;
  const inside = (facts.archiveEntries ?? []).find((entry) => attachmentRisk({ filename: entry, contentType: '' }));
  const kind = byExtension ?? byContent ?? byMime;
  if (kind) {
    const shown = byExtension ? `${kind} (.${ext})` : kind;
    return `${name} is ${shown}. Opening it could run code on this computer, so Promptly only saves it. Open it only if you trust the sender and expected it.`;
  }
  if (inside)
    return `${name} is an archive that contains ${inside}. Opening what is inside could run code on this computer, so Promptly only saves it.`;
  return null;
}

/**
 * The entry names of a ZIP archive, read from its central directory (PKWARE APPNOTE §4.3.16,
 * §4.3.12), or null when `bytes` is not a readable ZIP. Nothing is decompressed.
 */
export function zipEntryNames(bytes: Buffer): string[] | null {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > bytes.length) return null;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    names.push(bytes.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
