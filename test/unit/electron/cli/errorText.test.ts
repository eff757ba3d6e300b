import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cliLanguage, errorLines, errorSentence, localTime } from '../../../../electron/cli/errorText';
import { AppError } from '../../../../schemas/errors';

describe('regclient error text: the app\'s sentence, in the terminal\'s language, details in words', () => {
  const tz = process.env['TZ'];
  // a zone with a half-hour offset and no summer time, so the expected text is fixed
  before(() => (process.env['TZ'] = 'Asia/Kolkata'));
  after(() => (tz === undefined ? delete process.env['TZ'] : (process.env['TZ'] = tz)));

  it('reads the language as POSIX tools do: LC_ALL, then LC_MESSAGES, then LANG; English otherwise', () => {
    assert.equal(cliLanguage({ LANG: 'pt_ST.UTF-8' }), 'por');
    assert.equal(cliLanguage({ LANG: 'pt_ST.UTF-8', LC_MESSAGES: 'fr_FR.UTF-8' }), 'fra');
    assert.equal(cliLanguage({ LANG: 'pt_ST.UTF-8', LC_MESSAGES: 'fr_FR.UTF-8', LC_ALL: 'C.UTF-8' }), 'eng');
    assert.equal(cliLanguage({ LANG: 'ar_EG.UTF-8' }), 'ara');
    assert.equal(cliLanguage({}), 'eng');
  });

  it('prints a lock-out with its minutes in words and its end as a local time, not an epoch', () => {
    const err = new AppError('ERR_AUTH_LOCKED', { lockedUntil: 1796227298713, minutes: 2 });
    assert.equal(
      errorLines(err, {}),
      'error ERR_AUTH_LOCKED: This account is locked after too many wrong passwords. Try again in 2 minutes, or ask your supervisor.\n' +
        '  locked until: 2026-12-02 21:31:38 (UTC+05:30)\n',
    );
    assert.equal(localTime(0), '1970-01-01 05:30:00 (UTC+05:30)');
  });

  it('uses São Tomé\'s plural forms and role names in Portuguese', () => {
    assert.match(errorSentence('ERR_AUTH_LOCKED', { lockedUntil: 0, minutes: 1 }, 'por'), /1 minuto[^s]/);
    assert.match(errorSentence('ERR_AUTH_LOCKED', { lockedUntil: 0, minutes: 0 }, 'por'), /0 minutos/);
    assert.match(errorSentence('ERR_AUTH_FORBIDDEN', { method: 'outbox.requeue', requiredRoles: ['REGISTRATION_OFFICER', 'REGISTRATION_SUPERVISOR'] }, 'por'), /Agente de registo, Supervisor/);
  });

  it('lists the details the sentence leaves out, once each, and the raw details only under REGCLIENT_DEBUG', () => {
    const err = new AppError('ERR_SYNC_SERVER_URL_INSECURE', { field: '--server', url: 'http://mosip.example.st', rule: 'plain-http-to-remote-host' });
    const lines = errorLines(err, {}).split('\n');
    assert.match(lines[0]!, /^error ERR_SYNC_SERVER_URL_INSECURE: The server address http:\/\/mosip\.example\.st is refused/);
    assert.deepEqual(lines.slice(1), ['  field: --server', '  rule: plain-http-to-remote-host', '']);
    assert.equal(errorLines(err, { REGCLIENT_DEBUG: '1' }).split('\n').at(-2), `details: ${JSON.stringify(err.details)}`);
  });

  it('gives an unknown code the internal-error sentence rather than the bare code', () => {
    assert.match(errorSentence('ERR_NOT_IN_THE_CATALOGUE', {}, 'eng'), /^[A-Z].+\.$/);
    assert.doesNotMatch(errorSentence('ERR_NOT_IN_THE_CATALOGUE', {}, 'eng'), /ERR_NOT_IN_THE_CATALOGUE/);
  });
});
