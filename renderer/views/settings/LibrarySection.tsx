// Where videos live (moving the folder moves the files; paths in the database are relative) and
// how many downloads run at once.
import { useState } from 'react';
import { type Settings, settingsSchema } from '../../../shared/contract/contract';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { useTranslation } from '../../i18n/use-translation';
import { chooseFolder } from '../../lib/choose-folder';
import { attempt, notifySuccess } from '../../lib/notify';
import { useApp } from '../../state/app';
import { studio } from '../../studio';
import { RebuildLibrary } from './RebuildLibrary';
import { useSaveSetting } from './use-save-setting';

const CONCURRENCY = settingsSchema.shape.downloadConcurrency;
const CONCURRENCY_CHOICES = Array.from(
  { length: (CONCURRENCY.maxValue ?? 1) - (CONCURRENCY.minValue ?? 1) + 1 },
  (_, i) => (CONCURRENCY.minValue ?? 1) + i,
);

export function LibrarySection({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const info = useApp((state) => state.info);
  const save = useSaveSetting();
  const [moving, setMoving] = useState(false);

  async function choose(): Promise<void> {
    const folder = await attempt(() => chooseFolder(t('settings.library.chooseTitle')));
    if (!folder) return;
    setMoving(true);
    const moved = await attempt(() => studio.library.move({ folder }));
    setMoving(false);
    if (moved) {
      useApp.setState({ info: moved });
      notifySuccess(t('settings.library.moved'), moved.libraryRoot);
    }
  }

  return (
    <>
      <div className="folder-row">
        <div className="folder-path">
          <span className="field-label">{t('settings.library.folder')}</span>
          <code className="path" data-testid="library-root">
            {info?.libraryRoot ?? '—'}
          </code>
        </div>
        <div className="folder-actions">
          <Button size="sm" icon="folder" busy={moving} onClick={() => void choose()}>
            {t('settings.library.choose')}
          </Button>
        </div>
      </div>
      <p className="hint">{t('settings.library.moveHint')}</p>
      <p className="hint">{t('settings.library.rebuildHint')}</p>
      <RebuildLibrary />
      <Field label={t('settings.library.concurrency')} hint={t('settings.library.concurrencyHint')}>
        {(control) => (
          <select
            {...control}
            className="select select-narrow"
            value={settings.downloadConcurrency}
            onChange={(event) => save({ downloadConcurrency: Number(event.target.value) })}
          >
            {CONCURRENCY_CHOICES.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
