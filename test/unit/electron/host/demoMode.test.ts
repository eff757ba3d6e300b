import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAppError } from '../../../../schemas/errors';
import { demoMode, type DemoModeInput } from '../../../../electron/host/demoMode';

const NPM_START: DemoModeInput = { demoFlag: false, isPackaged: false, dataDirGiven: false, impliedWithoutDataDir: true };

describe('demo mode decision (host side, before any data dir is opened)', () => {
  it('a packaged build refuses --demo with ERR_CONFIG_DEMO_IN_PRODUCTION naming the flag and the rule', () => {
    for (const dataDirGiven of [false, true]) {
      assert.throws(
        () => demoMode({ ...NPM_START, demoFlag: true, isPackaged: true, dataDirGiven }),
        (err: unknown) => isAppError(err) && err.code === 'ERR_CONFIG_DEMO_IN_PRODUCTION' && JSON.stringify(err.details) === '{"field":"--demo","rule":"not-in-packaged-build"}',
      );
    }
  });

  it('a packaged build never runs the demo by implication either', () => {
    assert.equal(demoMode({ ...NPM_START, isPackaged: true }), false);
    assert.equal(demoMode({ ...NPM_START, isPackaged: true, impliedWithoutDataDir: false }), false);
  });

  it('npm start without a data dir is the demo (the README\'s first command)', () => {
    assert.equal(demoMode(NPM_START), true);
  });

  it('npm start with a data dir (flag or REGCLIENT_DATA_DIR) is not the demo unless --demo is given', () => {
    assert.equal(demoMode({ ...NPM_START, dataDirGiven: true }), false);
    assert.equal(demoMode({ ...NPM_START, dataDirGiven: true, demoFlag: true }), true);
  });

  it('the Electron shell alone runs the demo only with --demo', () => {
    const shell = { ...NPM_START, impliedWithoutDataDir: false };
    assert.equal(demoMode(shell), false);
    assert.equal(demoMode({ ...shell, dataDirGiven: true }), false);
    assert.equal(demoMode({ ...shell, demoFlag: true }), true);
  });
});
