// `npm start`: builds the web app when its sources changed since the last build, then starts the server
// (embedded PostgreSQL unless DATABASE_URL is set; demo data on an empty database).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(root, 'apps/web/dist/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const sources = ['apps/web/src', 'apps/web/index.html', 'packages/contract/src', 'packages/calendar/src'].map(
  (p) => path.join(root, p),
);
const sourcesChanged = () =>
  Math.max(...sources.map((p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs))) >
  statSync(builtIndex).mtimeMs;

if (!existsSync(builtIndex) || sourcesChanged()) {
  console.log('Đang đóng gói giao diện web / building the web app…');
  execSync('npm run build --workspace @steerco/web', { cwd: root, stdio: 'inherit' });
}
await import('../apps/server/src/main.ts');
