import {
  Anchor,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { EvidenceRef, ParAssessment } from '@steerco/contract/indicators';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { RecordPage } from '../../../components/record-page.tsx';
import { documentsQueryOptions } from '../../documents/api.ts';
import { useParAction } from '../api.ts';
import { ParStatusBadge } from './par-section.tsx';

type Item = ParAssessment['groups'][number]['items'][number];
interface Draft {
  score: number | string;
  explanation: string;
  evidence: EvidenceRef[];
  appraised: number | string;
  reason: string;
}

const initial = (i: Item): Draft => ({
  score: i.selfScore ?? '',
  explanation: i.explanation ?? '',
  evidence: i.evidence.map((e) =>
    e.kind === 'document'
      ? { kind: 'document', documentId: e.id!, section: e.section }
      : e.kind === 'file'
        ? { kind: 'file', fileId: e.id!, section: e.section }
        : { kind: 'link', url: e.url!, section: e.section },
  ),
  appraised: i.appraisedScore ?? i.selfScore ?? '',
  reason: '',
});

/**
 * One PAR INDEX self-assessment: the unit scores each tiêu chí with evidence (a document of the register or a
 * link, with the section) or an explanation; the head submits; the committee above accepts or adjusts each
 * score with a reason, then finalises. The appraisal history stays visible to the unit.
 */
export function ParPage({ par }: { par: ParAssessment }) {
  const { t } = useTranslation();
  const action = useParAction(par.id);
  const items = par.groups.flatMap((g) => g.items);
  const parents = new Set(items.map((i) => i.indicator.parentId).filter(Boolean));
  const isLeaf = (i: Item) => !parents.has(i.indicator.id);
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(items.map((i) => [i.indicator.id, initial(i)])),
  );
  const scoring = par.allowedActions.includes('score');
  const appraising = par.allowedActions.includes('appraise');
  const docs = useQuery({ ...documentsQueryOptions(par.committeeId, {}), enabled: scoring });
  const docOptions = (docs.data?.items ?? [])
    .filter((d) => d.status === 'issued' || d.status === 'received')
    .map((d) => ({ value: d.id, label: [d.numberText, d.title].filter(Boolean).join(' — ') }));
  const set = (id: string, patch: Partial<Draft>) =>
    setDrafts((all) => ({ ...all, [id]: { ...all[id]!, ...patch } }));
  const done = (message: string) => ({ onSuccess: () => notifications.show({ color: 'green', message }) });

  const saveScores = () =>
    action.mutate(
      {
        kind: 'scores',
        body: {
          scores: items.filter(isLeaf).map((i) => {
            const d = drafts[i.indicator.id]!;
            return {
              indicatorId: i.indicator.id,
              score: d.score === '' ? null : Number(d.score),
              explanation: d.explanation.trim() || null,
              evidence: d.evidence,
            };
          }),
        },
      },
      done(t('indicators.par.saved')),
    );
  const saveAppraisal = () => {
    const scores = items.filter(isLeaf).flatMap((i) => {
      const d = drafts[i.indicator.id]!;
      const current = i.appraisedScore ?? i.selfScore;
      if (d.appraised === '' || Number(d.appraised) === current) return [];
      return [{ indicatorId: i.indicator.id, score: Number(d.appraised), reason: d.reason.trim() || null }];
    });
    if (scores.length)
      action.mutate({ kind: 'appraise', body: { scores } }, done(t('indicators.par.appraisedDone')));
  };

  return (
    <RecordPage
      back={{ to: `/ban-chi-dao/${par.committeeId}`, label: t('indicators.par.back') }}
      title={`${par.framework.name} ${par.year}`}
      description={par.committeeName}
      actions={<ParStatusBadge status={par.status} />}
    >
      <Stack gap="md">
        <Group gap="md">
          <Text fw={600} data-testid="par-total">
            {t('indicators.par.total', { self: par.selfTotal, max: par.maxTotal })}
          </Text>
          {par.finalTotal !== null && (
            <Text fw={600}>{t('indicators.par.finalTotal', { value: par.finalTotal })}</Text>
          )}
        </Group>
        <ProblemAlert error={action.error} />
        {par.groups.map((g) => (
          <Paper key={g.id} withBorder radius="md" p="md">
            <Title order={2} fz="h5" mb="sm">
              {g.name}
            </Title>
            <Stack gap="md">
              {g.items.map((i) => {
                const d = drafts[i.indicator.id]!;
                if (!isLeaf(i))
                  return (
                    <Text key={i.indicator.id} fw={600} size="sm">
                      {i.indicator.code} {i.indicator.name}
                    </Text>
                  );
                return (
                  <Stack
                    key={i.indicator.id}
                    gap={6}
                    pl={i.indicator.parentId ? 'md' : 0}
                    data-criterion={i.indicator.code}
                  >
                    <Text size="sm">
                      {i.indicator.code} {i.indicator.name}{' '}
                      <Text span c="dimmed" size="xs">
                        ({t('indicators.par.max', { value: i.indicator.maxPoints })})
                      </Text>
                    </Text>
                    <Group gap="sm" align="flex-end" wrap="wrap">
                      <NumberInput
                        label={t('indicators.par.selfScore')}
                        w={130}
                        min={0}
                        max={i.indicator.maxPoints ?? undefined}
                        decimalScale={3}
                        readOnly={!scoring}
                        value={d.score}
                        onChange={(v) => set(i.indicator.id, { score: v })}
                      />
                      {(appraising || i.appraisedScore !== null) && (
                        <NumberInput
                          label={t('indicators.par.appraised')}
                          w={130}
                          min={0}
                          max={i.indicator.maxPoints ?? undefined}
                          decimalScale={3}
                          readOnly={!appraising}
                          value={d.appraised}
                          onChange={(v) => set(i.indicator.id, { appraised: v })}
                        />
                      )}
                      {appraising && (
                        <TextInput
                          label={t('indicators.par.reason')}
                          style={{ flex: '1 1 14rem' }}
                          value={d.reason}
                          onChange={(e) => set(i.indicator.id, { reason: e.currentTarget.value })}
                        />
                      )}
                    </Group>
                    <Evidence
                      item={i}
                      draft={d}
                      editable={scoring}
                      docOptions={docOptions}
                      onChange={(evidence) => set(i.indicator.id, { evidence })}
                    />
                    {(scoring || i.explanation) && (
                      <Textarea
                        label={t('indicators.par.explanation')}
                        autosize
                        minRows={1}
                        readOnly={!scoring}
                        value={d.explanation}
                        onChange={(e) => set(i.indicator.id, { explanation: e.currentTarget.value })}
                      />
                    )}
                    {i.history.length > 0 && (
                      <Stack gap={0}>
                        <Text size="xs" fw={600}>
                          {t('indicators.par.history')}
                        </Text>
                        {i.history.map((h) => (
                          <Text key={h.at + h.to} size="xs" data-testid="appraisal-line">
                            {t('indicators.par.historyLine', {
                              from: h.from ?? '—',
                              to: h.to,
                              reason: h.reason ?? t('indicators.par.accepted'),
                              name: h.byName ?? '',
                            })}
                          </Text>
                        ))}
                      </Stack>
                    )}
                  </Stack>
                );
              })}
            </Stack>
          </Paper>
        ))}
        <Group gap="sm" justify="flex-end" wrap="wrap">
          {scoring && (
            <Button variant="default" loading={action.isPending} onClick={saveScores}>
              {t('indicators.par.save')}
            </Button>
          )}
          {par.allowedActions.includes('submit') && (
            <Button
              loading={action.isPending}
              onClick={() => action.mutate({ kind: 'submit' }, done(t('indicators.par.submitted')))}
            >
              {t('indicators.par.submit')}
            </Button>
          )}
          {appraising && (
            <Button variant="default" loading={action.isPending} onClick={saveAppraisal}>
              {t('indicators.par.appraise')}
            </Button>
          )}
          {par.allowedActions.includes('finalise') && (
            <Button
              loading={action.isPending}
              onClick={() => action.mutate({ kind: 'finalise' }, done(t('indicators.par.finalised')))}
            >
              {t('indicators.par.finalise')}
            </Button>
          )}
        </Group>
      </Stack>
    </RecordPage>
  );
}

function Evidence({
  item,
  draft,
  editable,
  docOptions,
  onChange,
}: {
  item: Item;
  draft: Draft;
  editable: boolean;
  docOptions: { value: string; label: string }[];
  onChange: (evidence: EvidenceRef[]) => void;
}) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<string | null>(null);
  const [section, setSection] = useState('');
  const labelOf = (e: EvidenceRef) =>
    e.kind === 'document'
      ? (docOptions.find((o) => o.value === e.documentId)?.label ??
        item.evidence.find((x) => x.id === e.documentId)?.label ??
        '')
      : e.kind === 'file'
        ? (item.evidence.find((x) => x.id === e.fileId)?.label ?? '')
        : e.url;
  return (
    <Stack gap={4}>
      <Text size="xs" fw={600}>
        {t('indicators.par.evidence')}
      </Text>
      {draft.evidence.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('indicators.par.noEvidence')}
        </Text>
      )}
      {draft.evidence.map((e, k) => (
        <Text key={`${e.kind}-${k}`} size="xs" data-testid="evidence">
          {e.kind === 'link' ? (
            <Anchor href={e.url} target="_blank" size="xs">
              {e.url}
            </Anchor>
          ) : (
            labelOf(e)
          )}
          {e.section ? ` (${e.section})` : ''}
        </Text>
      ))}
      {editable && (
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Select
            size="xs"
            label={t('indicators.par.document')}
            data={docOptions}
            value={doc}
            onChange={setDoc}
            searchable
            style={{ flex: '1 1 14rem' }}
          />
          <TextInput
            size="xs"
            label={t('indicators.par.section')}
            w={140}
            value={section}
            onChange={(e) => setSection(e.currentTarget.value)}
          />
          <Button
            size="xs"
            variant="light"
            disabled={!doc}
            onClick={() => {
              if (!doc) return;
              onChange([
                ...draft.evidence,
                { kind: 'document', documentId: doc, section: section.trim() || null },
              ]);
              setDoc(null);
              setSection('');
            }}
          >
            {t('indicators.par.addEvidence')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
