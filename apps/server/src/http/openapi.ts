import { Problem } from '@steerco/contract/problem';
import { z } from 'zod';

type Operation = {
  operationId?: string;
  summary?: string;
  responses?: Record<string, unknown>;
};
type OpenApiDocument = {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
  servers?: { url: string; description?: string }[];
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/**
 * A stable operationId from the method and the path, for client generators (issue #19): `GET
 * /api/v1/committees/{id}/members` → `getCommitteesIdMembers`. It changes only when the route itself does.
 */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .replace(/^\/api(\/v1)?/, '')
    .split(/[/{}.\-_]+/)
    .filter(Boolean);
  return method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/**
 * Completes the generated document: the servers it is served from, an operationId on every operation and the
 * problem+json shape of its 4xx and 5xx answers (every operation can answer them: validation, authorisation,
 * not found, conflicts; see http/errors.ts).
 */
export function completeOpenApi(doc: OpenApiDocument, publicUrl: string | undefined): OpenApiDocument {
  doc.servers = [{ url: publicUrl ?? '/', description: 'steerco' }];
  doc.components ??= {};
  doc.components.schemas ??= {};
  doc.components.schemas.Problem = z.toJSONSchema(Problem, { target: 'draft-2020-12' });
  const problem = {
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      op.operationId ??= operationIdOf(method, path);
      op.responses ??= {};
      op.responses['4XX'] ??= {
        description: 'Yêu cầu không hợp lệ hoặc không được phép (RFC 9457)',
        ...problem,
      };
      op.responses['5XX'] ??= { description: 'Lỗi máy chủ (RFC 9457)', ...problem };
    }
  }
  return doc;
}
