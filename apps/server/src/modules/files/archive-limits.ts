import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { AppError } from '../../http/errors.ts';

const inflate = promisify(inflateRaw);

/**
 * What an Office archive (DOCX, XLSX: a ZIP) may hold before anything opens it (issue #17): a 298 KiB DOCX
 * that inflates to 300 MiB was accepted. Real documents have tens to a few hundred entries and compress XML
 * about 5–30 times.
 */
export const ARCHIVE_LIMITS = {
  maxEntries: 2_000,
  maxInflatedBytes: 100 * 1024 * 1024,
  /** Inflated size over archive size. */
  maxRatio: 200,
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function refuse(detail: string): never {
  throw new AppError('file.unsafeArchive', { detail });
}

/**
 * Checks a ZIP archive against ARCHIVE_LIMITS by reading its directory and actually inflating every entry with
 * an output cap (the sizes an archive declares may lie). Throws 422 file.unsafeArchive when a limit is passed
 * or the archive is not readable.
 */
export async function assertSafeArchive(data: Buffer, limits = ARCHIVE_LIMITS): Promise<void> {
  // The end-of-central-directory record: within the last 64 KiB + 22 bytes (its comment may be up to 64 KiB).
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 65_557); i--) {
    if (data.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) refuse('Tệp nén bị hỏng (không có thư mục tệp).');
  const entries = data.readUInt16LE(eocd + 10);
  const directoryOffset = data.readUInt32LE(eocd + 16);
  if (entries === 0xffff || directoryOffset === 0xffffffff) refuse('Tệp nén ZIP64 không được hỗ trợ.');
  if (entries > limits.maxEntries) refuse(`Tệp có ${entries} thành phần (tối đa ${limits.maxEntries}).`);
  const budget = Math.min(limits.maxInflatedBytes, data.length * limits.maxRatio);
  let total = 0;
  let at = directoryOffset;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL) refuse('Tệp nén bị hỏng.');
    const method = data.readUInt16LE(at + 10);
    const compressedSize = data.readUInt32LE(at + 20);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const local = data.readUInt32LE(at + 42);
    at += 46 + nameLength + extraLength + commentLength;
    if (local + 30 > data.length || data.readUInt32LE(local) !== LOCAL) refuse('Tệp nén bị hỏng.');
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const end = start + compressedSize;
    if (end > data.length) refuse('Tệp nén bị hỏng.');
    const remaining = budget - total;
    if (method === 0) {
      total += compressedSize;
    } else if (method === 8) {
      try {
        // One byte over the remaining budget is enough to know it is too much.
        total += (await inflate(data.subarray(start, end), { maxOutputLength: remaining + 1 })).length;
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)
          total = budget + 1;
        else refuse('Tệp nén bị hỏng.');
      }
    } else {
      refuse('Tệp nén dùng phương pháp nén không được hỗ trợ.');
    }
    if (total > budget) {
      refuse(
        `Nội dung giải nén quá lớn so với tệp (tối đa ${Math.round(limits.maxInflatedBytes / 1048576)} MiB và ${limits.maxRatio} lần dung lượng tệp).`,
      );
    }
  }
}
