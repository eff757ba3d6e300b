import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../../../schemas/errors';
import { loadStpProcessSpec } from '../../../../schemas/data/stpDemoSpecs';
import { evaluateMvel, isRuleTrue, type MvelContext } from '../../../../schemas/rules/mvelEvaluator';
import { parseMvel } from '../../../../schemas/rules/mvelParser';

const identity = {
  ageGroup: 'INFANT',
  age: 3,
  isChild: true,
  isNew: true,
  isUpdate: false,
  introducerRID: '',
  introducerUIN: null,
  fullName: [{ language: 'por', value: 'Ana Neves' }, { language: 'eng', value: 'Ana Neves' }],
  gender: 'FLE',
  updatableFieldGroups: ['Address', 'Phone'],
  emptyMap: {},
};
const ctx: MvelContext = { identity };

function syntaxError(expr: string): { position: number; reason: string } {
  try {
    parseMvel(expr);
  } catch (err) {
    assert.ok(err instanceof AppError && err.is('ERR_REG_RULE_SYNTAX'), `not a syntax error: ${String(err)}`);
    return { position: err.details.position, reason: err.details.reason };
  }
  return assert.fail(`parsed: ${expr}`);
}

function evaluationError(expr: string, context: MvelContext = ctx): { position: number; reason: string } {
  try {
    evaluateMvel(expr, context);
  } catch (err) {
    assert.ok(err instanceof AppError && err.is('ERR_REG_RULE_EVALUATION'), `not an evaluation error: ${String(err)}`);
    return { position: err.details.position, reason: err.details.reason };
  }
  return assert.fail(`evaluated: ${expr}`);
}

describe('mvelEvaluator', () => {
  it('runs the MOSIP documentation example', () => {
    const expr = "identity.get('ageGroup') == 'INFANT' && (identity.get('introducerRID') == nil || identity.get('introducerRID') == empty)";
    assert.equal(isRuleTrue(expr, ctx), true);
    assert.equal(isRuleTrue(expr, { identity: { ...identity, introducerRID: '10001100771006920220128223618' } }), false);
    assert.equal(isRuleTrue(expr, { identity: { ...identity, ageGroup: 'ADULT' } }), false);
  });

  it('reads properties with get and with dots, missing keys as null', () => {
    assert.equal(evaluateMvel('identity.ageGroup', ctx), 'INFANT');
    assert.equal(evaluateMvel("identity.get('age')", ctx), 3);
    assert.equal(evaluateMvel('identity.nothing', ctx), null);
    assert.equal(evaluateMvel("identity.get('fullName').get(1).value", ctx), 'Ana Neves');
  });

  it('compares numbers, numeric strings and strings', () => {
    assert.deepEqual(['identity.age < 6', 'identity.age <= 3', 'identity.age > 2', 'identity.age >= 4', "identity.age == '3'", 'identity.age != 3', '-1 < 0', "'2024/01/02' > '2023/12/31'"]
      .map((e) => evaluateMvel(e, ctx)), [true, true, true, false, true, false, true, true]);
  });

  it('applies precedence: && before ||, ! binds tightest, parentheses override', () => {
    assert.equal(evaluateMvel('true || false && false', {}), true);
    assert.equal(evaluateMvel('(true || false) && false', {}), false);
    assert.equal(evaluateMvel('!false && !(1 == 2)', {}), true);
    assert.equal(evaluateMvel('!!true', {}), true);
  });

  it('short-circuits so the right side of a decided && or || is not evaluated', () => {
    assert.equal(evaluateMvel('false && missing.x', {}), false);
    assert.equal(evaluateMvel('true || missing.x', {}), true);
  });

  it('supports infix contains, .contains, equalsIgnoreCase and the other whitelisted methods', () => {
    assert.deepEqual([
      "identity.updatableFieldGroups contains 'Address'",
      "identity.updatableFieldGroups contains 'Biometrics'",
      "!(identity.updatableFieldGroups contains 'Biometrics')",
      "identity.updatableFieldGroups.contains('Phone')",
      "identity.ageGroup.equalsIgnoreCase('infant')",
      "identity.ageGroup.equals('infant')",
      "identity.gender.contains('L')",
      'identity.updatableFieldGroups.size() == 2',
      "identity.ageGroup.length() == 6 && identity.ageGroup.startsWith('IN') && identity.ageGroup.endsWith('NT')",
      'identity.emptyMap.isEmpty() && identity.introducerRID.isEmpty()',
      "identity.missing contains 'x'",
    ].map((e) => evaluateMvel(e, ctx)), [true, false, true, true, true, false, true, true, true, true, false]);
  });

  it('treats empty as null, the empty string and empty collections, and nil as null', () => {
    assert.deepEqual(['identity.introducerUIN == empty', 'identity.introducerRID == empty', 'identity.emptyMap == empty', 'identity.fullName == empty', 'identity.introducerUIN == nil', 'identity.introducerUIN == null', 'empty == identity.introducerRID']
      .map((e) => evaluateMvel(e, ctx)), [true, true, true, false, true, true, true]);
  });

  it('accesses null-safely with .? and fails without it', () => {
    assert.equal(evaluateMvel('identity.introducerUIN.?value', ctx), null);
    assert.equal(evaluateMvel('identity.introducerUIN.?size()', ctx), null);
    assert.deepEqual(evaluationError('identity.introducerUIN.value'), { position: 23, reason: "'value' of null (use .? for null-safe access)" });
  });

  it('evaluates the bio validationExpr over attribute names', () => {
    const face = { face: true, leftEye: false, rightEye: false };
    assert.equal(isRuleTrue('face || (leftEye && rightEye)', face), true);
    assert.equal(isRuleTrue('face && (leftEye || rightEye)', face), false);
  });

  it('reports unknown variables, type mismatches and non-boolean operands with positions', () => {
    assert.deepEqual(evaluationError('unknown == 1'), { position: 0, reason: "unknown variable 'unknown'" });
    assert.deepEqual(evaluationError("identity.age < 'x'"), { position: 13, reason: 'cannot compare a number with a string' });
    assert.deepEqual(evaluationError('identity.age && true'), { position: 9, reason: 'expected true or false, found a number' });
    assert.deepEqual(evaluationError('!identity.ageGroup'), { position: 10, reason: 'expected true or false, found a string' });
    assert.deepEqual(evaluationError("identity.ageGroup.get('x')"), { position: 18, reason: 'get on a string' });
    assert.deepEqual(evaluationError('identity.fullName.get(5)'), { position: 18, reason: 'index 5 out of range' });
    assert.deepEqual(evaluationError('empty'), { position: 0, reason: "'empty' can only be compared with == or !=" });
  });

  it('makes a rule false, never true, when evaluation fails (as MOSIP does)', () => {
    assert.equal(isRuleTrue('identity.age', ctx), false);
    assert.equal(isRuleTrue('nobody.isChild', ctx), false);
    assert.equal(isRuleTrue('!nobody.isChild', ctx), false);
  });

  it('rejects syntax outside the subset with the position of the first bad token', () => {
    assert.deepEqual(syntaxError("identity.age = 3"), { position: 13, reason: "unexpected character '='" });
    assert.deepEqual(syntaxError('identity.age == 3;'), { position: 17, reason: "unexpected character ';'" });
    assert.deepEqual(syntaxError("identity['age']"), { position: 8, reason: "unexpected character '['" });
    assert.deepEqual(syntaxError('a ? b : c'), { position: 2, reason: "unexpected character '?'" });
    assert.deepEqual(syntaxError('(true'), { position: 5, reason: "expected ')'" });
    assert.deepEqual(syntaxError('true true'), { position: 5, reason: "unexpected 'true'" });
    assert.deepEqual(syntaxError(''), { position: 0, reason: 'unexpected end of expression' });
    assert.deepEqual(syntaxError("'open"), { position: 0, reason: 'unterminated string' });
    assert.deepEqual(syntaxError('identity.toString()'), { position: 9, reason: "unsupported method 'toString'" });
    assert.deepEqual(syntaxError('1 + 2'), { position: 2, reason: "unexpected character '+'" });
    assert.deepEqual(syntaxError('contains x'), { position: 0, reason: "'contains' needs a left operand" });
    assert.deepEqual(syntaxError('3abc'), { position: 0, reason: 'malformed number' });
    assert.deepEqual(syntaxError("'a\\nb'"), { position: 2, reason: 'unsupported escape in string' });
    assert.deepEqual(syntaxError('- x'), { position: 0, reason: "'-' is only allowed before a number" });
  });

  it('refuses prototype names at parse time', () => {
    assert.deepEqual(syntaxError('identity.constructor'), { position: 9, reason: "forbidden name 'constructor'" });
    assert.deepEqual(syntaxError('identity.__proto__ == null'), { position: 9, reason: "forbidden name '__proto__'" });
    assert.deepEqual(syntaxError('constructor'), { position: 0, reason: "forbidden name 'constructor'" });
    assert.deepEqual(syntaxError("identity.?prototype"), { position: 10, reason: "forbidden name 'prototype'" });
  });

  it('refuses prototype keys reached through get, even when the data has them as own keys', () => {
    assert.deepEqual(evaluationError("identity.get('constructor')"), { position: 9, reason: "forbidden name 'constructor'" });
    const hostile = JSON.parse('{"__proto__": {"polluted": true}}') as MvelContext;
    assert.deepEqual(evaluationError("identity.get('__proto__')", { identity: hostile }), { position: 9, reason: "forbidden name '__proto__'" });
    assert.equal(evaluateMvel("identity.get('toString')", ctx), null);
    assert.equal(evaluateMvel('identity.hasOwnProperty', ctx), null);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  it('does not look variables up on the context prototype', () => {
    assert.deepEqual(evaluationError('toString == null', {}), { position: 0, reason: "unknown variable 'toString'" });
    assert.deepEqual(evaluationError('hasOwnProperty', {}), { position: 0, reason: "unknown variable 'hasOwnProperty'" });
  });

  it('bounds nesting depth and length instead of overflowing the stack', () => {
    assert.equal(syntaxError(`${'('.repeat(200)}true${')'.repeat(200)}`).reason, 'expression nested too deeply');
    assert.equal(syntaxError(`${'!'.repeat(500)}true`).reason, 'expression nested too deeply');
    assert.equal(syntaxError(`'${'a'.repeat(5000)}'`).reason, 'expression too long');
    assert.equal(evaluateMvel(`${'('.repeat(30)}true${')'.repeat(30)}`, {}), true);
  });

  it('rejects code-injection attempts', () => {
    for (const expr of ["process.exit(1)", "identity.get('a').constructor.constructor('return 1')()", 'new Object()', 'x = 1', 'import java.lang', '`x`', "Runtime.getRuntime().exec('ls')", 'identity.fullName[0]']) {
      assert.throws(() => evaluateMvel(expr, ctx), (err: unknown) => err instanceof AppError && (err.is('ERR_REG_RULE_SYNTAX') || err.is('ERR_REG_RULE_EVALUATION')), expr);
    }
  });

  it('parses every rule in the four STP demo specs', () => {
    const exprs = (['NEW', 'UPDATE', 'LOST', 'BIOMETRIC_CORRECTION', 'CRVS_NEW', 'CRVS_DEATH'] as const).flatMap((p) => loadStpProcessSpec(p).screens.flatMap((s) => s.fields.flatMap((f) => [
      ...(f.visible ? [f.visible.expr] : []), ...(f.requiredOn ?? []).map((r) => r.expr), ...(f.conditionalBioAttributes ?? []).map((c) => c.validationExpr),
    ])));
    assert.ok(exprs.length > 30, `only ${exprs.length} rules`);
    for (const e of exprs) assert.doesNotThrow(() => parseMvel(e), e);
  });
});
