import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { load } from 'js-yaml';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const builderConfig = load(readFileSync(`${ROOT}electron-builder.yml`, 'utf8')) as { electronFuses?: Record<string, boolean>; asar?: boolean };
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** The packaged app as the Electron security checklist asks for it (issue 12, item 7). */
describe('packaging configuration', () => {
  it('flips the fuses: no run-as-node, NODE_OPTIONS or inspect; encrypted cookies; only a checked app.asar', () => {
    assert.equal(builderConfig.asar, true);
    assert.deepEqual(builderConfig.electronFuses, {
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds on a supported Electron major (45, current on 2026-12-02; the three latest majors are supported)', () => {
    const major = Number(/\d+/.exec(pkg.devDependencies.electron ?? '')?.[0]);
    assert.ok(major >= 45, `electron ${pkg.devDependencies.electron}`);
  });

  it('ships no test or dev-only tool: jose (the SBI oracle) and tsx are dev dependencies', () => {
    for (const name of ['jose', 'tsx', 'electron', 'playwright-core']) assert.equal(pkg.dependencies[name], undefined, name);
  });
});
