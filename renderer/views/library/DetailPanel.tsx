// The inspector for one generation: the player, what to do with it, and everything we know about
// it (every parameter, the cost estimate, timing, the APIXO task and its failure if any).
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { GenerationRecord } from '../../../preload/contract';
import { Button, IconButton } from '../../components/Button';
import { StatePill } from '../../components/StatePill';
import { formatBytes, formatDateTime, formatSeconds, formatUsd } from '../../lib/format';
import { videoUrl } from '../../lib/media';
import { notifyError } from '../../lib/notify';
import { useApp } from '../../state/app';
import { useProjects } from '../../state/projects';
import { useToasts } from '../../state/toasts';
import { GenerationError } from '../queue/GenerationError';
import { exportToFolder, moveToTrash, remix, reuseSeed, reveal } from './actions';
import { NotesField, RatingStars, TagEditor } from './Curation';
import { usePoster } from './use-poster';

export function DetailPanel({ record, onClose }: { record: GenerationRecord; onClose(): void }) {
  const { t } = useTranslation();
  const mediaBase = useApp((state) => state.info?.mediaBaseUrl);
  const video = videoUrl(mediaBase, record);
  const poster = usePoster(record);
  const panelRef = useRef<HTMLElement>(null);

  // Opening another item moves focus to the panel so keyboard users land on its controls.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refocus per opened record
  useEffect(() => {
    panelRef.current?.focus({ preventScroll: true });
  }, [record.id]);

  return (
    <aside
      ref={panelRef}
      className="detail"
      aria-label={t('library.details')}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
      data-testid="detail-panel"
    >
      <header className="detail-header">
        <StatePill state={record.state} />
        <RatingStars record={record} />
        <IconButton icon="close" aria-label={t('library.closeDetails')} onClick={onClose} />
      </header>
      <div className="detail-scroll">
        <div className="player" data-ratio={record.params.aspectRatio ?? '16:9'}>
          {video ? (
            // biome-ignore lint/a11y/useMediaCaption: generated clips have no speech to caption
            <video
              key={video}
              src={video}
              poster={poster ?? undefined}
              controls
              playsInline
              preload="metadata"
              data-testid="player"
            />
          ) : (
            <div className="player-empty">{t('library.noVideo')}</div>
          )}
        </div>
        <div className="detail-actions">
          <Button size="sm" tone="primary" icon="remix" onClick={() => remix(record)}>
            {t('library.remix')}
          </Button>
          <Button
            size="sm"
            icon="dice"
            disabled={record.params.seed === undefined}
            onClick={() => reuseSeed(record)}
          >
            {t('library.reuseSeed')}
          </Button>
          <Button size="sm" icon="reveal" disabled={!record.video} onClick={() => void reveal(record)}>
            {t('library.reveal')}
          </Button>
          <Button
            size="sm"
            icon="download"
            disabled={!record.video}
            onClick={() => void exportToFolder([record])}
          >
            {t('library.export')}
          </Button>
          <Button size="sm" tone="ghost" icon="trash" onClick={() => void moveToTrash(record)}>
            {t('library.delete')}
          </Button>
        </div>
        {record.state === 'failed' || record.state === 'expired' ? <GenerationError record={record} /> : null}
        <section className="detail-section">
          <h3>{t('generate.prompt')}</h3>
          <p className="detail-prompt">{record.params.prompt}</p>
          {record.params.negativePrompt ? (
            <>
              <h3>{t('generate.negativePrompt')}</h3>
              <p className="detail-prompt muted">{record.params.negativePrompt}</p>
            </>
          ) : null}
        </section>
        <TagEditor record={record} />
        <NotesField record={record} />
        <Parameters record={record} />
        <Timing record={record} />
      </div>
    </aside>
  );
}

function Row({ label, children, mono }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <div className="kv-row">
      <dt>{label}</dt>
      <dd className={mono ? 'mono' : undefined}>{children}</dd>
    </div>
  );
}

function Parameters({ record }: { record: GenerationRecord }) {
  const { t } = useTranslation();
  const projects = useProjects((state) => state.projects);
  const { params } = record;
  const project = projects.find((item) => item.id === record.projectId);
  return (
    <section className="detail-section">
      <h3>{t('library.parameters')}</h3>
      <dl className="kv">
        <Row label={t('generate.mode')}>
          {params.mode === 'image-to-video' ? t('generate.imageToVideo') : t('generate.textToVideo')}
        </Row>
        <Row label={t('generate.resolution')}>{params.resolution}</Row>
        <Row label={t('generate.duration')}>{t('generate.seconds', { count: params.duration })}</Row>
        {params.aspectRatio ? <Row label={t('generate.aspectRatio')}>{params.aspectRatio}</Row> : null}
        <Row label={t('generate.seed')} mono>
          {params.seed ?? t('library.seedUnknown')}
        </Row>
        <Row label={t('generate.promptExpansion')}>
          {params.promptExpansion ? t('common.on') : t('common.off')}
        </Row>
        <Row label={t('generate.routing')}>{t(`generate.provider.${params.provider}`)}</Row>
        <Row label={t('library.delivery')}>{t(`library.requestType.${record.requestType}`)}</Row>
        {params.imageUrl ? (
          <Row label={t('generate.imageUrl')} mono>
            <span className="break">{params.imageUrl}</span>
          </Row>
        ) : null}
        <Row label={t('generate.project')}>{project?.name ?? t('generate.noProject')}</Row>
        <Row label={t('library.model')} mono>
          {record.model}
        </Row>
        <Row label={t('library.costEstimate')}>
          ≈ {formatUsd(record.estimatedCostUsd)}{' '}
          <span className="muted">{t('library.costEstimateNote')}</span>
        </Row>
        {record.video ? (
          <Row label={t('library.file')}>
            {formatBytes(record.video.bytes)}
            {record.video.width && record.video.height
              ? ` · ${record.video.width}×${record.video.height}`
              : ''}
          </Row>
        ) : null}
      </dl>
    </section>
  );
}

function Timing({ record }: { record: GenerationRecord }) {
  const { t } = useTranslation();
  const copyTaskId = () => {
    if (!record.taskId) return;
    navigator.clipboard
      .writeText(record.taskId)
      .then(() => useToasts.getState().show({ tone: 'success', title: t('library.copied') }), notifyError);
  };
  return (
    <section className="detail-section">
      <h3>{t('library.timing')}</h3>
      <dl className="kv">
        <Row label={t('library.created')}>{formatDateTime(record.createdAt)}</Row>
        {record.submittedAt ? (
          <Row label={t('library.submitted')}>{formatDateTime(record.submittedAt)}</Row>
        ) : null}
        {record.completedAt ? (
          <Row label={t('library.completed')}>{formatDateTime(record.completedAt)}</Row>
        ) : null}
        {record.costTimeMs !== null ? (
          <Row label={t('library.costTime')}>{formatSeconds(record.costTimeMs)}</Row>
        ) : null}
        <Row label={t('library.taskId')} mono>
          {record.taskId ? (
            <button type="button" className="link-button mono" onClick={copyTaskId} title={t('library.copy')}>
              {record.taskId}
            </button>
          ) : (
            '—'
          )}
        </Row>
        {record.failCode ? (
          <Row label={t('library.failCode')} mono>
            {record.failCode}
          </Row>
        ) : null}
        {record.failMsg ? <Row label={t('library.failMsg')}>{record.failMsg}</Row> : null}
      </dl>
    </section>
  );
}
