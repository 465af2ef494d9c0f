import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => LAYERING_RULES.test(m.ruleId ?? '')).map((m) => m.message);
}

const LAYERING_RULES = /^(no-restricted-|import-x\/no-restricted-paths$)/;

/** One import of `what` from `from`, used so the import is not unused. */
function importing(what: string, from: string): string {
  return `import { ${what} } from '${from}';\nexport const a = ${what};\n`;
}

describe('layering lint rule (docs/ARCHITECTURE.md)', () => {
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

  it('renderer components talk to stores, and only stores call api.ts', async () => {
    expect(await violations('src/renderer/src/features/x/Thing.tsx', importing('api', '../../api'))).toHaveLength(1);
    expect(await violations('src/renderer/src/App.tsx', importing('api', './api'))).toHaveLength(1);
    expect(await violations('src/renderer/src/features/x/thingStore.ts', importing('api', '../../api'))).toEqual([]);
    expect(await violations('src/renderer/src/features/x/Thing.tsx', importing('useApp', './thingStore'))).toEqual([]);
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
    ).not.toHaveLength(0);
  });

  it('store imports nothing above it', async () => {
    expect(await violations('src/main/store/x.ts', importing('parseMessage', '../mail/parse'))).toHaveLength(1);
    expect(await violations('src/main/store/x.ts', importing('fold', '../team/fold'))).toHaveLength(1);
    expect(await violations('src/main/store/x.ts', importing('toErrorInfo', '../service/errorInfo'))).toHaveLength(1);
    expect(await violations('src/main/store/x.ts', importing('threadKeyOf', '../policy/threading'))).toEqual([]);
  });

  it('team and MIME parsing are pure: no store, no I/O', async () => {
    expect(await violations('src/main/team/x.ts', importing('openDb', '../store/db'))).toHaveLength(1);
    expect(await violations('src/main/team/x.ts', importing('readFileSync', 'node:fs'))).toHaveLength(1);
    expect(await violations('src/main/team/x.ts', importing('createTransport', 'nodemailer'))).toHaveLength(1);
    expect(await violations('src/main/mail/parse.ts', importing('openDb', '../store/db'))).toHaveLength(1);
    expect(await violations('src/main/team/x.ts', importing('fold', './fold'))).toEqual([]);
  });

  it('mail, auth and the outbox stay below the service', async () => {
    expect(await violations('src/main/mail/x.ts', importing('toErrorInfo', '../service/errorInfo'))).toHaveLength(1);
    expect(await violations('src/main/mail/x.ts', importing('providerById', '../auth/providers'))).toHaveLength(1);
    expect(await violations('src/main/outbox/x.ts', importing('toErrorInfo', '../service/errorInfo'))).toHaveLength(1);
    expect(await violations('src/main/mail/x.ts', importing('getAccount', '../store/repos/accounts'))).toEqual([]);
  });

  it('the demo does not import the service; the transports do not go around it', async () => {
    expect(await violations('src/main/demo/x.ts', importing('TeamEngine', '../service/team'))).toHaveLength(1);
    expect(await violations('src/main/cli/x.ts', importing('getAccount', '../store/repos/accounts'))).toHaveLength(1);
    expect(await violations('src/main/shell/x.ts', importing('getAccount', '../store/repos/accounts'))).toHaveLength(1);
    expect(await violations('src/main/bridge/x.ts', importing('openDb', '../store/db'))).toHaveLength(1);
    expect(await violations('src/main/cli/x.ts', importing('PromptlyService', '../service/service'))).toEqual([]);
  });

  it('the root helpers of main import no layer', async () => {
    expect(await violations('src/main/paths.ts', importing('getAccount', './store/repos/accounts'))).toHaveLength(1);
    expect(await violations('src/main/appError.ts', importing('AppError', './service/errorInfo'))).toHaveLength(1);
    expect(await violations('src/main/secrets.ts', importing('ensurePrivateDir', './privateFiles'))).toEqual([]);
    expect(await violations('src/main/store/x.ts', importing('AppError', '../appError'))).toEqual([]);
  });

  it('only the store holds SQL', async () => {
    expect(await violations('src/main/service/x.ts', importing('prepared', '../store/statements'))).toHaveLength(1);
    const inline = "import type { Db } from '../store/db';\nexport const a = (db: Db) => db.prepare('SELECT 1');\n";
    expect(await violations('src/main/service/x.ts', inline)).toHaveLength(1);
    expect(await violations('src/main/store/repos/x.ts', importing('prepared', '../statements'))).toEqual([]);
  });
});

describe('no import cycles (docs/ARCHITECTURE.md)', () => {
  // no-cycle follows imports on disk, so the two modules of the cycle are real files.
  const dir = mkdtempSync(join(process.cwd(), 'src', 'main', 'cycle-check-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails lint on a cycle between two modules, and passes once it is broken', async () => {
    const a = join(dir, 'a.ts');
    const b = join(dir, 'b.ts');
    writeFileSync(a, "import { b } from './b';\nexport const a = (): number => b() + 1;\n");
    writeFileSync(b, "import { a } from './a';\nexport const b = (): number => (a.length > 1 ? 1 : 2);\n");
    const cycles = async (): Promise<string[]> => {
      const results = await new ESLint({ cwd: process.cwd(), cache: false }).lintFiles([relative(process.cwd(), dir)]);
      return results.flatMap((r) =>
        r.messages.filter((m) => m.ruleId === 'import-x/no-cycle').map(() => basename(r.filePath)),
      );
    };
    expect(await cycles()).toEqual(expect.arrayContaining(['a.ts', 'b.ts']));
    writeFileSync(b, 'export const b = (): number => 2;\n');
    expect(await cycles()).toEqual([]);
  });
});

describe('size limits (docs/ARCHITECTURE.md, "Size")', () => {
  async function sizeRules(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).map((m) => m.ruleId ?? '').filter((id) => id.startsWith('max-lines'));
  }
  /** A function whose body has `statements` lines of code, each followed by a blank line and a comment when `padded`. */
  function functionOf(statements: number, padded = true): string {
    const line = (i: number) => `  n += ${i};\n${padded ? `\n  // step ${i}\n` : ''}`;
    const body = Array.from({ length: statements }, (_, i) => line(i)).join('');
    return `export function f(): number {\n  let n = 0;\n${body}  return n;\n}\n`;
  }

  it('a function over 80 lines of code fails; blank lines and comments do not count', async () => {
    // 3 lines (signature, `let`, `return`) + the closing brace + statements.
    expect(await sizeRules('src/main/service/x.ts', functionOf(76))).toEqual([]);
    expect(await sizeRules('src/main/service/x.ts', functionOf(77))).toEqual(['max-lines-per-function']);
    expect(await sizeRules('src/shared/x.ts', functionOf(77))).toEqual(['max-lines-per-function']);
    expect(await sizeRules('src/renderer/src/stores/x.ts', functionOf(77))).toEqual(['max-lines-per-function']);
  });

  it('a React component has room for its markup, up to 150 lines', async () => {
    expect(await sizeRules('src/renderer/src/features/x/Thing.tsx', functionOf(146, false))).toEqual([]);
    expect(await sizeRules('src/renderer/src/features/x/Thing.tsx', functionOf(147, false))).toEqual([
      'max-lines-per-function',
    ]);
  });

  it('a style sheet (or any file ESLint does not read) over 400 lines fails lint too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'promptly-sizes-'));
    try {
      const check = () => spawnSync(process.execPath, ['scripts/file-sizes.mjs', dir], { encoding: 'utf8' });
      writeFileSync(join(dir, 'a.css'), '.a {}\n'.repeat(400));
      expect(check().status).toBe(0);
      writeFileSync(join(dir, 'a.css'), '.a {}\n'.repeat(401));
      const refused = check();
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('a.css: 401 lines; at most 400');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a file over 400 lines fails, whatever its lines are', async () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `export const a${i} = ${i};`).join('\n') + '\n';
    expect(await sizeRules('src/main/store/x.ts', lines(400))).toEqual([]);
    expect(await sizeRules('src/main/store/x.ts', lines(401))).toEqual(['max-lines']);
  });
});
