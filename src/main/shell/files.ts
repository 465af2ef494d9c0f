import { copyFileSync } from 'node:fs';
import { dialog, shell } from 'electron';
import type { DesktopFiles } from '../service/service';

/** Opening and saving attachments with the OS: the default app, and a save dialog. */
export const desktopFiles: DesktopFiles = {
  async openPath(path) {
    const problem = await shell.openPath(path);
    if (problem) throw new Error(problem);
  },
  showInFolder(path) {
    shell.showItemInFolder(path);
  },
  async saveAs(path, suggestedName) {
    const choice = await dialog.showSaveDialog({ defaultPath: suggestedName });
    if (choice.canceled || !choice.filePath) return null;
    copyFileSync(path, choice.filePath);
    return choice.filePath;
  },
};
