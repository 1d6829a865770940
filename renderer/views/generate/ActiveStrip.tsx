// A glance at what is cooking, under the prompt, so you can keep writing without leaving Generate.

import { Button } from '../../components/Button';
import { StatePill } from '../../components/StatePill';
import { useTranslation } from '../../i18n/use-translation';
import { useApp } from '../../state/app';
import { useQueue } from '../../state/queue';

const SHOWN = 4;

export function ActiveStrip() {
  const { t } = useTranslation();
  const active = useQueue((state) => state.active);
  const online = useApp((state) => state.network.online);
  const setView = useApp((state) => state.setView);
  if (active.length === 0) return null;
  return (
    <section className="active-strip" aria-labelledby="active-strip-title">
      <div className="section-head">
        <h2 id="active-strip-title">{t('generate.inProgress', { count: active.length })}</h2>
        <Button size="sm" tone="ghost" onClick={() => setView('queue')}>
          {t('generate.openQueue')}
        </Button>
      </div>
      <ul>
        {active
          .slice(-SHOWN)
          .reverse()
          .map((record) => (
            <li key={record.id} className="active-strip-item">
              <span className="active-strip-prompt">{record.params.prompt}</span>
              <StatePill state={record.state} offline={!online && record.state === 'queued'} />
            </li>
          ))}
      </ul>
    </section>
  );
}
