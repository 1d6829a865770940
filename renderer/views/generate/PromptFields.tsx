// Prompt and negative prompt with live character counters measured the way the schema measures
// (trimmed), so "800 / 800" here means the request passes.

import { MODELS } from '../../../shared/domain/models';
import { Field } from '../../components/Field';
import { useTranslation } from '../../i18n/use-translation';
import { useGenerate } from '../../state/generate';
import type { FieldName } from './field-errors';

function Counter({ length, max }: { length: number; max: number }) {
  const state = length > max ? 'over' : length > max * 0.9 ? 'near' : 'ok';
  return (
    <span className={`counter counter-${state}`} aria-live={state === 'ok' ? 'off' : 'polite'}>
      {length} / {max}
    </span>
  );
}

export function PromptFields({ errors }: { errors: Partial<Record<FieldName, string>> }) {
  const { t } = useTranslation();
  const form = useGenerate((state) => state.form);
  const { update, touch } = useGenerate.getState();
  const caps = MODELS[form.model];
  const promptOptional = !caps.promptRequired[form.mode];
  return (
    <>
      <Field
        label={promptOptional ? t('generate.promptOptional') : t('generate.prompt')}
        error={errors.prompt}
        aside={<Counter length={form.prompt.trim().length} max={caps.promptMax} />}
        hint={form.mode === 'image-to-video' ? t('generate.promptHintImage') : t('generate.promptHint')}
      >
        {(control) => (
          <textarea
            {...control}
            className="textarea textarea-prompt"
            rows={7}
            value={form.prompt}
            placeholder={
              form.mode === 'image-to-video'
                ? t('generate.promptPlaceholderImage')
                : t('generate.promptPlaceholder')
            }
            onChange={(event) => update({ prompt: event.target.value })}
            onBlur={() => touch('prompt')}
            data-testid="prompt"
          />
        )}
      </Field>
      <Field
        label={t('generate.negativePrompt')}
        error={errors.negativePrompt}
        aside={<Counter length={form.negativePrompt.trim().length} max={caps.negativePromptMax} />}
        hint={t('generate.negativeHint')}
      >
        {(control) => (
          <textarea
            {...control}
            className="textarea"
            rows={2}
            value={form.negativePrompt}
            placeholder={t('generate.negativePlaceholder')}
            onChange={(event) => update({ negativePrompt: event.target.value })}
            onBlur={() => touch('negativePrompt')}
          />
        )}
      </Field>
    </>
  );
}
