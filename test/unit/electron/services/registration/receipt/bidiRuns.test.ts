import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { visualPieces } from '../../../../../../electron/services/registration/receipt/bidiRuns';

/** Pieces as "A:text" (Arabic font, logical order: the shaper lays it right to left) or "L:text" (drawing order). */
const show = (line: string) => visualPieces(line).map((p) => `${p.arabic ? 'A' : 'L'}:${p.text}`);

describe('visualPieces: a right-to-left line cut for drawing left to right', () => {
  it('keeps an Arabic-only line as one Arabic piece, spaces inside it', () => {
    assert.deepEqual(show('إيصال التسجيل'), ['A:إيصال التسجيل']);
  });

  it('puts a RID after an Arabic label to its left, digits in order, colon mirrored to the label side', () => {
    assert.deepEqual(show('رقم الطلب: 10001100771006920261122080000'), ['L:10001100771006920261122080000', 'L: :', 'A:رقم الطلب']);
  });

  it('keeps a date with its separators in order; like UAX #9, space-separated numbers and Latin in an Arabic paragraph are separate runs', () => {
    assert.deepEqual(show('التاريخ: 22/11/2026'), ['L:22/11/2026', 'L: :', 'A:التاريخ']);
    // why RtlPageWriter isolates a value: a space between numbers resolves right to left here
    assert.deepEqual(show('التاريخ: 22/11/2026 08:05 UTC'), ['L:UTC', 'L: ', 'L:08:05', 'L: ', 'L:22/11/2026', 'L: :', 'A:التاريخ']);
  });

  it('draws brackets around Latin text inside Arabic the right way round', () => {
    assert.deepEqual(show('رقم الطلب (RID):'), ['L::(', 'L:RID', 'L:) ', 'A:رقم الطلب']);
  });

  it('orders Arabic words around a Latin name right to left', () => {
    assert.deepEqual(show('السيدة Conceição Neves من ساو تومي'), ['A:من ساو تومي', 'L: ', 'L:Conceição Neves', 'L: ', 'A:السيدة']);
  });

  it('keeps digits that follow Latin with it (W7)', () => {
    assert.deepEqual(show('المرجع: ST 1234567'), ['L:ST 1234567', 'L: :', 'A:المرجع']);
  });

  it('keeps Arabic marks with their letter', () => {
    assert.deepEqual(show('المقدَّمة 2'), ['L:2', 'L: ', 'A:المقدَّمة']);
  });
});
