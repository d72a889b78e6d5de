import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { viCore } from './vi.ts';
import { viPages } from './vi-pages.ts';

const vi = { ...viCore, ...viPages };

/** Every key path of a nested texts object, e.g. `users.form.username`. */
function keysOf(texts: object, prefix = ''): string[] {
  return Object.entries(texts).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`),
  );
}

function valuesOf(texts: object): string[] {
  return Object.values(texts).flatMap((value) => (typeof value === 'string' ? [value] : valuesOf(value)));
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('Vietnamese and English have the same keys', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(vi).sort());
  });

  it('no text is empty', () => {
    for (const text of [...valuesOf(vi), ...valuesOf(en)]) expect(text.trim()).not.toBe('');
  });

  it('each English text uses the same placeholders as its Vietnamese original', () => {
    // Values read once: reading them again for every key made this test quadratic (and slow on a busy machine).
    const enValues = valuesOf(en);
    const viValues = valuesOf(vi);
    const enTexts = new Map(keysOf(en).map((key, i) => [key, enValues[i]!]));
    keysOf(vi).forEach((key, i) => {
      expect(placeholders(enTexts.get(key) ?? ''), key).toEqual(placeholders(viValues[i]!));
    });
  });

  it('never shows an internal rule number (R1…R21): the texts explain the rule in words', () => {
    for (const text of [...valuesOf(vi), ...valuesOf(en)]) expect(text).not.toMatch(/\bR([1-9]|1\d|2[01])\b/);
  });

  it('cites no committee’s regulation by name in a setting every committee sees', () => {
    for (const text of valuesOf(vi.regulation.settings)) expect(text).not.toMatch(/Phúc La|Bình Định/);
  });

  it('Vietnamese texts carry their diacritics', () => {
    expect(vi.nav.dashboard).toBe('Tổng quan');
    expect(vi.login.username).toBe('Tên đăng nhập hoặc email');
    expect(vi.units.levels.commune).toBe('Xã/Phường');
  });
});
