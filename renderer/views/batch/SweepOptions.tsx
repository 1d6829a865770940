// The grid sweep: several values per setting make columns (seeds × resolution × duration × aspect
// ratio); variations and the batch seed decide the prompts drawn from the template.

import { MODELS } from '../../../shared/domain/models';
import { Field } from '../../components/Field';
import { ProjectOptions } from '../../components/ProjectOptions';
import { useTranslation } from '../../i18n/use-translation';
import { useBatch } from '../../state/batch';
import { useProjects } from '../../state/projects';

/** Batches are made with Wan 2.5: the sweep offers what that model takes. */
const WAN_25 = MODELS['wan-2-5'];

function Toggles<T extends string | number>({
  label,
  options,
  chosen,
  onChange,
  testId,
  format = String,
}: {
  label: string;
  options: readonly T[];
  chosen: readonly T[];
  onChange(next: T[]): void;
  testId: string;
  /** How a value reads in the UI language (durations: "5 s" / "5 с"). */
  format?: (option: T) => string;
}) {
  return (
    <fieldset className="batch-toggles" data-testid={testId}>
      <legend className="field-label">{label}</legend>
      <div className="chips">
        {options.map((option) => {
          const on = chosen.includes(option);
          return (
            <label key={option} className={`toggle-chip${on ? ' is-on' : ''}`}>
              <input
                type="checkbox"
                checked={on}
                // At least one value stays chosen: a sweep of nothing makes nothing.
                disabled={on && chosen.length === 1}
                onChange={() =>
                  onChange(on ? chosen.filter((value) => value !== option) : [...chosen, option])
                }
              />
              {format(option)}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

function numberIn(value: string, min: number, max: number, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) ? Math.min(Math.max(parsed, min), max) : fallback;
}

export function SweepOptions() {
  const { t } = useTranslation();
  const plan = useBatch((state) => state.plan);
  const editPlan = useBatch((state) => state.editPlan);
  const projects = useProjects((state) => state.projects);
  return (
    <div className="options">
      <Toggles
        label={t('batch.resolutions')}
        options={WAN_25.resolutions}
        chosen={plan.resolutions}
        onChange={(resolutions) => editPlan({ resolutions })}
        testId="batch-resolutions"
      />
      <Toggles
        label={t('batch.durations')}
        options={[5, 10] as const}
        chosen={plan.durations}
        onChange={(durations) => editPlan({ durations })}
        testId="batch-durations"
        format={(duration) => t('generate.seconds', { count: duration })}
      />
      <Toggles
        label={t('batch.aspectRatios')}
        options={WAN_25.aspectRatios['720p']}
        chosen={plan.aspectRatios}
        onChange={(aspectRatios) => editPlan({ aspectRatios })}
        testId="batch-aspects"
      />
      <Field label={t('batch.seeds')} hint={t('batch.seedsHint')}>
        {(control) => (
          <input
            {...control}
            className="input"
            data-testid="batch-seeds"
            inputMode="numeric"
            value={plan.seeds}
            placeholder="1, 2, 3"
            onChange={(event) => editPlan({ seeds: event.target.value })}
          />
        )}
      </Field>
      <div className="options-row">
        <Field label={t('batch.variations')} hint={t('batch.variationsHint')} className="field-narrow">
          {(control) => (
            <input
              {...control}
              className="input"
              type="number"
              min={1}
              max={50}
              value={plan.variations}
              onChange={(event) => editPlan({ variations: numberIn(event.target.value, 1, 50, 1) })}
            />
          )}
        </Field>
        <Field label={t('batch.batchSeed')} hint={t('batch.batchSeedHint')} className="field-narrow">
          {(control) => (
            <input
              {...control}
              className="input"
              type="number"
              min={0}
              value={plan.batchSeed}
              onChange={(event) => editPlan({ batchSeed: numberIn(event.target.value, 0, 2_147_483_647, 1) })}
            />
          )}
        </Field>
      </div>
      <Field label={t('batch.project')}>
        {(control) => (
          <select
            {...control}
            className="select"
            data-testid="batch-project"
            value={plan.project}
            onChange={(event) => editPlan({ project: event.target.value })}
          >
            <ProjectOptions projects={projects} none={t('generate.noProject')} by="name" />
          </select>
        )}
      </Field>
    </div>
  );
}
