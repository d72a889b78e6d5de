import { Id } from '@steerco/contract/common';
import {
  AdHocRequestBody,
  CreateRegimeBody,
  DecideReportBody,
  DueReportList,
  FigureRecords,
  OpenReportBody,
  Period,
  Regime,
  RegimeList,
  Report,
  Rollup,
  UpdateReportBody,
} from '@steerco/contract/reports';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hook.ts';
import type { ModuleOptions } from '../../http/module.ts';
import { getReport, openReport, reportFigureRecords, updateReport } from './drafting.service.ts';
import {
  createRegime,
  getRegime,
  listFigureSources,
  listPeriods,
  listRegimes,
  requestAdHocReport,
} from './regimes.service.ts';
import { dueReports, periodRollup } from './rollup.service.ts';
import { exportRollupXlsx } from './rollup-xlsx.ts';
import { decideReport, submitReport } from './submission.service.ts';

const P = z.object({ id: Id }).strict();
const tags = ['Báo cáo'];
// Rights depend on the reporter and the recipient committees: decided in the services (reports.policy.ts).
const config = { permission: 'authenticated' as const };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const reportRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db }) => {
  app.get('/report-figure-sources', {
    config,
    schema: {
      tags,
      summary: 'Các số liệu có thể tự điền vào biểu báo cáo, theo nguồn',
      response: {
        200: z.object({ items: z.array(z.object({ source: z.string(), keys: z.array(z.string()) })) }),
      },
    },
    handler: () => listFigureSources(db),
  });
  app.post('/committees/:id/report-regimes', {
    config,
    schema: {
      tags,
      summary: 'Ban hành chế độ báo cáo cho các Ban Chỉ đạo cấp dưới trực tiếp',
      params: P,
      body: CreateRegimeBody,
      response: { 201: Regime },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await createRegime(db, requireActor(req), req.params.id, req.body)),
  });
  app.get('/committees/:id/report-regimes', {
    config,
    schema: {
      tags,
      summary: 'Chế độ báo cáo Ban Chỉ đạo đã ban hành hoặc phải thực hiện',
      params: P,
      response: { 200: RegimeList },
    },
    handler: (req) => listRegimes(db, requireActor(req), req.params.id),
  });
  app.get('/committees/:id/reports/due', {
    config,
    schema: {
      tags,
      summary: 'Các kỳ báo cáo Ban Chỉ đạo phải gửi: hạn gửi và tình trạng',
      params: P,
      response: { 200: DueReportList },
    },
    handler: (req) => dueReports(db, requireActor(req), req.params.id),
  });
  app.get('/report-regimes/:id', {
    config,
    schema: { tags, summary: 'Chế độ báo cáo', params: P, response: { 200: Regime } },
    handler: (req) => getRegime(db, requireActor(req), req.params.id),
  });
  app.get('/report-regimes/:id/periods', {
    config,
    schema: {
      tags,
      summary: 'Các kỳ báo cáo: kỳ chốt số liệu và hạn gửi',
      params: P,
      response: { 200: z.object({ items: z.array(Period) }) },
    },
    handler: (req) => listPeriods(db, requireActor(req), req.params.id),
  });
  app.post('/report-regimes/:id/ad-hoc', {
    config,
    schema: {
      tags,
      summary: 'Yêu cầu báo cáo đột xuất tới mọi đơn vị báo cáo',
      params: P,
      body: AdHocRequestBody,
      response: { 201: Period },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await requestAdHocReport(db, requireActor(req), req.params.id, req.body)),
  });
  app.post('/report-periods/:id/reports', {
    config,
    schema: {
      tags,
      summary: 'Mở báo cáo của kỳ: dự thảo tự điền số liệu từ hồ sơ trong kỳ chốt số liệu',
      params: P,
      body: OpenReportBody,
      response: { 200: Report },
    },
    handler: (req) => openReport(db, requireActor(req), req.params.id, req.body.reporterCommitteeId),
  });
  app.get('/report-periods/:id/rollup', {
    config,
    schema: {
      tags,
      summary: 'Bảng tổng hợp: các đơn vị báo cáo × chỉ tiêu, ai chưa gửi, gửi muộn',
      params: P,
      response: { 200: Rollup },
    },
    handler: (req) => periodRollup(db, requireActor(req), req.params.id),
  });
  app.get('/report-periods/:id/rollup.xlsx', {
    config,
    schema: { tags, summary: 'Xuất bảng tổng hợp ra Excel', params: P },
    handler: async (req, reply) => {
      const file = await exportRollupXlsx(db, requireActor(req), req.params.id);
      const name = 'tong-hop-bao-cao.xlsx';
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(file);
    },
  });
  app.get('/reports/:id', {
    config,
    schema: {
      tags,
      summary: 'Báo cáo: số liệu, điều chỉnh, nội dung, phiên bản',
      params: P,
      response: { 200: Report },
    },
    handler: (req) => getReport(db, requireActor(req), req.params.id),
  });
  app.patch('/reports/:id', {
    config,
    schema: {
      tags,
      summary: 'Sửa nội dung báo cáo và điều chỉnh số liệu (kèm ghi chú)',
      params: P,
      body: UpdateReportBody,
      response: { 200: Report },
    },
    handler: (req) => updateReport(db, requireActor(req), req.params.id, req.body),
  });
  app.post('/reports/:id/submit', {
    config,
    schema: {
      tags,
      summary: 'Gửi báo cáo lên cấp trên (khóa phiên bản)',
      params: P,
      response: { 200: Report },
    },
    handler: (req) => submitReport(db, requireActor(req), req.params.id),
  });
  app.post('/reports/:id/decision', {
    config,
    schema: {
      tags,
      summary: 'Cấp trên tiếp nhận hoặc trả lại báo cáo (kèm ý kiến)',
      params: P,
      body: DecideReportBody,
      response: { 200: Report },
    },
    handler: (req) => decideReport(db, requireActor(req), req.params.id, req.body),
  });
  app.get('/reports/:id/figures/:key', {
    config,
    schema: {
      tags,
      summary: 'Các hồ sơ được đếm trong một số liệu của báo cáo',
      params: z.object({ id: Id, key: z.string().max(64) }).strict(),
      response: { 200: FigureRecords },
    },
    handler: (req) => reportFigureRecords(db, requireActor(req), req.params.id, req.params.key),
  });
};
