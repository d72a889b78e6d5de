import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // Every table: each module's *.schema.ts and the platform's own (audit log, secrets).
  schema: ['./src/modules/*/*.schema.ts', './src/db/*.schema.ts'],
  out: './migrations',
  casing: 'snake_case',
});
