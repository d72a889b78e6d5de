import { Id } from '@steerco/contract/common';
import { StoredFile } from '@steerco/contract/files';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hook.ts';
import { AppError } from '../../http/errors.ts';
import type { ModuleOptions } from '../../http/module.ts';
import { createFileStore } from './file-store.service.ts';
import { getCommitteeFile, uploadCommitteeFile } from './files.service.ts';

const tags = ['Tệp đính kèm'];

export const fileRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, config }) => {
  const store = createFileStore(config, db);

  app.post('/committees/:id/files', {
    config: { permission: 'authenticated', idempotent: true },
    schema: {
      tags,
      summary:
        'Tải lên tệp (PDF, DOCX, XLSX, PNG, JPEG; kiểm tra theo nội dung) cho Ban Chỉ đạo; multipart, trường "file"',
      params: z.object({ id: Id }).strict(),
      response: { 201: StoredFile },
    },
    handler: async (req, reply) => {
      const part = await req.file();
      if (!part) throw new AppError('file.required');
      const data = await part.toBuffer();
      if (!data.length) throw new AppError('file.required');
      return reply.status(201).send(
        await uploadCommitteeFile(db, store, requireActor(req), req.params.id, {
          filename: part.filename,
          data,
        }),
      );
    },
  });

  app.get('/files/:id', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'Tải tệp về', params: z.object({ id: Id }).strict() },
    handler: async (req, reply) => {
      const file = await getCommitteeFile(db, requireActor(req), req.params.id);
      return reply
        .type(file.mimeType)
        .header('content-length', file.size)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
        )
        .send(store.open(file.storageKey));
    },
  });
};
