import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkFileImports, findImports } from '../../tools/importRules';
import { lintTree } from '../../tools/lint';

const ROOT = '/repo';
const check = (file: string, source: string) => checkFileImports(ROOT, join(ROOT, file), source).map((v) => v.message);

describe('importRules', () => {
  it('rejects Node APIs in renderer/', () => {
    const [message] = check('renderer/App.tsx', "import { readFileSync } from 'node:fs';");
    assert.match(message!, /renderer\/ may not use Node APIs \(node:fs\); it may use std, dom packages/);
  });

  it('rejects bare builtins in renderer/ too', () => {
    assert.equal(check('renderer/x.ts', "import path from 'path';").length, 1);
  });

  it('rejects electron outside electron/shell/', () => {
    const [message] = check('electron/services/db/x.ts', "import { app } from 'electron';");
    assert.match(message!, /only electron\/shell\/ may import electron/);
  });

  it('accepts electron inside electron/shell/', () => {
    assert.deepEqual(check('electron/shell/main.ts', "import { app, BrowserWindow } from 'electron';"), []);
  });

  it('rejects renderer/ importing the main process', () => {
    const [message] = check('renderer/features/x.ts', "import { AuditLog } from '../../electron/services/audit/AuditLog';");
    assert.match(message!, /renderer\/ may import only schemas\/, renderer\/; not electron\//);
  });

  it('rejects native/ importing electron/', () => {
    assert.equal(check('native/sbi/x.ts', "import '../../electron/host/Router';").length, 1);
  });

  it('rejects schemas/ importing anything but zod', () => {
    assert.match(check('schemas/x.ts', "import { SignJWT } from 'jose';")[0]!, /schemas\/ may not import jose|schemas\/ may import nothing but zod/);
    assert.deepEqual(check('schemas/x.ts', "import { z } from 'zod'; import { y } from './y';"), []);
  });

  it('rejects an unclassed package', () => {
    assert.match(check('electron/x.ts', "import left from 'left-pad';")[0]!, /package left-pad is not classed/);
  });

  it('finds dynamic imports, re-exports and requires, ignoring comments', () => {
    const found = findImports("// import 'a';\nexport { x } from './x';\nconst m = await import('./m');\nrequire('r');\n/* import 'b' */");
    assert.deepEqual(found, [
      { specifier: './x', line: 2 },
      { specifier: './m', line: 3 },
      { specifier: 'r', line: 4 },
    ]);
  });

  it('passes on this repository', () => {
    assert.deepEqual(lintTree(), []);
  });
});
