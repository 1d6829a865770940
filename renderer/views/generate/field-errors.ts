// Inline errors for the Generate form (loaded on demand by use-form-check.ts: it brings zod). The rules are generationParamsSchema's (and the contract's
// batch limit); this only decides where each issue shows and words it in the UI language, with
// the numbers taken from LIMITS so the text can never disagree with the check.
import type { TFunction } from 'i18next';
import { MAX_BATCH, MIN_BATCH } from '../../../shared/contract/batch-limit';
import { createGenerationsSchema } from '../../../shared/contract/contract';
import { MODELS } from '../../../shared/domain/models';
import { generationParamsDraftSchema, generationParamsSchema, LIMITS } from '../../../shared/domain/params';
import { linkError } from '../../lib/link-message';
import { type GenerateForm, toParamsInput } from '../../state/generate';

/** The batch limit as the contract checks it. */
const COUNT = createGenerationsSchema.shape.count.unwrap();

export type FieldName =
  | 'prompt'
  | 'negativePrompt'
  | 'imageUrl'
  | 'seed'
  | 'count'
  | 'aspectRatio'
  | 'resolution'
  | 'duration';

function wordIssue(t: TFunction, form: GenerateForm, field: string, code: string, fallback: string): string {
  switch (field) {
    case 'prompt':
      if (code === 'too_small') return t('fieldErrors.promptRequired');
      if (code === 'too_big') return t('fieldErrors.promptTooLong', { max: MODELS[form.model].promptMax });
      break;
    case 'negativePrompt':
      if (code === 'too_big')
        return t('fieldErrors.negativeTooLong', { max: MODELS[form.model].negativePromptMax });
      break;
    case 'imageUrl':
      if (!form.imageUrl.trim()) return t('fieldErrors.imageRequired');
      return linkError(t, form.imageUrl, 'image') ?? t('fieldErrors.imageNotHttp');
    case 'seed':
      if (form.seed.trim() === '') return t('fieldErrors.seedMissing');
      if (code === 'invalid_type') return t('fieldErrors.seedWhole');
      return t('fieldErrors.seedRange', { max: LIMITS.seedMax });
  }
  return fallback;
}

/** Every problem with the form right now, one message per field. `images`: added reference images. */
export function validateForm(
  t: TFunction,
  form: GenerateForm,
  images = 0,
): Partial<Record<FieldName, string>> {
  const errors: Partial<Record<FieldName, string>> = {};
  const params = toParamsInput(form);
  // Added images stand in for the link; main checks them (and the link) before anything is sent.
  if (images > 0) delete params.imageUrl;
  const schema = images > 0 ? generationParamsDraftSchema : generationParamsSchema;
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'prompt') as FieldName;
      errors[field] ??= wordIssue(t, form, field, issue.code, issue.message);
    }
  }
  if (!COUNT.safeParse(form.count).success) {
    errors.count = t('fieldErrors.countRange', { min: MIN_BATCH, max: MAX_BATCH });
  } else if (images * form.count > MAX_BATCH) {
    errors.count = t('fieldErrors.batchTooBig', { images, count: form.count, max: MAX_BATCH });
  }
  return errors;
}
