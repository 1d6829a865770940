// "Add clips": the project's finished videos, newest first; the chosen ones go to the end in the
// order they were ticked.
import { useEffect, useState } from 'react';
import type { GenerationRecord } from '../../../shared/contract/contract';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/Icon';
import { useTranslation } from '../../i18n/use-translation';
import { formatSeconds } from '../../lib/format';
import { posterUrl } from '../../lib/media';
import { useApp } from '../../state/app';
import { titleOf } from '../../state/bulk-actions';
import { loadPickable } from '../../state/sequences';
import { PosterImage } from '../library/PosterImage';

export function ClipPicker(props: {
  open: boolean;
  projectId: string | null;
  onClose(): void;
  onAdd(ids: string[]): void;
}) {
  const { t } = useTranslation();
  const mediaBase = useApp((state) => state.info?.mediaBaseUrl);
  const [items, setItems] = useState<GenerationRecord[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  useEffect(() => {
    if (!props.open) return;
    setChosen([]);
    setItems(null);
    void loadPickable(props.projectId).then(setItems);
  }, [props.open, props.projectId]);
  const toggle = (id: string) =>
    setChosen((now) => (now.includes(id) ? now.filter((other) => other !== id) : [...now, id]));

  return (
    <Dialog
      open={props.open}
      title={t('sequences.picker.title')}
      width="md"
      onClose={props.onClose}
      footer={
        <>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button
            tone="primary"
            disabled={chosen.length === 0}
            onClick={() => {
              props.onAdd(chosen);
              props.onClose();
            }}
          >
            {t('sequences.picker.add', { count: chosen.length })}
          </Button>
        </>
      }
    >
      {items === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('sequences.picker.none')}</p>
      ) : (
        <ul className="clip-picker" data-testid="clip-picker">
          {items.map((record) => {
            const order = chosen.indexOf(record.id);
            return (
              <li key={record.id}>
                <label className="clip-picker-item">
                  <input type="checkbox" checked={order >= 0} onChange={() => toggle(record.id)} />
                  <span className="clip-picker-poster">
                    <PosterImage
                      src={posterUrl(mediaBase, record)}
                      fallback={<Icon name="film" size={16} />}
                    />
                  </span>
                  <span className="clip-picker-title">{titleOf(record)}</span>
                  <span className="muted">
                    {record.video?.durationMs ? formatSeconds(record.video.durationMs) : ''}
                    {order >= 0 ? ` · #${order + 1}` : ''}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </Dialog>
  );
}
