import assert from 'node:assert/strict';
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { describe, it } from 'node:test';
import { CredentialFormatError, decryptCredential } from '../../../../../electron/services/crvs/decryptCredential';
import { issueCertificate } from '../../../../helpers/packetKeys';
import { partnerCredentialEncrypt } from '../../../../sims/mosip/simCrypto';

const NOW = Date.UTC(2026, 10, 22, 9, 0, 0);

function partner(cn: string) {
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const keyPem = key.export({ format: 'pem', type: 'pkcs8' }).toString();
  const cert = new X509Certificate(issueCertificate({ subjectCn: cn, subjectKeyPem: keyPem, issuerCn: cn, issuerKeyPem: keyPem, notBefore: new Date(NOW - 86_400_000), notAfter: new Date(NOW + 86_400_000) }));
  return { key, cert, der: Buffer.from(cert.raw) };
}

/** The credential the simulator (written apart from the client) encrypts to the partner certificate, opened by the bridge. */
describe('decryptCredential', () => {
  const ours = partner('opencrvs-stp');
  const credential = { credentialSubject: { id: 'https://sim.mosip/credentials/1', UIN: '5432109876', VID: '5432109876' } };
  const sealed = (to = ours, plain: unknown = credential) => partnerCredentialEncrypt(to.cert.publicKey, to.der, Buffer.from(JSON.stringify(plain)));

  it('opens a credential encrypted to our certificate', () => {
    assert.deepEqual(decryptCredential(sealed().toString('base64'), ours.key, ours.der), credential);
  });

  it('refuses one for another certificate, a tampered one, one without a splitter, and one that is not a credential', () => {
    const reason = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        assert.ok(err instanceof CredentialFormatError, String(err));
        return err.message;
      }
      return 'no error';
    };
    assert.equal(reason(() => decryptCredential(sealed(partner('someone')).toString('base64'), ours.key, ours.der)), 'encrypted to another certificate');
    const tampered = sealed();
    tampered[tampered.length - 1]! ^= 1;
    assert.equal(reason(() => decryptCredential(tampered.toString('base64'), ours.key, ours.der)), 'cannot be decrypted with the partner key');
    assert.equal(reason(() => decryptCredential(Buffer.from(JSON.stringify(credential)).toString('base64'), ours.key, ours.der)), 'no #KEY_SPLITTER#');
    assert.match(reason(() => decryptCredential(sealed(ours, { subject: 1 }).toString('base64'), ours.key, ours.der)), /^credential credentialSubject/);
  });
});
