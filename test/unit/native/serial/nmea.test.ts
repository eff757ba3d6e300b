import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { distanceMeters, hasValidChecksum, parseNmeaSentence } from '../../../../native/serial/nmea';
import { LineSplitter } from '../../../../native/serial/LineSplitter';

// the classic NMEA examples (gpsd documentation); checksums verified by hand
const GGA = '$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47';
const RMC = '$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A';

describe('parseNmeaSentence', () => {
  it('parses $GPGGA into decimal degrees, fix quality, satellites and altitude', () => {
    const fix = parseNmeaSentence(GGA);
    assert.deepEqual(fix, { kind: 'GGA', latitude: 48 + 7.038 / 60, longitude: 11 + 31 / 60, fixQuality: 1, satellites: 8, hdop: 0.9, altitudeM: 545.4, utcTime: '123519' });
  });

  it('parses $GPRMC with validity and UTC date-time', () => {
    assert.deepEqual(parseNmeaSentence(RMC), { kind: 'RMC', latitude: 48 + 7.038 / 60, longitude: 11 + 31 / 60, isValid: true, speedKnots: 22.4, at: Date.UTC(1994, 2, 23, 12, 35, 19) });
  });

  it('makes southern and western hemispheres negative (São Tomé is just north of the equator)', () => {
    const body = 'GPGGA,101500,0020.000,S,00644.000,W,1,05,1.2,10.0,M,0,M,,';
    let sum = 0;
    for (const ch of body) sum ^= ch.charCodeAt(0);
    const fix = parseNmeaSentence(`$${body}*${sum.toString(16).toUpperCase().padStart(2, '0')}`);
    assert.equal(fix?.latitude, -(20 / 60));
    assert.equal(fix?.longitude, -(6 + 44 / 60));
  });

  it('ignores a bad checksum, a sentence without fix and other sentence types', () => {
    assert.equal(parseNmeaSentence(GGA.replace('*47', '*48')), undefined);
    assert.equal(hasValidChecksum('$GPGSV,1*00'), false);
    assert.equal(parseNmeaSentence('$GPGGA,,,,,,0,00,,,M,,M,,*66'), undefined);
  });
});

describe('distanceMeters', () => {
  it('measures about 1.1 km per 0.01° of latitude', () => {
    const d = distanceMeters({ latitude: 0.33, longitude: 6.73 }, { latitude: 0.34, longitude: 6.73 });
    assert.ok(Math.abs(d - 1112) < 2, `got ${d}`);
  });
});

describe('LineSplitter', () => {
  it('splits on CR, LF and CRLF across chunk boundaries and drops empty lines', () => {
    const splitter = new LineSplitter();
    assert.deepEqual(splitter.push(Buffer.from('PRID-12')), []);
    assert.deepEqual(splitter.push(Buffer.from('34\r')), ['PRID-1234']);
    assert.deepEqual(splitter.push(Buffer.from('\nA\nB\r\n\r\n')), ['A', 'B']);
  });

  it('discards a line longer than the limit and recovers on the next one', () => {
    const splitter = new LineSplitter(5);
    assert.deepEqual(splitter.push(Buffer.from('123456789')), []);
    assert.deepEqual(splitter.push(Buffer.from('0\nok\n')), ['ok']);
  });
});
