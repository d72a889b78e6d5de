/** `?redirect=` of the login and password pages: where to continue afterwards. */
export interface RedirectSearch {
  redirect?: string;
}

/**
 * Only paths of this app are accepted, so a crafted link cannot send a user who just logged in to another
 * site ("//evil.example", "https://…").
 */
export function safeRedirect(value: unknown): string | undefined {
  if (
    typeof value !== 'string' ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\')
  ) {
    return undefined;
  }
  return value;
}

export const parseRedirectSearch = (search: Record<string, unknown>): RedirectSearch => ({
  redirect: safeRedirect(search.redirect),
});
