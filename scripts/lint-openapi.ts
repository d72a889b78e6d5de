// `npm run lint:api`: the OpenAPI document checked by an independent linter (Redocly's "recommended" rules),
// so client generators get what they expect. Errors fail; warnings are printed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConfig, formatProblems, getTotals, lint } from '@redocly/openapi-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.join(root, 'apps/web/src/api/openapi.json');
const config = await createConfig({ extends: ['recommended'] });
const problems = await lint({ ref: file, config });
const totals = getTotals(problems);
formatProblems(problems, { format: 'stylish', totals, version: 'steerco' });
console.log(`OpenAPI lint (Redocly recommended): ${totals.errors} errors, ${totals.warnings} warnings`);
if (totals.errors > 0) process.exit(1);
