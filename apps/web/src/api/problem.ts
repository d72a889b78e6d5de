import type { Problem } from '@steerco/contract/problem';

/**
 * A non-2xx answer of our API, carrying its RFC 9457 problem body. Every failed call made through `api` throws
 * one, so components and the error boundary can show the server's Vietnamese `title` and `detail`.
 */
export class ApiProblem extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiProblem';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

export const isApiProblem = (error: unknown): error is ApiProblem => error instanceof ApiProblem;

/** True for a problem with one of the given codes, e.g. `hasProblemCode(err, 'auth.required')`. */
export const hasProblemCode = (error: unknown, ...codes: string[]): error is ApiProblem =>
  isApiProblem(error) && codes.includes(error.code);

/**
 * Reads a problem from a failed response. Proxies and crashed servers may answer with HTML or nothing at all;
 * those become a generic problem with the HTTP status, so callers always get the same shape.
 */
export async function problemFromResponse(response: Response): Promise<Problem> {
  const fallback: Problem = {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    code: `http.${response.status}`,
  };
  try {
    const body: unknown = await response.clone().json();
    if (body && typeof body === 'object' && 'title' in body && 'code' in body) {
      return { ...fallback, ...(body as Partial<Problem>) } as Problem;
    }
  } catch {
    // Not JSON: keep the fallback.
  }
  return fallback;
}

/**
 * The field errors of a problem, keyed by form field: `errors[].path` without its `body.` prefix. Some codes
 * describe one field without an `errors[]` entry (a 409 on a taken username); `fieldOfCode` names that field.
 */
export function fieldErrorsOf(
  error: unknown,
  fieldOfCode: Record<string, string> = {},
): Record<string, string> {
  if (!isApiProblem(error)) return {};
  const result: Record<string, string> = {};
  for (const item of error.problem.errors ?? []) {
    const field = item.path.replace(/^body\./, '');
    result[field] ??= item.message;
  }
  const codeField = fieldOfCode[error.code];
  if (codeField) result[codeField] ??= error.problem.title;
  return result;
}
