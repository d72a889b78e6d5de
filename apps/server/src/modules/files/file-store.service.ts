import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import * as clock from '../../clock.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { notePendingPut } from './files.repo.ts';

/** Where uploaded bytes are kept. The local disk store is the default; an S3-compatible store can implement it. */
export interface FileStore {
  put(key: string, data: Buffer): Promise<void>;
  open(key: string): Readable;
  remove(key: string): Promise<void>;
}

/**
 * The store the configuration chooses — the data directory by default, or an S3-compatible bucket — with every
 * write noted as pending until the transaction recording its file commits (see `journaledFileStore`).
 */
export function createFileStore(config: Config, db: Db): FileStore {
  return journaledFileStore(db, bytesStoreOf(config));
}

/**
 * Bytes and rows succeed or fail together (issue #17): `put` first notes the key in `file_puts_pending` on its own
 * connection, then writes the bytes; the transaction that records the file deletes the note. A rollback, a failed
 * insert or a crash leaves the note behind, and `sweepOrphanFiles` removes those bytes later.
 */
export function journaledFileStore(db: Db, bytes: FileStore): FileStore {
  return {
    async put(key, data) {
      await notePendingPut(db, key, clock.now());
      await bytes.put(key, data);
    },
    open: (key) => bytes.open(key),
    remove: (key) => bytes.remove(key),
  };
}

function bytesStoreOf(config: Config): FileStore {
  if (config.FILE_STORE === 's3') {
    return s3FileStore({
      endpoint: config.S3_ENDPOINT,
      region: config.S3_REGION,
      bucket: config.S3_BUCKET!,
      accessKeyId: config.S3_ACCESS_KEY_ID!,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY!,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
    });
  }
  return localFileStore(path.join(config.dataDir, 'files'));
}

export interface S3StoreOptions {
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

/**
 * Files as objects of one bucket of an S3-compatible service, so several server instances share them.
 * `open` returns a stream at once and fills it when the service answers, as the local store's does.
 */
export function s3FileStore(opts: S3StoreOptions): FileStore {
  const client = new S3Client({
    region: opts.region,
    ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
    forcePathStyle: opts.forcePathStyle,
    credentials: { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey },
  });
  return {
    async put(key, data) {
      await client.send(
        new PutObjectCommand({ Bucket: opts.bucket, Key: key, Body: data, ContentLength: data.length }),
      );
    },
    open(key) {
      const out = new PassThrough();
      client
        .send(new GetObjectCommand({ Bucket: opts.bucket, Key: key }))
        .then((res) => {
          const body = res.Body as Readable | undefined;
          if (!body) throw new Error(`empty object ${key}`);
          body.on('error', (err) => out.destroy(err));
          body.pipe(out);
        })
        .catch((err: Error) => out.destroy(err));
      return out;
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket: opts.bucket, Key: key }));
    },
  };
}

/** Files under `<DATA_DIR>/files/<key>`, written atomically (temp file + rename). */
export function localFileStore(root: string): FileStore {
  const full = (key: string) => {
    const p = path.resolve(root, key);
    if (!p.startsWith(path.resolve(root) + path.sep)) throw new Error('invalid storage key');
    return p;
  };
  return {
    async put(key, data) {
      const target = full(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.tmp`;
      await fs.writeFile(temp, data);
      await fs.rename(temp, target);
    },
    open: (key) => createReadStream(full(key)),
    remove: (key) => fs.rm(full(key), { force: true }),
  };
}

export interface SniffedType {
  mime: string;
  extension: string;
}

const ZIP = Buffer.from('PK\x03\x04', 'binary');

/**
 * The type of a file from its content, not its name: PDF, Word (DOCX), Excel (XLSX), PNG or JPEG.
 * Anything else is refused by the caller. Office files are ZIP archives told apart by their main part.
 */
export function sniffFileType(data: Buffer): SniffedType | null {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-')
    return { mime: 'application/pdf', extension: 'pdf' };
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return { mime: 'image/png', extension: 'png' };
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff)
    return { mime: 'image/jpeg', extension: 'jpg' };
  if (data.subarray(0, 4).equals(ZIP)) {
    // Entry names are stored uncompressed in the archive's headers.
    const names = data.toString('latin1');
    if (!names.includes('[Content_Types].xml')) return null;
    if (names.includes('word/document.xml')) {
      return {
        mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        extension: 'docx',
      };
    }
    if (names.includes('xl/workbook.xml')) {
      return { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' };
    }
  }
  return null;
}
