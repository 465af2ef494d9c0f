import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith('no-restricted')).map((m) => m.message);
}

describe('layering lint rule (ARCHITECTURE.md)', () => {
  it('only the shell and index.ts may import electron', async () => {
    expect(
      await violations('src/main/store/x.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toHaveLength(1);
    expect(await violations('src/main/shell/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual(
      [],
    );
    expect(await violations('src/main/index.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual(
      [],
    );
  });

  it('the renderer may not import Node modules or src/main', async () => {
    expect(
      await violations(
        'src/renderer/src/x.ts',
        "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
      ),
    ).toHaveLength(1);
    expect(
      await violations('src/renderer/src/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n"),
    ).toHaveLength(1);
    expect(
      await violations(
        'src/renderer/src/x.ts',
        "import { openDb } from '../../main/store/db';\nexport const a = openDb;\n",
      ),
    ).toHaveLength(1);
    expect(await violations('src/renderer/src/x.ts', 'export const a = window.promptly;\n')).toHaveLength(1);
  });

  it('shared imports nothing Node-only and nothing from other folders', async () => {
    expect(await violations('src/shared/x.ts', "import { join } from 'path';\nexport const a = join;\n")).toHaveLength(
      1,
    );
    expect(
      await violations('src/shared/x.ts', "import { api } from '../renderer/src/api';\nexport const a = api;\n"),
    ).toHaveLength(1);
    expect(await violations('src/shared/x.ts', "import { z } from 'zod';\nexport const a = z;\n")).toEqual([]);
  });

  it('policy is pure: no clock, no store', async () => {
    expect(await violations('src/main/policy/x.ts', 'export const a = Date.now();\n')).toHaveLength(1);
    expect(
      await violations('src/main/policy/x.ts', "import { openDb } from '../store/db';\nexport const a = openDb;\n"),
    ).toHaveLength(1);
  });
});
