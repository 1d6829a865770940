// Random seed (a new one per video) or a fixed one to reproduce a result; the dice picks a fixed
// seed for you.

import { IconButton } from '../../components/Button';
import { Field } from '../../components/Field';
import { Segmented } from '../../components/Segmented';
import { useTranslation } from '../../i18n/use-translation';
import { randomSeed, useGenerate } from '../../state/generate';

export function SeedField({ error }: { error: string | undefined }) {
  const { t } = useTranslation();
  const seedMode = useGenerate((state) => state.form.seedMode);
  const seed = useGenerate((state) => state.form.seed);
  const { update, touch } = useGenerate.getState();
  return (
    <div className="seed">
      <Segmented
        label={t('generate.seed')}
        value={seedMode}
        options={[
          { value: 'random', label: t('generate.seedRandom') },
          { value: 'fixed', label: t('generate.seedFixed') },
        ]}
        onChange={(mode) =>
          update(
            mode === 'fixed' && seed.trim() === ''
              ? { seedMode: mode, seed: randomSeed() }
              : { seedMode: mode },
          )
        }
      />
      {seedMode === 'fixed' ? (
        <Field label={t('generate.seedValue')} error={error}>
          {(control) => (
            <div className="input-with-button">
              <input
                {...control}
                className="input input-mono"
                inputMode="numeric"
                value={seed}
                onChange={(event) => update({ seed: event.target.value })}
                onBlur={() => touch('seed')}
                data-testid="seed"
              />
              <IconButton
                icon="dice"
                aria-label={t('generate.seedDice')}
                onClick={() => update({ seed: randomSeed() })}
              />
            </div>
          )}
        </Field>
      ) : (
        <p className="hint">{t('generate.seedRandomHint')}</p>
      )}
    </div>
  );
}
