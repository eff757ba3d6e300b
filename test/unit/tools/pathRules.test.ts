import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkPaths, isPathChecked } from '../../tools/pathRules';
import { lintTree } from '../../tools/lint';
import { makeTempDir } from '../../helpers/tempDir';

const lines = (file: string, source: string) => checkPaths(file, source).map((v) => v.line);
const messages = (file: string, source: string) => checkPaths(file, source).map((v) => v.message);

describe('pathRules', () => {
  it('flags absolute machine paths, in code and in scripts', () => {
    assert.deepEqual(lines('test/unit/a.test.ts', "const SAMPLE = '/work/shared/fixtures';"), [1]);
    assert.match(messages('test/x.ts', "const a = 1;\nreadFileSync('/home/ana/id.json');")[0]!, /absolute machine path "\/home\/"/);
    assert.deepEqual(lines('test/x.ts', "const p = '/Users/ana/x';"), [1]);
    assert.deepEqual(lines('test/x.ts', "const p = 'C:\\\\Users\\\\ana';"), [1]);
    assert.deepEqual(lines('test/x.ts', "const p = `/tmp/${name}`;"), [1]);
    assert.deepEqual(lines('.ci/run', 'cp /work/shared/x .'), [1]);
  });

  it('accepts URL paths and derived paths', () => {
    assert.deepEqual(checkPaths('electron/x.ts', "const u = 'http://127.0.0.1:8080/v1/home/tmp/x';"), []);
    assert.deepEqual(checkPaths('electron/x.ts', "const d = join(tmpdir(), 'a'); const r = 'a/home/b';"), []);
  });

  it('resolves new URL(…, import.meta.url) against the file\'s folder', () => {
    const file = 'test/sims/mosip/routes/syncdata.ts';
    assert.deepEqual(lines(file, "const S = new URL('../../../../../shared/fixtures/x.json', import.meta.url);"), [1]);
    assert.deepEqual(checkPaths(file, "const S = new URL('../../../fixtures/mosip-docs/x.json', import.meta.url);"), []);
    assert.deepEqual(checkPaths(file, "new URL('../../../../x', import.meta.url)"), [], 'four folders up is the root itself');
    assert.match(messages(file, "new URL('../../../../../x', import.meta.url)")[0]!, /new URL\('(?:\.\.\/){5}x', import\.meta\.url\) reaches outside the repository root/);
  });

  it('resolves join/resolve(import.meta.dirname, …) literal by literal', () => {
    assert.deepEqual(checkPaths('test/tools/lint.ts', "const ROOT = join(import.meta.dirname, '..', '..');"), []);
    assert.deepEqual(lines('test/tools/lint.ts', "const ROOT = join(import.meta.dirname, '..', '..', '..', 'shared');"), [1]);
    assert.deepEqual(lines('test/a.ts', "resolve(__dirname, '../../x')"), [1]);
    assert.deepEqual(checkPaths('test/a.ts', "resolve(__dirname, '../x')"), []);
  });

  it('resolves other relative literals and import specifiers against the file\'s folder', () => {
    assert.deepEqual(checkPaths('electron/cli/commands/core.ts', "import { Role } from '../../../schemas/operators';"), []);
    assert.deepEqual(lines('electron/cli/commands/core.ts', "import x from '../../../../elsewhere/x';"), [1]);
    assert.deepEqual(lines('test/a.ts', "const a = 1;\nconst fixtures = '../../shared';"), [2]);
  });

  it('ignores comments for relative paths, and honours the allow marker on the line or the line above', () => {
    assert.deepEqual(checkPaths('test/a.ts', "// see '../../../x'\n * '../../../y'"), []);
    assert.deepEqual(checkPaths('test/a.ts', "// lint-allow-path: data under test\nserialize('/home/x');"), []);
    assert.deepEqual(lines('test/a.ts', "// lint-allow-path: data under test\nserialize('/home/x');\nserialize('/home/y');"), [3]);
  });

  it('checks code, scripts and package.json, not documentation', () => {
    assert.deepEqual(['a/b.ts', 'a/b.tsx', 'run.sh', 'ci.yml', 'package.json', 'tsconfig.json', 'b.d.ts', 'README.md', 'x.json'].map((f) => isPathChecked(f, '')), [true, true, true, true, true, true, false, false, false]);
    assert.equal(isPathChecked('.ci/run', '#!'), true);
    assert.equal(isPathChecked('.ci/notes', 'no'), false);
  });

  describe('over a tree', () => {
    const tree = makeTempDir('path-rules-');
    after(() => tree.remove());

    it('npm run lint finds the bad file at any depth and passes the good one', () => {
      for (const top of ['schemas', 'native', 'electron', 'renderer', 'test/sims']) mkdirSync(join(tree.path, top), { recursive: true });
      mkdirSync(join(tree.path, '.ci'));
      writeFileSync(join(tree.path, 'test', 'sims', 'good.ts'), "export const A = new URL('../fixtures/a.json', import.meta.url);\n");
      writeFileSync(join(tree.path, 'test', 'sims', 'bad.ts'), "export const A = new URL('../../../a.json', import.meta.url);\n");
      writeFileSync(join(tree.path, '.ci', 'run'), '#!/usr/bin/env bash\ncp /work/shared/a .\n');
      writeFileSync(join(tree.path, 'README.md'), 'Copied from /work/shared.\n');
      assert.deepEqual(lintTree(tree.path).map((p) => p.replace(/: .*/, '')), ['.ci/run:2', 'test/sims/bad.ts:1']);
    });
  });
});
