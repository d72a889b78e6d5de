import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './context.ts';

/*
 * Issue 19 (fast first load): the built web app is served precompressed (the build writes .br and .gz beside
 * each asset), hashed assets are cached for a year, index.html is never taken from a cache without asking.
 * A small dist/ of the same shape as Vite's stands in for the real build.
 */
const script = `console.log(${JSON.stringify('Ban Chỉ đạo '.repeat(200))});\n`;
const asset = '/assets/index-AbC123xY.js';
let dist: string;
let ctx: TestContext;

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'steerco-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(
    path.join(dist, 'index.html'),
    `<!doctype html><script type="module" src="${asset}"></script>`,
  );
  writeFileSync(path.join(dist, asset), script);
  writeFileSync(path.join(dist, `${asset}.br`), brotliCompressSync(script));
  writeFileSync(path.join(dist, `${asset}.gz`), gzipSync(script));
  ctx = await createTestContext({ env: { WEB_DIST_DIR: dist } });
});

afterAll(async () => {
  await ctx?.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  ctx.app.inject({
    method: 'GET',
    url,
    headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
  });

describe('the web app’s files', () => {
  it('sends a hashed asset in brotli when the browser accepts it, cached for a year', async () => {
    const res = await get(asset, 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('sends gzip to a browser without brotli, and the plain file to one that accepts neither', async () => {
    const gzipped = await get(asset, 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(script);

    const plain = await get(asset);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('answers index.html with no-cache, for the root and for any page of the app', async () => {
    for (const url of ['/', '/dang-nhap', '/nhiem-vu/0193a1b2-0000-7000-8000-000000000000']) {
      const res = await get(url, 'br, gzip');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body, url).toContain(asset);
    }
  });

  it('an unknown API path is still a 404 problem, not the app', async () => {
    const res = await get('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('the session question of the first page', () => {
  it('answers 200 with no session for a browser that is not signed in (no failing request on the login page)', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/session' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ session: null });
  });
});
