// The library runs in the browser too: src/ must not import packages or Node modules, nor read the
// machine's clock or time zone.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const sourceRoot = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('src/ purity', () => {
  const files = sourceFiles(sourceRoot);

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(
    files.map((file) => [relative(sourceRoot, file), file]),
  )('%s imports only relative modules', (_, file) => {
    const text = readFileSync(file, 'utf8');
    const specifiers = [...text.matchAll(/\bfrom\s+'([^']+)'/g)].map((match) => match[1]!);
    for (const specifier of specifiers) expect(specifier, specifier).toMatch(/^\.\.?\//);
    expect(text).not.toMatch(/\brequire\(|\bprocess\.|\bimport\(/);
  });

  it.each(files.map((file) => [relative(sourceRoot, file), file]))('%s never reads local time', (_, file) => {
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(
      /\.(getFullYear|getMonth|getDate|getDay|getHours|getTimezoneOffset|setDate|setHours|toLocale\w*)\(|Date\.now\(|new Date\(\)/,
    );
  });
});
