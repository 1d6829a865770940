// How to generate: size, length, framing, seed, expansion, routing, batch size and project.

import { MAX_BATCH, MIN_BATCH } from '../../../shared/contract/batch-limit';
import { aspectRatioAt } from '../../../shared/domain/model-switch';
import { MODELS } from '../../../shared/domain/models';
import type { Provider } from '../../../shared/domain/params';
import { Field } from '../../components/Field';
import { Segmented } from '../../components/Segmented';
import { Switch } from '../../components/Switch';
import { useTranslation } from '../../i18n/use-translation';
import { useGenerate } from '../../state/generate';
import { useProjects } from '../../state/projects';
import type { FieldName } from './field-errors';
import { SeedField } from './SeedField';

export function OutputOptions({ errors }: { errors: Partial<Record<FieldName, string>> }) {
  const { t } = useTranslation();
  const form = useGenerate((state) => state.form);
  const projects = useProjects((state) => state.projects);
  const { update, touch } = useGenerate.getState();
  // What the chosen model offers, from the capability table: resolutions, and ratios per resolution.
  const caps = MODELS[form.model];

  return (
    <div className="options">
      <div className="options-row">
        <Segmented
          label={t('generate.resolution')}
          value={form.resolution}
          options={caps.resolutions.map((resolution) => ({
            value: resolution,
            label: resolution,
            hint: t(`generate.resHint.${resolution}`),
          }))}
          onChange={(resolution) =>
            update({ resolution, aspectRatio: aspectRatioAt(form.model, resolution, form.aspectRatio) })
          }
        />
        <Segmented
          label={t('generate.duration')}
          value={form.duration}
          options={[
            { value: 5, label: t('generate.seconds', { count: 5 }) },
            { value: 10, label: t('generate.seconds', { count: 10 }) },
          ]}
          onChange={(duration) => update({ duration })}
        />
      </div>
      {form.mode === 'text-to-video' ? (
        <Segmented
          label={t('generate.aspectRatio')}
          value={form.aspectRatio}
          options={caps.aspectRatios[form.resolution].map((ratio) => ({
            value: ratio,
            label: ratio,
            hint: t(`generate.aspect.${ratio}`),
          }))}
          onChange={(aspectRatio) => update({ aspectRatio })}
        />
      ) : (
        <p className="hint">{t('generate.aspectFromImage')}</p>
      )}
      <SeedField error={errors.seed} />
      <Switch
        label={t('generate.promptExpansion')}
        description={t('generate.promptExpansionHint')}
        checked={form.promptExpansion}
        onChange={(promptExpansion) => update({ promptExpansion })}
      />
      <div className="control-group">
        <Segmented<Provider>
          label={t('generate.routing')}
          value={form.provider}
          size="sm"
          options={[
            { value: 'auto', label: t('generate.provider.auto') },
            { value: 'value', label: t('generate.provider.value') },
            { value: 'official', label: t('generate.provider.official') },
          ]}
          onChange={(provider) => update({ provider })}
        />
        <p className="hint">{t(`generate.providerHint.${form.provider}`)}</p>
      </div>
      <div className="options-row">
        <Field
          label={t('generate.variations')}
          error={errors.count}
          className="field-narrow"
          hint={form.seedMode === 'fixed' && form.count > 1 ? t('generate.variationsFixedSeed') : undefined}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              type="number"
              min={MIN_BATCH}
              max={MAX_BATCH}
              step={1}
              value={Number.isNaN(form.count) ? '' : form.count}
              onChange={(event) => update({ count: event.target.valueAsNumber })}
              onBlur={() => touch('count')}
              data-testid="count"
            />
          )}
        </Field>
        <Field label={t('generate.project')} className="field-grow">
          {(control) => (
            <select
              {...control}
              className="select"
              value={form.projectId ?? ''}
              onChange={(event) => update({ projectId: event.target.value || null })}
            >
              <option value="">{t('generate.noProject')}</option>
              {projects.map((project) => (
                <option key={project.id} value={project.id}>
                  {project.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </div>
  );
}
