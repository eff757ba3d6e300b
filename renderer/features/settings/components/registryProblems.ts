import { CrvsRegistrySettings } from '../../../../schemas/crvsRegistry';

export type RegistryField = keyof CrvsRegistrySettings;
/** Which rule of the schema a field breaks, as a translation key under `settings.crvs.registry.problem`. */
export type RegistryRule = 'notUrl' | 'notHttp' | 'empty' | 'tooLong';
export type RegistryProblems = Partial<Record<RegistryField, RegistryRule>>;

const FIELDS: readonly RegistryField[] = ['searchUrl', 'tokenUrl', 'clientId'];

/**
 * Checks each field against the contract's own schema (the main process checks again), naming the
 * broken rule by the zod issue it raised, so the page can say it in the operator's language next
 * to the field instead of the schema's English.
 */
export function registryProblems(registry: CrvsRegistrySettings | null): RegistryProblems {
  const problems: RegistryProblems = {};
  if (registry === null) return problems;
  for (const field of FIELDS) {
    const issue = CrvsRegistrySettings.shape[field].safeParse(registry[field]).error?.issues[0];
    if (issue) problems[field] = ruleOf(issue.code);
  }
  return problems;
}

function ruleOf(code: string): RegistryRule {
  if (code === 'too_small') return 'empty';
  if (code === 'too_big') return 'tooLong';
  return code === 'custom' ? 'notHttp' : 'notUrl';
}

/** True when the registry as typed can be saved. */
export function registryIsValid(registry: CrvsRegistrySettings | null): boolean {
  return Object.keys(registryProblems(registry)).length === 0;
}
