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

  it('keeps the back end layered: db/ imports no service, services import neither host/ nor cli/', () => {
    assert.match(check('electron/services/db/repos/x.ts', "import { nextRidSequence } from '../../packets/rid';")[0]!, /electron\/services\/db\/ imports no service \(electron\/services\/packets\/rid\)/);
    assert.match(check('electron/services/sync/x.ts', "import { Router } from '../../host/Router';")[0]!, /electron\/services\/ may not import electron\/host\//);
    assert.match(check('electron/services/sync/x.ts', "import { runCli } from '../../cli/runCli';")[0]!, /may not import electron\/cli\//);
    assert.deepEqual(check('electron/services/sync/x.ts', "import { openDatabase } from '../db/openDatabase';"), []);
    assert.deepEqual(check('electron/host/x.ts', "import { AuditLog } from '../services/audit/AuditLog';"), []);
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

  it('rejects test/sims/ importing schemas/, native/ or electron/', () => {
    assert.deepEqual(check('test/sims/mosip/routes/x.ts', "import { MOSIP_ERROR } from '../../../../schemas/mosipErrorCodes';"), [
      'test/oracle/ may import only test/oracle/; not schemas/',
    ]);
    assert.deepEqual(check('test/sims/mosip/x.ts', "import type { Clock } from '../../../native/time/Clock';"), ['test/oracle/ may import only test/oracle/; not native/']);
    assert.deepEqual(check('test/sims/sbi/x.ts', "import { verifyJws } from '../../../electron/services/x';"), ['test/oracle/ may import only test/oracle/; not electron/']);
  });

  it('rejects test/oracles/ importing the client, and test/ helpers that could carry it in', () => {
    assert.deepEqual(check('test/oracles/x.ts', "export { b } from '../../schemas/errors';"), ['test/oracle/ may import only test/oracle/; not schemas/']);
    assert.deepEqual(check('test/oracles/x.ts', "const h = await import('../helpers/tempDir');"), ['test/oracle/ may import only test/oracle/; not test/']);
  });

  it('lets test/sims/ and test/oracles/ import each other, Node and packages, and other tests import them', () => {
    assert.deepEqual(check('test/sims/mosip/x.ts', "import { a } from './mosipCodes'; import { o } from '../../oracles/javaOracle'; import forge from 'node-forge'; import { readFileSync } from 'node:fs';"), []);
    assert.deepEqual(check('test/integration/sync/x.test.ts', "import { MosipSimulator } from '../../sims/mosip/MosipSimulator';"), []);
  });

  it('passes on this repository', () => {
    assert.deepEqual(lintTree(), []);
  });
});
