import { z } from 'zod';

/** RFC 9457 problem details, as every error response of the API is shaped. */
export const FieldError = z.object({
  path: z.string().describe('JSON pointer-like path of the offending field, e.g. "body.email"'),
  message: z.string(),
  code: z.string(),
});

export const Problem = z.object({
  type: z.string().describe('Stable URI identifying the error kind'),
  title: z.string().describe('Short Vietnamese summary'),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string().describe('Stable machine code, `domain.reason`'),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(FieldError).optional(),
  rowErrors: z
    .array(z.object({ row: z.number().int(), field: z.string(), message: z.string() }))
    .optional()
    .describe('Spreadsheet imports: every invalid row'),
});
export type Problem = z.infer<typeof Problem>;

/** Problem `type` URIs are `urn:steerco:problem:<code>`: stable identifiers that never move with a host name. */
export const PROBLEM_TYPE_BASE = 'urn:steerco:problem:';
