import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Center,
  Grid,
  Group,
  List,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OfficialDocument } from '@steerco/contract/documents';
import {
  IconArrowBackUp,
  IconArrowLeft,
  IconCheck,
  IconDownload,
  IconEdit,
  IconSend,
  IconSignature,
  IconUpload,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { committeeQueryOptions } from '../../committees/api.ts';
import {
  type DocumentAction,
  documentPreviewQueryOptions,
  documentVersionsQueryOptions,
  docxUrl,
  fileUrl,
  pdfUrl,
  useMoveDocument,
} from '../api.ts';
import { formatIsoDate } from '../documents.ts';
import { DistributeModal } from './distribute-modal.tsx';
import { DocumentStatusBadge } from './document-badges.tsx';
import { EditorModal } from './editor-modal.tsx';
import { IssueModal } from './issue-modal.tsx';

const dateTime = (iso: string) =>
  new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

/**
 * One document: its preview (HTML laid out from the same model as the DOCX, or the PDF once made), the lifecycle
 * actions the server allows (edit, submit, approve or return, issue, distribute), downloads and who it was sent to.
 */
export function DocumentPage({ document: doc }: { document: OfficialDocument }) {
  const { t } = useTranslation();
  const committee = useQuery(committeeQueryOptions(doc.committeeId));
  const may = (p: string) => !!committee.data?.myPermissions.includes(p);
  const move = useMoveDocument(doc.id);
  const [editing, setEditing] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const [distributing, setDistributing] = useState(false);
  const outgoing = doc.direction === 'outgoing';
  const navigate = useNavigate();

  const act = (action: DocumentAction) =>
    move.mutate(action, {
      onSuccess: () => notifications.show({ color: 'green', message: t(`documents.done.${action}`) }),
    });

  return (
    <Stack gap="md">
      <Group gap="xs">
        <Anchor
          href={`/van-ban?ban=${doc.committeeId}`}
          size="sm"
          onClick={(event) => {
            // Back to this committee's register, inside the app.
            event.preventDefault();
            void navigate({ to: '/van-ban', search: { ban: doc.committeeId } as never });
          }}
        >
          <Group gap={4}>
            <IconArrowLeft size={14} />
            {t('documents.actions.back')}
          </Group>
        </Anchor>
      </Group>
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6} style={{ flex: '1 1 20rem' }}>
          <Group gap="xs">
            <Badge variant="outline">
              {doc.type ? t(`documents.types.${doc.type}`) : t('documents.direction.incoming')}
            </Badge>
            <DocumentStatusBadge status={doc.status} />
            {doc.numberText && <Badge variant="light">{doc.numberText}</Badge>}
          </Group>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
            {doc.title}
          </Title>
        </Stack>
        <Group gap="sm">
          {outgoing && doc.status === 'draft' && may('document.manage') && (
            <>
              <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
                {t('documents.actions.edit')}
              </Button>
              <Button
                leftSection={<IconUpload size={16} />}
                loading={move.isPending}
                onClick={() => act('submit')}
              >
                {t('documents.actions.submit')}
              </Button>
            </>
          )}
          {doc.status === 'submitted' && may('document.sign') && (
            <>
              <Button
                variant="default"
                leftSection={<IconArrowBackUp size={16} />}
                loading={move.isPending && move.variables === 'return'}
                onClick={() => act('return')}
              >
                {t('documents.actions.return')}
              </Button>
              <Button
                leftSection={<IconCheck size={16} />}
                loading={move.isPending && move.variables === 'approve'}
                onClick={() => act('approve')}
              >
                {t('documents.actions.approve')}
              </Button>
            </>
          )}
          {doc.status === 'approved' && may('document.manage') && (
            <Button leftSection={<IconSignature size={16} />} onClick={() => setIssuing(true)}>
              {t('documents.actions.issue')}
            </Button>
          )}
          {doc.status === 'issued' && may('document.manage') && (
            <Button leftSection={<IconSend size={16} />} onClick={() => setDistributing(true)}>
              {t('documents.actions.distribute')}
            </Button>
          )}
          {outgoing && (
            <Button
              component="a"
              href={docxUrl(doc.id)}
              variant="light"
              leftSection={<IconDownload size={16} />}
            >
              {t('documents.actions.docx')}
            </Button>
          )}
          {doc.pdfAvailable && (
            <Button
              component="a"
              href={pdfUrl(doc.id)}
              variant="light"
              leftSection={<IconDownload size={16} />}
            >
              {t('documents.actions.pdf')}
            </Button>
          )}
          {!outgoing && doc.fileId && (
            <Button
              component="a"
              href={fileUrl(doc.fileId)}
              variant="light"
              leftSection={<IconDownload size={16} />}
            >
              {t('documents.actions.attachment')}
            </Button>
          )}
        </Group>
      </Group>
      <ProblemAlert error={move.error} />
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          {outgoing ? <Preview doc={doc} /> : <IncomingDetails doc={doc} />}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <Details doc={doc} />
            {doc.status === 'issued' && <Distributions doc={doc} />}
            {outgoing && <Versions doc={doc} />}
          </Stack>
        </Grid.Col>
      </Grid>
      {outgoing && (doc.status === 'draft' || editing) && (
        <EditorModal document={doc} opened={editing} onClose={() => setEditing(false)} />
      )}
      {/* Kept mounted while open: the issue turns the status to "issued" before its success callback runs. */}
      {(doc.status === 'approved' || issuing) && (
        <IssueModal document={doc} opened={issuing} onClose={() => setIssuing(false)} />
      )}
      {doc.status === 'issued' && (
        <DistributeModal document={doc} opened={distributing} onClose={() => setDistributing(false)} />
      )}
    </Stack>
  );
}

function Preview({ doc }: { doc: OfficialDocument }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'html' | 'pdf'>('html');
  const preview = useQuery(
    documentPreviewQueryOptions(doc.id, doc.version * 10 + (doc.status === 'issued' ? 1 : 0)),
  );
  return (
    <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{t('documents.page.preview')}</Text>
        {doc.pdfAvailable && (
          <SegmentedControl
            size="xs"
            value={mode}
            onChange={(v) => setMode(v as 'html' | 'pdf')}
            data={[
              { value: 'html', label: t('documents.page.preview') },
              { value: 'pdf', label: t('documents.page.previewPdf') },
            ]}
          />
        )}
      </Group>
      {mode === 'pdf' && doc.pdfAvailable ? (
        <Box
          component="iframe"
          src={pdfUrl(doc.id, true)}
          title={doc.title}
          w="100%"
          h={900}
          style={{ border: 0 }}
        />
      ) : (
        <>
          {preview.isError && <ProblemAlert error={preview.error} onRetry={() => void preview.refetch()} />}
          {preview.isPending && (
            <Center py="xl">
              <Loader />
            </Center>
          )}
          {preview.data && <A4Page html={preview.data} />}
        </>
      )}
      {doc.status === 'issued' && !doc.pdfAvailable && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('documents.page.pdfPending')}
        </Text>
      )}
    </Paper>
  );
}

/** An A4 page at its real size (210 mm), zoomed down to fit the column so it reads like the printed page. */
const A4_PX = (210 / 25.4) * 96;

function A4Page({ html }: { html: string }) {
  const [scale, setScale] = useState(1);
  const observer = useRef<ResizeObserver | null>(null);
  const frame = useCallback((node: HTMLDivElement | null) => {
    observer.current?.disconnect();
    if (!node) return;
    const fit = () => setScale(Math.min(1, (node.clientWidth - 16) / A4_PX));
    observer.current = new ResizeObserver(fit);
    observer.current.observe(node);
    fit();
  }, []);
  return (
    <Box ref={frame} p={8} style={{ background: '#f1f3f5', borderRadius: 4, overflow: 'hidden' }}>
      <Box
        data-testid="document-preview"
        bg="white"
        mx="auto"
        style={{
          width: '210mm',
          minHeight: '297mm',
          padding: '20mm 15mm 20mm 30mm',
          boxSizing: 'border-box',
          boxShadow: '0 1px 4px rgba(0,0,0,.15)',
          zoom: scale,
        }}
        // The server escapes every text of the document; the markup is its own layout only.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: server-rendered, escaped preview
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </Box>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" ta="right">
        {children}
      </Text>
    </Group>
  );
}

function Details({ doc }: { doc: OfficialDocument }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md">
      <Stack gap="xs">
        <Text fw={600}>{t('documents.page.details')}</Text>
        <Row label={t('documents.page.number')}>{doc.numberText ?? t('documents.page.notYet')}</Row>
        <Row label={t('documents.page.issuedOn')}>
          {formatIsoDate(doc.issuedOn) || t('documents.page.notYet')}
        </Row>
        {doc.signerName && (
          <Row label={t('documents.page.signer')}>
            {doc.signerName}
            {doc.signingCapacity ? ` (${doc.signingCapacity.join(' / ')})` : ''}
          </Row>
        )}
        {doc.issuer && <Row label={t('documents.page.issuer')}>{doc.issuer}</Row>}
        {doc.deadline && <Row label={t('documents.page.deadline')}>{formatIsoDate(doc.deadline)}</Row>}
        {doc.direction === 'outgoing' && <Row label={t('documents.page.version')}>{doc.version}</Row>}
        {doc.meetingId && (
          <Row label={t('documents.page.meeting')}>
            <Anchor component={Link} to={`/cuoc-hop/${doc.meetingId}`} size="sm">
              {t('documents.page.openMeeting')}
            </Anchor>
          </Row>
        )}
      </Stack>
    </Card>
  );
}

function Distributions({ doc }: { doc: OfficialDocument }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md">
      <Text fw={600} mb="xs">
        {t('documents.page.distributions')}
      </Text>
      {doc.distributions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('documents.page.noDistributions')}
        </Text>
      ) : (
        <List size="sm" spacing={4} data-testid="distribution-list">
          {doc.distributions.map((d) => (
            <List.Item key={d.userId}>
              <Text size="sm" span fw={500}>
                {d.fullName}
              </Text>{' '}
              <Text size="xs" span c="dimmed">
                {d.email ?? t('documents.page.noEmail')} ·{' '}
                {t('documents.page.sentAt', { time: dateTime(d.sentAt) })}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

function Versions({ doc }: { doc: OfficialDocument }) {
  const { t } = useTranslation();
  const versions = useQuery(documentVersionsQueryOptions(doc.id, doc.version));
  return (
    <Card withBorder radius="md">
      <Text fw={600} mb="xs">
        {t('documents.page.versions')}
      </Text>
      <ProblemAlert error={versions.error} />
      <List size="sm" spacing={4}>
        {(versions.data ?? []).map((v) => (
          <List.Item key={v.version}>
            <Text size="sm" span fw={500}>
              {t('documents.page.versionN', { version: v.version })}
            </Text>{' '}
            <Text size="xs" span c="dimmed">
              {dateTime(v.createdAt)}
              {v.createdBy ? ` · ${v.createdBy}` : ''}
            </Text>
          </List.Item>
        ))}
      </List>
    </Card>
  );
}

function IncomingDetails({ doc }: { doc: OfficialDocument }) {
  const { t } = useTranslation();
  return (
    <Alert variant="light" color="grape">
      {doc.fileId ? t('documents.page.incomingNote') : t('documents.page.noAttachment')}
    </Alert>
  );
}
