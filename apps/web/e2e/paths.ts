import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Screenshots the journey leaves behind for people (and CI) to look at. */
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-results/e2e');
