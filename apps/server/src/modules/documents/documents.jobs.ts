import type { JobDeps, JobQueue } from '../../jobs/queue.ts';
import { createFileStore } from '../files/file-store.service.ts';
import { DOCUMENT_PDF_JOB, findSoffice, storeDocumentPdf } from './documents.pdf.ts';
import { docxOf } from './rendering.service.ts';

/**
 * The PDF conversion queue (issuing sends to it after commit) and, where LibreOffice is installed, its worker;
 * without LibreOffice the jobs wait and documents are offered as DOCX only.
 */
export async function registerDocumentJobs(queue: JobQueue, deps: JobDeps): Promise<void> {
  const logger = deps.logger.child({ component: 'documents' });
  await queue.createQueue(DOCUMENT_PDF_JOB, {
    policy: 'short',
    retryLimit: 2,
    retryDelaySeconds: 30,
    // Longer than the conversion timeout, so pg-boss never retries a conversion still running.
    expireInSeconds: 300,
  });
  if (!findSoffice()) {
    logger.warn('LibreOffice (soffice) is not installed: issued documents are offered as DOCX only');
    return;
  }
  const store = createFileStore(deps.config, deps.db);
  // One conversion at a time per instance: LibreOffice is heavy on a 2-core server.
  await queue.work<{ documentId: string }>(
    DOCUMENT_PDF_JOB,
    async (job) => {
      const result = await storeDocumentPdf(deps.db, store, job.data.documentId, (doc) =>
        docxOf(deps.db, doc),
      );
      logger.info({ documentId: job.data.documentId, result }, 'document PDF');
    },
    { concurrency: 1 },
  );
}
