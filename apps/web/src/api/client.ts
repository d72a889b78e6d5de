import createClient, { type Middleware } from 'openapi-fetch';
import { ApiProblem, problemFromResponse } from './problem.ts';
import type { paths } from './schema';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// The CSRF token of the current session; it arrives with login and /me and must be echoed on every write.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const csrfAndProblems: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method) && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
  async onResponse({ response }) {
    if (!response.ok) throw new ApiProblem(await problemFromResponse(response));
    return response;
  },
};

/** Typed client of the steerco API; failed calls reject with an `ApiProblem`. */
export const api = createClient<paths>({ credentials: 'same-origin' });
api.use(csrfAndProblems);

/**
 * The body of a successful call. The middleware already threw on errors, so a missing body means the server
 * answered something the schema does not describe.
 */
export function dataOf<T>(result: { data?: T }): T {
  if (result.data === undefined) throw new Error('The API answered without the expected body');
  return result.data;
}
