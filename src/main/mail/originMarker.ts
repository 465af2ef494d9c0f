import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';

/** Runs a program; tests pass a recorder. */
export type Runner = (file: string, args: string[]) => Promise<void>;

const run: Runner = (file, args) =>
  new Promise((resolve, reject) => execFile(file, args, (error) => (error ? reject(error) : resolve())));

/**
 * Marks a downloaded attachment as coming from the internet, so the OS warns before it
 * runs and Office opens it in Protected View: the Zone.Identifier stream on Windows ("Mark
 * of the Web", zone 3) and the com.apple.quarantine attribute on macOS. Linux has no such
 * marker. Returns whether a marker was written; failing to mark never blocks a download.
 */
export async function markFromInternet(
  path: string,
  now: number,
  platform: NodeJS.Platform = process.platform,
  runner: Runner = run,
): Promise<boolean> {
  try {
    if (platform === 'win32') {
      await writeFile(`${path}:Zone.Identifier`, '[ZoneTransfer]\r\nZoneId=3\r\n');
      return true;
    }
    if (platform === 'darwin') {
      const stamp = Math.floor(now / 1000).toString(16);
      await runner('xattr', ['-w', 'com.apple.quarantine', `0081;${stamp};Promptly;`, path]);
      return true;
    }
  } catch {
    return false;
  }
  return false;
}
