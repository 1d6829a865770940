// What an imported video is: its file name, length, size and picture, read from the file. No
// generation settings, because it was never generated here.

import type { GenerationRecord } from '../../../shared/contract/contract';
import { useTranslation } from '../../i18n/use-translation';
import { formatBytes, formatDateTime, formatSeconds } from '../../lib/format';
import { useProjects } from '../../state/projects';
import { Row } from './DetailFacts';

export function ImportedFacts({ record }: { record: GenerationRecord }) {
  const { t } = useTranslation();
  const project = useProjects((state) => state.projects.find((item) => item.id === record.projectId));
  const { video } = record;
  return (
    <section className="detail-section" data-testid="imported-facts">
      <h3>{t('library.importedFile')}</h3>
      <dl className="kv">
        <Row label={t('library.fileName')}>
          <span className="break">{record.sourceName ?? record.params.prompt}</span>
        </Row>
        {video?.durationMs ? (
          <Row label={t('generate.duration')}>{formatSeconds(video.durationMs)}</Row>
        ) : null}
        {video ? <Row label={t('library.size')}>{formatBytes(video.bytes)}</Row> : null}
        {video?.width && video.height ? (
          <Row label={t('library.dimensions')}>{`${video.width}×${video.height}`}</Row>
        ) : null}
        <Row label={t('generate.project')}>{project?.name ?? t('generate.noProject')}</Row>
        <Row label={t('library.importedAt')}>{formatDateTime(record.createdAt)}</Row>
      </dl>
    </section>
  );
}
