import { useShallow } from 'zustand/react/shallow';
import { useRegistration } from '../store/hooks';
import type { FormState } from '../store/initialState';

/** Reads the form slice through one of `formSelectors` (plain values). */
export function useForm<T>(selector: (s: FormState) => T): T {
  return useRegistration((s) => selector(s.form));
}

/** Same, for selectors that build arrays or objects (compared shallowly). */
export function useFormShallow<T>(selector: (s: FormState) => T): T {
  return useRegistration(useShallow((s) => selector(s.form)));
}
