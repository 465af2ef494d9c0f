import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/** The shell's own preferences. To move into SQLite with the other settings later. */
export const shellSettingsSchema = z.object({
  /** Closing the window hides it in the tray instead of quitting (Windows, Linux). */
  minimizeToTray: z.boolean().default(false),
  /** Start Promptly when the person logs in. */
  openAtLogin: z.boolean().default(false),
});

/** The shell's own preferences. */
export type ShellSettings = z.infer<typeof shellSettingsSchema>;

/** Where the settings file lives in the data folder. */
export function shellSettingsFile(dataDir: string): string {
  return join(dataDir, 'shell-settings.json');
}

/** Reads the settings; a missing or damaged file gives the defaults (never blocks start-up). */
export function loadShellSettings(file: string): ShellSettings {
  try {
    if (!existsSync(file)) return shellSettingsSchema.parse({});
    const parsed = shellSettingsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : shellSettingsSchema.parse({});
  } catch {
    return shellSettingsSchema.parse({});
  }
}

/** Writes the settings atomically (temp file, then rename). */
export function saveShellSettings(file: string, settings: ShellSettings): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(shellSettingsSchema.parse(settings), null, 2)}\n`);
  renameSync(tmp, file);
}
