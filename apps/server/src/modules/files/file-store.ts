import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Config } from '../../config.ts';

/** Where uploaded bytes are kept. The local disk store is the default; an S3-compatible store can implement it. */
export interface FileStore {
  put(key: string, data: Buffer): Promise<void>;
  open(key: string): Readable;
  remove(key: string): Promise<void>;
}

/** The store the configuration chooses: the data directory by default. */
export function createFileStore(config: Config): FileStore {
  return localFileStore(path.join(config.dataDir, 'files'));
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
