import type { UseFormReturnType } from '@mantine/form';
import { fieldErrorsOf, isApiProblem } from '../api/problem.ts';

/**
 * Maps problem codes that concern one field without listing it in `errors[]` (409 `user.usernameTaken`)
 * to that field.
 */
export type FieldOfCode<Values> = Record<string, keyof Values & string>;

/** True when the form has a field at a dotted path such as `appointingDecision.number` or `duties.0.text`. */
function hasField(values: unknown, path: string): boolean {
  let node: unknown = values;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !(key in node)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

/** Puts a failed save's field errors (`errors[].path`, and `fieldOfCode`) on the form's fields. */
export function setFieldErrorsFromProblem<Values extends object>(
  form: UseFormReturnType<Values>,
  error: unknown,
  fieldOfCode: FieldOfCode<Values> = {},
): void {
  const fields = fieldErrorsOf(error, fieldOfCode);
  const values = form.getValues();
  form.setErrors(Object.fromEntries(Object.entries(fields).filter(([field]) => hasField(values, field))));
}

/** The error to show above the form's buttons, or null when one field already says it all. */
export function problemOutsideFields<Values>(error: unknown, fieldOfCode: FieldOfCode<Values> = {}): unknown {
  return isApiProblem(error) && fieldOfCode[error.code] !== undefined ? null : error;
}
