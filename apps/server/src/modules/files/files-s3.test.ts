import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/context.ts';
import { multipartFile } from '../../../test/factories.ts';
import { call, committeeWithRoles } from '../../../test/org-fixtures.ts';
import { loadConfig } from '../../config.ts';
import { s3FileStore } from './file-store.service.ts';

// A real S3-compatible server in this process (s3rver checks the request signatures like S3 does).
let s3: S3rver;
let dir: string;
let endpoint: string;
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'steerco-s3-'));
  s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: 'steerco' }],
  });
  const { port } = await s3.run();
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await s3?.close();
  rmSync(dir, { recursive: true, force: true });
});

const readAll = async (stream: NodeJS.ReadableStream) => {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
};

describe('S3-compatible file store', () => {
  it('puts, reads back and removes an object', async () => {
    const store = s3FileStore({
      endpoint,
      region: 'us-east-1',
      bucket: 'steerco',
      forcePathStyle: true,
      ...credentials,
    });
    const data = Buffer.from('%PDF-1.7\nnội dung tài liệu\n%%EOF\n');
    await store.put('0193abcd/tai-lieu.pdf', data);
    expect((await readAll(store.open('0193abcd/tai-lieu.pdf'))).equals(data)).toBe(true);
    await store.remove('0193abcd/tai-lieu.pdf');
    await expect(readAll(store.open('0193abcd/tai-lieu.pdf'))).rejects.toThrow();
  });

  it('is refused with unknown credentials: the store really signs its requests', async () => {
    const store = s3FileStore({
      endpoint,
      region: 'us-east-1',
      bucket: 'steerco',
      forcePathStyle: true,
      accessKeyId: 'KHONG-CO',
      secretAccessKey: 'sai',
    });
    await expect(store.put('x/y.pdf', Buffer.from('%PDF-'))).rejects.toThrow();
  });

  it('needs the bucket and keys when FILE_STORE=s3', () => {
    expect(() => loadConfig({ FILE_STORE: 's3' })).toThrow(/S3_BUCKET: required when FILE_STORE=s3/);
  });
});

describe('uploads with FILE_STORE=s3', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({
      seed: true,
      env: {
        FILE_STORE: 's3',
        S3_ENDPOINT: endpoint,
        S3_BUCKET: 'steerco',
        S3_ACCESS_KEY_ID: credentials.accessKeyId,
        S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      },
    });
  });
  afterAll(() => ctx?.close());

  it('keeps an uploaded report in the bucket and serves it back', async () => {
    const org = await committeeWithRoles(ctx.app, ctx.db, 's3');
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
    const { payload, contentType } = multipartFile('file', 'Báo cáo.pdf', pdf);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `${org.url}/files`,
      headers: { ...org.seats.member.session.headers, 'content-type': contentType },
      payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    const back = await call(
      ctx.app,
      org.seats.member.session,
      'GET',
      `/api/v1/files/${res.json().id}`,
      undefined,
      200,
    );
    expect(back.rawPayload.equals(pdf)).toBe(true);
    // The bytes are in the bucket's directory of the S3 server, not under the data directory.
    expect(existsSync(path.join(dir, 'steerco'))).toBe(true);
    expect(
      readdirSync(path.join(dir, 'steerco'), { recursive: true }).some((f) =>
        String(f).includes(res.json().id),
      ),
    ).toBe(true);
  });
});
