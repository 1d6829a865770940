// The model's own advice (APIXO's Wan 2.5 tips), where the prompt is written.

import { Icon } from '../../components/Icon';
import { useTranslation } from '../../i18n/use-translation';

const TIPS = ['scene', 'motion', 'camera', 'specific'] as const;

export function PromptTips() {
  const { t } = useTranslation();
  return (
    <section className="tips" aria-labelledby="tips-title">
      <h2 id="tips-title" className="tips-title">
        <Icon name="info" size={14} />
        {t('generate.tips.title')}
      </h2>
      <ul>
        {TIPS.map((tip) => (
          <li key={tip}>{t(`generate.tips.${tip}`)}</li>
        ))}
      </ul>
    </section>
  );
}
