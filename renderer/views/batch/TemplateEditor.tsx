// The prompt template and its variables: `{subject}` gets one value per line (every value is used),
// `{red|amber|teal}` is an inline choice drawn from the batch seed.

import { templateSlots } from '../../../shared/batch/template';
import { Field } from '../../components/Field';
import { useTranslation } from '../../i18n/use-translation';
import { useBatch } from '../../state/batch';

export function TemplateEditor() {
  const { t } = useTranslation();
  const plan = useBatch((state) => state.plan);
  const editPlan = useBatch((state) => state.editPlan);
  const { variables } = templateSlots(plan.template);
  return (
    <div className="batch-template">
      <Field label={t('batch.template')} hint={t('batch.templateHint')}>
        {(control) => (
          <textarea
            {...control}
            className="textarea textarea-prompt"
            data-testid="batch-template"
            rows={3}
            value={plan.template}
            onChange={(event) => editPlan({ template: event.target.value })}
          />
        )}
      </Field>
      {variables.length > 0 ? (
        <div className="batch-variables">
          {variables.map((name) => (
            <Field key={name} label={t('batch.variable', { name })} hint={t('batch.variableHint')}>
              {(control) => (
                <textarea
                  {...control}
                  className="textarea"
                  data-testid={`batch-variable-${name}`}
                  rows={3}
                  value={plan.values[name] ?? ''}
                  onChange={(event) => editPlan({ values: { ...plan.values, [name]: event.target.value } })}
                />
              )}
            </Field>
          ))}
        </div>
      ) : null}
      <Field label={t('batch.negativePrompt')}>
        {(control) => (
          <input
            {...control}
            className="input"
            value={plan.negativePrompt}
            onChange={(event) => editPlan({ negativePrompt: event.target.value })}
          />
        )}
      </Field>
    </div>
  );
}
