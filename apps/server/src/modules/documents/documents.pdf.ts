import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Db } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { isRollback } from '../../db/pg-errors.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import type { FileStore } from '../files/file-store.service.ts';
import { recordStoredFile } from '../files/files.service.ts';
import { type DocumentRow, findDocumentRow, setPdfFile } from './documents.repo.ts';

const run = promisify(execFile);

export const DOCUMENT_PDF_JOB = 'documents.pdf';
const CONVERT_TIMEOUT_MS = 120_000;

/** The soffice executable on PATH, or null: without LibreOffice documents are offered as DOCX only. */
export function findSoffice(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = dir && path.join(dir, 'soffice');
    if (candidate && existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * DOCX → PDF with LibreOffice headless, in a temporary directory of its own with its own user profile
 * (-env:UserInstallation): two conversions at once never share a profile, which LibreOffice locks.
 */
export async function convertDocxToPdf(docx: Buffer, soffice = findSoffice()): Promise<Buffer> {
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed');
  const work = await fs.mkdtemp(path.join(tmpdir(), 'steerco-pdf-'));
  try {
    const input = path.join(work, 'document.docx');
    await fs.writeFile(input, docx);
    await run(
      soffice,
      [
        `-env:UserInstallation=file://${work}/profile`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        input,
      ],
      { env: { ...process.env, HOME: work }, timeout: CONVERT_TIMEOUT_MS, killSignal: 'SIGKILL' },
    );
    return await fs.readFile(path.join(work, 'document.pdf'));
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

/**
 * Makes and stores the PDF of an issued document, once: the row is only updated while it has no PDF, so a
 * retried or duplicated job leaves the first PDF in place (its bytes are removed if another job won).
 */
export async function storeDocumentPdf(
  db: Db,
  store: FileStore,
  documentId: string,
  docx: (doc: DocumentRow) => Promise<{ buffer: Buffer; name: string }>,
): Promise<'stored' | 'skipped'> {
  const doc = await findDocumentRow(db, documentId);
  if (!doc || doc.status !== 'issued' || doc.pdfFileId) return 'skipped';
  const { buffer, name } = await docx(doc);
  const pdf = await convertDocxToPdf(buffer);
  const id = uuidv7();
  const key = `${id.slice(0, 8)}/${id}.pdf`;
  await store.put(key, pdf);
  const stored = await db
    .transaction(async (tx) => {
      await recordStoredFile(tx, {
        id,
        committeeId: doc.committeeId,
        uploadedBy: null,
        originalName: name.replace(/\.docx$/, '.pdf'),
        mimeType: 'application/pdf',
        size: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        storageKey: key,
      });
      if (!(await setPdfFile(tx, documentId, id))) tx.rollback();
      return true;
    })
    .catch(async (err) => {
      await store.remove(key);
      if (isRollback(err)) return false;
      throw err;
    });
  return stored ? 'stored' : 'skipped';
}

/** Asks for the PDF of an issued document; after the issue commits, never failing it (the PDF is optional). */
export async function requestDocumentPdf(queue: JobQueue | null, documentId: string): Promise<void> {
  if (!queue) return;
  try {
    await queue.send(DOCUMENT_PDF_JOB, { documentId }, { singletonKey: documentId });
  } catch (err) {
    queue.logger.error({ err, documentId }, 'could not queue the PDF conversion');
  }
}
