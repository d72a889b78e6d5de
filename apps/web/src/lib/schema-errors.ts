/**
 * Client-side validation with the contract's Zod schemas: the same rules the server applies, with messages in
 * the user's language. Only the shape of a Zod issue is relied on, so the web app needs no Zod of its own.
 */
export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  format?: string;
}

export interface SafeParser {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: SchemaIssue[] } };
}

/** The texts the issues are translated into; `t` of react-i18next fits. */
export type IssueMessages = (
  key:
    | 'common.required'
    | 'validation.tooLong'
    | 'validation.tooSmall'
    | 'validation.tooBig'
    | 'validation.minItems'
    | 'validation.date'
    | 'validation.choose'
    | 'validation.invalid',
  values?: Record<string, unknown>,
) => string;

function messageOf(issue: SchemaIssue, t: IssueMessages): string {
  switch (issue.code) {
    case 'invalid_type':
      return t('common.required');
    case 'too_small':
      if (issue.origin === 'string') return t('common.required');
      if (issue.origin === 'array') return t('validation.minItems', { min: issue.minimum });
      return t('validation.tooSmall', { min: issue.minimum });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { max: issue.maximum });
      return t('validation.tooBig', { max: issue.maximum });
    case 'invalid_format':
      return issue.format === 'date' ? t('validation.date') : t('validation.invalid');
    case 'invalid_value':
      return t('validation.choose');
    // Refinements carry the contract's own (Vietnamese) message.
    case 'custom':
      return issue.message;
    default:
      return t('validation.invalid');
  }
}

/**
 * The errors of `value` against `schema`, keyed by dotted path as Mantine forms name their fields
 * (`appointingDecision.number`, `duties.0.text`); the first issue of each field wins.
 */
export function schemaErrors(schema: SafeParser, value: unknown, t: IssueMessages): Record<string, string> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= messageOf(issue, t);
  }
  return errors;
}

/** Empty text is "not given": `undefined` for required fields (so the message says so), trimmed otherwise. */
export const textOrUndefined = (value: string) => value.trim() || undefined;

/** Optional text: empty means "none" (null) to the API. */
export const textOrNull = (value: string) => value.trim() || null;
