import { BioAttribute } from '../registration';
import type { ConditionalBioAttributes, UiField } from '../uiSpec';
import { isRuleTrue, type MvelContext } from './mvelEvaluator';

/**
 * Whether a field is shown: `inputRequired` and its `visible` MVEL rule (none → shown).
 * @throws AppError ERR_REG_RULE_SYNTAX for a rule outside the supported subset.
 */
export function isFieldVisible(field: UiField, context: MvelContext): boolean {
  if (!field.inputRequired) return false;
  if (!field.visible || field.visible.engine.toUpperCase() !== 'MVEL') return true;
  return isRuleTrue(field.visible.expr, context);
}

/**
 * Whether a field must be filled. As RS `RequiredFieldValidator#isRequiredField`: the first MVEL
 * `requiredOn` rule, when there is one, overrides `required`. A hidden field is never required.
 * @throws AppError ERR_REG_RULE_SYNTAX for a rule outside the supported subset.
 */
export function isFieldRequired(field: UiField, context: MvelContext): boolean {
  if (!isFieldVisible(field, context)) return false;
  const rule = (field.requiredOn ?? []).find((r) => r.engine.toUpperCase() === 'MVEL' && r.expr);
  return rule ? isRuleTrue(rule.expr, context) : field.required;
}

/** `identity.get('X') == nil` / `== null` / `== empty`: the rule's "while X is blank" clause. */
const WHILE_BLANK = /identity\.get\(\s*'([^']+)'\s*\)\s*==\s*(?:nil|null|empty)\b/g;

/**
 * The fields that, once filled, lift this field's requirement: those its MVEL `requiredOn` rule waits
 * on being blank. The STP spec writes "guardian UIN or RID" as MOSIP's samples do, each required
 * `… && (identity.get('<other>') == nil || identity.get('<other>') == empty)`, so when both are
 * blank both are required, and the message should say that either one is enough.
 */
export function requiredAlternatives(field: UiField, fields: readonly UiField[]): UiField[] {
  const rule = (field.requiredOn ?? []).find((r) => r.engine.toUpperCase() === 'MVEL' && r.expr);
  if (!rule) return [];
  const ids = new Set([...rule.expr.matchAll(WHILE_BLANK)].map((m) => m[1]).filter((id) => id !== field.id));
  return fields.filter((f) => ids.has(f.id));
}

/** Which biometric attributes a field asks for, and the rule the captured set must satisfy. */
export interface BioRequirement {
  readonly attributes: readonly BioAttribute[];
  /** MVEL over attribute names; undefined means "every attribute above" */
  readonly validationExpr?: string;
}

/**
 * The conditional entry that applies, in MOSIP's order (RS `BioServiceImpl`/`GenericBiometricsController`):
 * the first of (this age group, ALL processes), (ALL ages, this process), (ALL, ALL). We also accept an
 * entry naming both this age group and this process, which MOSIP's filter skips.
 */
function conditionalFor(field: UiField, ageGroup: string | null, process: string): ConditionalBioAttributes | undefined {
  const list = field.conditionalBioAttributes ?? [];
  const is = (a: string, b: string | null) => b !== null && a.toUpperCase() === b.toUpperCase();
  return list.find((c) => is(c.ageGroup, ageGroup) && (is(c.process, 'ALL') || is(c.process, process)))
    ?? list.find((c) => is(c.ageGroup, 'ALL') && is(c.process, process))
    ?? list.find((c) => is(c.ageGroup, 'ALL') && is(c.process, 'ALL'));
}

/** The biometrics a field requires for this age group and process. */
export function bioRequirement(field: UiField, ageGroup: string | null, process: string): BioRequirement {
  const conditional = conditionalFor(field, ageGroup, process);
  if (conditional) return { attributes: conditional.bioAttributes, validationExpr: conditional.validationExpr };
  return { attributes: field.bioAttributes ?? [] };
}

/**
 * Whether the captured and excepted attributes meet the requirement. An exception counts as
 * accounted for (MOSIP writes an empty BIR and a proof of exception for it).
 * @throws AppError ERR_REG_RULE_SYNTAX for a `validationExpr` outside the supported subset.
 */
export function bioRequirementMet(requirement: BioRequirement, captured: readonly BioAttribute[], exceptions: readonly BioAttribute[]): boolean {
  const done = new Set<string>([...captured, ...exceptions]);
  if (requirement.validationExpr === undefined) return requirement.attributes.every((a) => done.has(a));
  // every MOSIP attribute name is a variable, so an expression naming one outside the list is false, not an error
  const context = Object.fromEntries(BioAttribute.options.map((a) => [a, done.has(a)]));
  return isRuleTrue(requirement.validationExpr, context);
}

/**
 * The required attributes neither captured nor marked missing, in the requirement's order: what the
 * operator still has to capture (or mark missing) when the requirement is not met.
 */
export function bioMissing(requirement: BioRequirement, captured: readonly BioAttribute[], exceptions: readonly BioAttribute[]): BioAttribute[] {
  const done = new Set<string>([...captured, ...exceptions]);
  return requirement.attributes.filter((a) => !done.has(a));
}
