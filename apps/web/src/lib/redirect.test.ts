import { describe, expect, it } from 'vitest';
import { safeRedirect } from './redirect.ts';

describe('safeRedirect', () => {
  it('keeps paths of this app', () => {
    expect(safeRedirect('/quan-tri/nguoi-dung?q=hang')).toBe('/quan-tri/nguoi-dung?q=hang');
  });

  it('refuses other sites and non-strings', () => {
    for (const value of [
      '//evil.example',
      'https://evil.example',
      '/\\evil.example',
      'quan-tri',
      42,
      undefined,
    ]) {
      expect(safeRedirect(value)).toBeUndefined();
    }
  });
});
