import { Id } from '@steerco/contract/common';
import {
  AppraiseBody,
  ComputedRefreshResult,
  CreateFrameworkBody,
  EnterValueBody,
  FrameworkDetail,
  FrameworkList,
  FrameworkQuery,
  ImportResult,
  IndicatorTarget,
  IndicatorValue,
  IndicatorValueList,
  NationalView,
  OpenParBody,
  ParAssessment,
  ParList,
  Ranking,
  RankingQuery,
  RejectValueBody,
  SaveParScoresBody,
  Scorecard,
  ScorecardQuery,
  SetTargetBody,
  ValuesQuery,
} from '@steerco/contract/indicators';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hook.ts';
import { AppError } from '../../http/errors.ts';
import type { ModuleOptions } from '../../http/module.ts';
import { createFramework, getFramework, listFrameworks } from './catalogue.service.ts';
import { refreshCommitteeComputed } from './computed.service.ts';
import { importValuesXlsx, valuesTemplateXlsx } from './import.service.ts';
import {
  appraiseAssessment,
  finaliseAssessment,
  getAssessment,
  listAssessments,
  openAssessment,
  saveScores,
  submitAssessment,
} from './par.service.ts';
import { getNational, getRanking, getScorecard } from './scorecard.service.ts';
import { approveValue, enterValue, listValues, rejectValue, setTarget } from './values.service.ts';

const P = z.object({ id: Id }).strict();
const PI = z.object({ id: Id, indicatorId: Id }).strict();
const tags = ['Chỉ số'];
// Rights depend on the committee, its standing agencies and the committee above: decided in the services.
const config = { permission: 'authenticated' as const };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const indicatorRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db }) => {
  app.get('/indicator-frameworks', {
    config,
    schema: {
      tags,
      summary: 'Các bộ chỉ số (theo năm)',
      querystring: FrameworkQuery,
      response: { 200: FrameworkList },
    },
    handler: (req) => listFrameworks(db, req.query.year),
  });
  app.post('/indicator-frameworks', {
    config,
    schema: {
      tags,
      summary: 'Thêm phiên bản bộ chỉ số của một năm (quản trị hệ thống)',
      body: CreateFrameworkBody,
      response: { 201: FrameworkDetail },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await createFramework(db, requireActor(req), req.body)),
  });
  app.get('/indicator-frameworks/:id', {
    config,
    schema: {
      tags,
      summary: 'Bộ chỉ số: lĩnh vực, tiêu chí, tiêu chí thành phần',
      params: P,
      response: { 200: FrameworkDetail },
    },
    handler: (req) => getFramework(db, req.params.id),
  });
  app.get('/committees/:id/scorecard', {
    config,
    schema: {
      tags,
      summary:
        'Bảng theo dõi chỉ số của Ban Chỉ đạo: chỉ tiêu, số liệu mới nhất, xu hướng, mức đạt, dự báo cuối năm',
      params: P,
      querystring: ScorecardQuery,
      response: { 200: Scorecard },
    },
    handler: (req) => getScorecard(db, requireActor(req), req.params.id, req.query.year),
  });
  app.get('/committees/:id/indicators/:indicatorId/ranking', {
    config,
    schema: {
      tags,
      summary: 'Xếp hạng các đơn vị cấp dưới theo một chỉ số, phân bố và giá trị tổng hợp',
      params: PI,
      querystring: RankingQuery,
      response: { 200: Ranking },
    },
    handler: (req) =>
      getRanking(db, requireActor(req), req.params.id, req.params.indicatorId, req.query.period),
  });
  app.get('/indicators/:id/national', {
    config,
    schema: {
      tags,
      summary: 'Toàn quốc: giá trị của các tỉnh và giá trị tổng hợp theo quy tắc của chỉ số',
      params: P,
      querystring: RankingQuery,
      response: { 200: NationalView },
    },
    handler: (req) => getNational(db, req.params.id, req.query.period),
  });
  app.post('/committees/:id/computed-indicators/refresh', {
    config,
    schema: {
      tags,
      summary:
        'Tính lại ngay các chỉ số tính từ dữ liệu của Ban (nhiệm vụ đúng hạn, quá hạn, giấy mời, báo cáo đúng hạn)',
      params: P,
      response: { 200: ComputedRefreshResult },
    },
    handler: (req) => refreshCommitteeComputed(db, requireActor(req), req.params.id),
  });
  app.put('/committees/:id/indicator-targets', {
    config,
    schema: {
      tags,
      summary: 'Giao chỉ tiêu năm (Ban Chỉ đạo cấp trên, hoặc trong kế hoạch công tác năm của Ban)',
      params: P,
      body: SetTargetBody,
      response: { 200: IndicatorTarget },
    },
    handler: (req) => setTarget(db, requireActor(req), req.params.id, req.body),
  });
  app.get('/committees/:id/indicator-values', {
    config,
    schema: {
      tags,
      summary: 'Số liệu chỉ số và lịch sử (đính chính, trả lại), mới nhất trước',
      params: P,
      querystring: ValuesQuery,
      response: { 200: IndicatorValueList },
    },
    handler: (req) => listValues(db, requireActor(req), req.params.id, req.query),
  });
  app.post('/committees/:id/indicator-values', {
    config,
    schema: {
      tags,
      summary:
        'Nhập số liệu kỳ với tài liệu kiểm chứng (đơn vị phụ trách chỉ số); chờ cơ quan thường trực phê duyệt',
      params: P,
      body: EnterValueBody,
      response: { 201: IndicatorValue },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await enterValue(db, requireActor(req), req.params.id, req.body)),
  });
  app.post('/indicator-values/:id/approve', {
    config,
    schema: { tags, summary: 'Phê duyệt số liệu chỉ số', params: P, response: { 200: IndicatorValue } },
    handler: (req) => approveValue(db, requireActor(req), req.params.id),
  });
  app.post('/indicator-values/:id/reject', {
    config,
    schema: {
      tags,
      summary: 'Trả lại số liệu chỉ số, nêu lý do',
      params: P,
      body: RejectValueBody,
      response: { 200: IndicatorValue },
    },
    handler: (req) => rejectValue(db, requireActor(req), req.params.id, req.body.reason),
  });
  app.get('/indicator-values/template.xlsx', {
    config,
    schema: { tags, summary: 'Mẫu Excel nhập số liệu chỉ số' },
    handler: async (_req, reply) =>
      reply
        .type(XLSX)
        .header('content-disposition', 'attachment; filename="mau-nhap-so-lieu-chi-so.xlsx"')
        .send(await valuesTemplateXlsx()),
  });
  app.post('/committees/:id/indicator-values/import', {
    config,
    schema: {
      tags,
      summary:
        'Nhập số liệu của Ban và các đơn vị cấp dưới từ Excel (multipart, trường "file"); có dòng lỗi thì không nhập dòng nào',
      params: P,
      response: { 200: ImportResult },
    },
    handler: async (req) => {
      const file = await req.file();
      if (!file) throw new AppError('file.required');
      const buffer = await file.toBuffer();
      if (buffer.subarray(0, 4).toString('binary') !== 'PK\x03\x04')
        throw new AppError('file.typeNotAllowed');
      return importValuesXlsx(db, requireActor(req), req.params.id, buffer);
    },
  });

  // ——— PAR INDEX self-assessment and appraisal ———
  const parTags = ['Chỉ số cải cách hành chính'];
  app.get('/committees/:id/par-assessments', {
    config,
    schema: {
      tags: parTags,
      summary: 'Các bản tự đánh giá của Ban Chỉ đạo và của các Ban Chỉ đạo cấp dưới (để thẩm định)',
      params: P,
      response: { 200: ParList },
    },
    handler: (req) => listAssessments(db, requireActor(req), req.params.id),
  });
  app.post('/committees/:id/par-assessments', {
    config,
    schema: {
      tags: parTags,
      summary: 'Mở bản tự đánh giá, chấm điểm theo bộ chỉ số của năm',
      params: P,
      body: OpenParBody,
      response: { 201: ParAssessment },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(await openAssessment(db, requireActor(req), req.params.id, req.body.frameworkId)),
  });
  app.get('/par-assessments/:id', {
    config,
    schema: {
      tags: parTags,
      summary: 'Bản tự đánh giá với tài liệu kiểm chứng và lịch sử thẩm định',
      params: P,
      response: { 200: ParAssessment },
    },
    handler: (req) => getAssessment(db, requireActor(req), req.params.id),
  });
  app.put('/par-assessments/:id/scores', {
    config,
    schema: {
      tags: parTags,
      summary: 'Tự chấm điểm tiêu chí, tài liệu kiểm chứng (văn bản, tệp, đường dẫn) hoặc giải trình',
      params: P,
      body: SaveParScoresBody,
      response: { 200: ParAssessment },
    },
    handler: (req) => saveScores(db, requireActor(req), req.params.id, req.body),
  });
  app.post('/par-assessments/:id/submit', {
    config,
    schema: {
      tags: parTags,
      summary: 'Trưởng Ban phê duyệt và gửi thẩm định',
      params: P,
      response: { 200: ParAssessment },
    },
    handler: (req) => submitAssessment(db, requireActor(req), req.params.id),
  });
  app.post('/par-assessments/:id/appraise', {
    config,
    schema: {
      tags: parTags,
      summary: 'Thẩm định: chấp nhận hoặc điều chỉnh điểm từng tiêu chí (điều chỉnh phải nêu lý do)',
      params: P,
      body: AppraiseBody,
      response: { 200: ParAssessment },
    },
    handler: (req) => appraiseAssessment(db, requireActor(req), req.params.id, req.body),
  });
  app.post('/par-assessments/:id/finalise', {
    config,
    schema: { tags: parTags, summary: 'Chốt kết quả thẩm định', params: P, response: { 200: ParAssessment } },
    handler: (req) => finaliseAssessment(db, requireActor(req), req.params.id),
  });
};
