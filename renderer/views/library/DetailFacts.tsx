// What we know about a generation, as label/value rows: every parameter, the cost estimate, the
// file, timing, and the APIXO task with its failure if any.
import type { ReactNode } from 'react';
import type { GenerationRecord } from '../../../shared/contract/contract';
import { capabilitiesOf } from '../../../shared/domain/models';
import { useTranslation } from '../../i18n/use-translation';
import { formatBytes, formatDateTime, formatSeconds, formatUsd } from '../../lib/format';
import { mediaUrl } from '../../lib/media';
import { notifyError } from '../../lib/notify';
import { useApp } from '../../state/app';
import { useProjects } from '../../state/projects';
import { useToasts } from '../../state/toasts';

export function Row({ label, children, mono }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <div className="kv-row">
      <dt>{label}</dt>
      <dd className={mono ? 'mono' : undefined}>{children}</dd>
    </div>
  );
}

/** The audio the video was made to: the library's copy plays here; a link is shown as it was sent. */
function ReferenceAudio({ record }: { record: GenerationRecord }) {
  const base = useApp((state) => state.info?.mediaBaseUrl);
  const src = mediaUrl(base, record.referenceAudioPath);
  return (
    <span className="detail-audio">
      {src ? (
        // biome-ignore lint/a11y/useMediaCaption: the user's own audio has no captions to offer
        <audio controls preload="metadata" src={src} className="audio-player" data-testid="detail-audio" />
      ) : null}
      {record.audioSource === 'url' && record.params.audioUrl ? (
        <span className="break mono">{record.params.audioUrl}</span>
      ) : null}
    </span>
  );
}

export function Parameters({ record }: { record: GenerationRecord }) {
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
        <Row label={t('library.model')}>
          {capabilitiesOf(record.model)?.label ?? record.model}{' '}
          <span className="muted mono">{record.model}</span>
        </Row>
        {record.referenceAudioPath || params.audioUrl ? (
          <Row label={t('audio.inLibrary')}>
            <ReferenceAudio record={record} />
          </Row>
        ) : null}
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

export function Timing({ record }: { record: GenerationRecord }) {
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
