// Presets: save the form's current parameters under a name, and apply, rename or delete the saved
// ones. Everything is reachable by keyboard: Enter saves a name, Escape leaves a rename.
import { type FormEvent, useEffect, useId, useState } from 'react';
import { MODELS } from '../../../shared/domain/models';
import type { Preset } from '../../../shared/domain/presets';
import { Button, IconButton } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { useTranslation } from '../../i18n/use-translation';
import { asContractError } from '../../lib/errors';
import { usePresets } from '../../state/presets';

type TFunction = ReturnType<typeof useTranslation>['t'];

export function presetSummary(t: TFunction, preset: Preset): string {
  const { params } = preset;
  return [
    MODELS[params.model].label,
    t(params.mode === 'text-to-video' ? 'generate.textToVideo' : 'generate.imageToVideo'),
    params.resolution,
    t('generate.seconds', { count: params.duration }),
    params.mode === 'text-to-video' ? params.aspectRatio : null,
    params.seedMode === 'fixed' && params.seed ? `${t('generate.seed')} ${params.seed}` : null,
    params.count > 1 ? t('presets.videos', { count: params.count }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

function RenameForm({ preset, onDone }: { preset: Preset; onDone(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(preset.name);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await usePresets.getState().rename(preset.id, name);
      onDone();
    } catch (failure) {
      setError(asContractError(failure).message);
    }
  }
  return (
    <form className="preset-rename" onSubmit={(event) => void submit(event)}>
      <label className="visually-hidden" htmlFor={id}>
        {t('presets.newName', { name: preset.name })}
      </label>
      <input
        id={id}
        className="input"
        value={name}
        // biome-ignore lint/a11y/noAutofocus: the user just asked to rename this preset
        autoFocus
        aria-invalid={error ? true : undefined}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault(); // leave the rename, not the dialog
            onDone();
          }
        }}
      />
      <Button size="sm" tone="primary" type="submit">
        {t('common.save')}
      </Button>
      <Button size="sm" onClick={onDone}>
        {t('common.cancel')}
      </Button>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

export function PresetsDialog({ open, onClose }: { open: boolean; onClose(applied: Preset | null): void }) {
  const { t } = useTranslation();
  const presets = usePresets((state) => state.presets);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const nameId = useId();

  useEffect(() => {
    if (!open) return;
    setError(null);
    setRenaming(null);
    void usePresets.getState().refresh();
  }, [open]);

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      await usePresets.getState().saveCurrent(name);
      setName('');
      setError(null);
    } catch (failure) {
      setError(asContractError(failure).message);
    }
  }

  return (
    <Dialog open={open} title={t('presets.title')} onClose={() => onClose(null)} width="md">
      <form className="preset-save" onSubmit={(event) => void save(event)}>
        <label className="field-label" htmlFor={nameId}>
          {t('presets.saveLabel')}
        </label>
        <div className="preset-save-row">
          <input
            id={nameId}
            className="input"
            value={name}
            maxLength={80}
            placeholder={t('presets.namePlaceholder')}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${nameId}-error` : undefined}
            onChange={(event) => setName(event.target.value)}
          />
          <Button type="submit" tone="primary" icon="plus">
            {t('presets.save')}
          </Button>
        </div>
        {error ? (
          <p className="field-error" id={`${nameId}-error`} role="alert">
            {error}
          </p>
        ) : (
          <p className="hint">{t('presets.saveHint')}</p>
        )}
      </form>
      {presets.length === 0 ? (
        <p className="hint preset-empty">{t('presets.empty')}</p>
      ) : (
        <ul className="preset-list" aria-label={t('presets.listLabel')}>
          {presets.map((preset) => (
            <li key={preset.id} className="preset-item">
              {renaming === preset.id ? (
                <RenameForm preset={preset} onDone={() => setRenaming(null)} />
              ) : (
                <>
                  <div className="preset-text">
                    <span className="preset-name">{preset.name}</span>
                    <span className="preset-summary">{presetSummary(t, preset)}</span>
                  </div>
                  <Button
                    size="sm"
                    tone="primary"
                    aria-label={t('presets.applyNamed', { name: preset.name })}
                    onClick={() => {
                      usePresets.getState().apply(preset);
                      onClose(preset);
                    }}
                  >
                    {t('presets.apply')}
                  </Button>
                  <IconButton
                    icon="pencil"
                    size="sm"
                    aria-label={t('presets.rename', { name: preset.name })}
                    onClick={() => setRenaming(preset.id)}
                  />
                  <IconButton
                    icon="trash"
                    size="sm"
                    aria-label={t('presets.delete', { name: preset.name })}
                    onClick={() => void usePresets.getState().remove(preset.id)}
                  />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
