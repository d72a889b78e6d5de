import {
  StandingAgency,
  StandingAgencyBody,
  StandingAgencyList,
  WorkingGroup,
  WorkingGroupBody,
  WorkingGroupList,
} from '@steerco/contract/agencies';
import { Id } from '@steerco/contract/common';
import {
  ActingAnswer,
  ActingQuery,
  CreateDelegationBody,
  Delegation,
  DelegationList,
} from '@steerco/contract/delegations';
import {
  DecidePersonnelChangeBody,
  PersonnelChange,
  PersonnelChangeList,
  ProposePersonnelChangeBody,
} from '@steerco/contract/personnel';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hook.ts';
import type { ModuleOptions } from '../../http/module.ts';
import { actingAnswer, createDelegation, listDelegations, revokeDelegation } from './delegations.service.ts';
import { decidePersonnelChange, listPersonnelChanges, proposePersonnelChange } from './personnel.service.ts';
import {
  addStandingAgency,
  listStandingAgencies,
  listWorkingGroups,
  removeStandingAgency,
  saveWorkingGroup,
} from './structure.service.ts';

const C = z.object({ id: Id }).strict();
const _CM = z.object({ id: Id, membershipId: Id }).strict();
const _tags = ['Ban Chỉ đạo'];
// How a committee is organised: delegations (R3, R4), standing agencies (R2), working groups (R6) and
// personnel changes (R14). A signed-in user; what each may do is decided in the services (`can`).
const config = { permission: 'authenticated' as const };

export const committeeStructureRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db }) => {
  // ——— Delegations (R3, R4) ———
  const delegationTags = ['Ủy quyền'];
  app.get('/committees/:id/delegations', {
    config,
    schema: {
      tags: delegationTags,
      summary: 'Các ủy quyền của Trưởng Ban',
      params: C,
      response: { 200: DelegationList },
    },
    handler: (req) => listDelegations(db, requireActor(req), req.params.id),
  });
  app.post('/committees/:id/delegations', {
    config,
    schema: {
      tags: delegationTags,
      summary: 'Ghi nhận ủy quyền',
      params: C,
      body: CreateDelegationBody,
      response: { 201: Delegation },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await createDelegation(db, requireActor(req), req.params.id, req.body)),
  });
  app.post('/committees/:id/delegations/:delegationId/revoke', {
    config,
    schema: {
      tags: delegationTags,
      summary: 'Thu hồi ủy quyền',
      params: z.object({ id: Id, delegationId: Id }).strict(),
      response: { 200: Delegation },
    },
    handler: (req) => revokeDelegation(db, requireActor(req), req.params.id, req.params.delegationId),
  });
  app.get('/committees/:id/acting', {
    config,
    schema: {
      tags: delegationTags,
      summary: 'Người này có được thay mặt Trưởng Ban làm việc này không?',
      params: C,
      querystring: ActingQuery,
      response: { 200: ActingAnswer },
    },
    handler: (req) => actingAnswer(db, requireActor(req), req.params.id, req.query),
  });

  // ——— Standing agencies (R2) and working groups (R6) ———
  const structureTags = ['Cơ quan thường trực, tổ giúp việc'];
  app.get('/committees/:id/standing-agencies', {
    config,
    schema: {
      tags: structureTags,
      summary: 'Cơ quan thường trực',
      params: C,
      response: { 200: StandingAgencyList },
    },
    handler: (req) => listStandingAgencies(db, requireActor(req), req.params.id),
  });
  app.post('/committees/:id/standing-agencies', {
    config,
    schema: {
      tags: structureTags,
      summary: 'Thêm cơ quan thường trực',
      params: C,
      body: StandingAgencyBody,
      response: { 201: StandingAgency },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await addStandingAgency(db, requireActor(req), req.params.id, req.body)),
  });
  app.delete('/committees/:id/standing-agencies/:agencyId', {
    config,
    schema: {
      tags: structureTags,
      summary: 'Bỏ cơ quan thường trực',
      params: z.object({ id: Id, agencyId: Id }).strict(),
      response: { 204: z.null() },
    },
    handler: async (req, reply) => {
      await removeStandingAgency(db, requireActor(req), req.params.id, req.params.agencyId);
      return reply.status(204).send(null);
    },
  });
  app.get('/committees/:id/working-groups', {
    config,
    schema: {
      tags: structureTags,
      summary: 'Tổ giúp việc và nhóm công tác',
      params: C,
      response: { 200: WorkingGroupList },
    },
    handler: (req) => listWorkingGroups(db, requireActor(req), req.params.id),
  });
  app.post('/committees/:id/working-groups', {
    config,
    schema: {
      tags: structureTags,
      summary: 'Thành lập tổ giúp việc / nhóm công tác',
      params: C,
      body: WorkingGroupBody,
      response: { 201: WorkingGroup },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await saveWorkingGroup(db, requireActor(req), req.params.id, req.body)),
  });
  app.put('/committees/:id/working-groups/:groupId', {
    config,
    schema: {
      tags: structureTags,
      summary: 'Sửa tổ giúp việc',
      params: z.object({ id: Id, groupId: Id }).strict(),
      body: WorkingGroupBody,
      response: { 200: WorkingGroup },
    },
    handler: (req) => saveWorkingGroup(db, requireActor(req), req.params.id, req.body, req.params.groupId),
  });

  // ——— Personnel changes (R14) ———
  const personnelTags = ['Thay đổi nhân sự'];
  app.get('/committees/:id/personnel-changes', {
    config,
    schema: {
      tags: personnelTags,
      summary: 'Đề xuất thay đổi nhân sự',
      params: C,
      response: { 200: PersonnelChangeList },
    },
    handler: (req) => listPersonnelChanges(db, requireActor(req), req.params.id),
  });
  app.post('/committees/:id/personnel-changes', {
    config,
    schema: {
      tags: personnelTags,
      summary: 'Đơn vị báo cáo thay đổi và đề xuất người thay thế',
      params: C,
      body: ProposePersonnelChangeBody,
      response: { 201: PersonnelChange },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await proposePersonnelChange(db, requireActor(req), req.params.id, req.body)),
  });
  app.post('/committees/:id/personnel-changes/:changeId/decide', {
    config,
    schema: {
      tags: personnelTags,
      summary: 'Trưởng Ban duyệt hoặc không duyệt',
      params: z.object({ id: Id, changeId: Id }).strict(),
      body: DecidePersonnelChangeBody,
      response: { 200: PersonnelChange },
    },
    handler: (req) =>
      decidePersonnelChange(db, requireActor(req), req.params.id, req.params.changeId, req.body),
  });
};
