// Where the next send comes from (a remix, a continuation, a frame), recorded with its videos:
// shown so it is never a surprise, and removable when the user starts something new from the form.

import { IconButton } from '../../components/Button';
import { useTranslation } from '../../i18n/use-translation';
import { formatFrameTime } from '../../lib/format';
import { useGenerate } from '../../state/generate';

export function LineageNote() {
  const { t } = useTranslation();
  const lineage = useGenerate((state) => state.lineage);
  const name = useGenerate((state) => state.lineageName);
  if (!lineage) return null;
  const at = lineage.frameMs === null ? '' : formatFrameTime(lineage.frameMs);
  return (
    <div className="lineage-note" data-testid="lineage-note">
      <span className="lineage-note-text" title={name}>
        {t(`generate.lineage.${lineage.kind}`, { name, at })}
      </span>
      <IconButton
        icon="close"
        aria-label={t('generate.lineage.forget')}
        title={t('generate.lineage.forget')}
        onClick={() => useGenerate.getState().setLineage(null)}
      />
    </div>
  );
}
