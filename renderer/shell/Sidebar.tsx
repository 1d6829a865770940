// Navigation and projects. A project click opens the library filtered to it.

import { Icon, type IconName } from '../components/Icon';
import { useTranslation } from '../i18n/use-translation';
import { useApp, type View } from '../state/app';
import { useLibrary } from '../state/library';
import { useQueue } from '../state/queue';
import { ProjectList } from './ProjectList';

const NAV: { view: View; icon: IconName }[] = [
  { view: 'generate', icon: 'sparkles' },
  { view: 'batch', icon: 'copy' },
  { view: 'queue', icon: 'queue' },
  { view: 'library', icon: 'grid' },
  { view: 'sequences', icon: 'film' },
  { view: 'spend', icon: 'wallet' },
  { view: 'settings', icon: 'settings' },
];

export function Sidebar() {
  const { t } = useTranslation();
  const view = useApp((state) => state.view);
  const setView = useApp((state) => state.setView);
  const version = useApp((state) => state.info?.version);
  const activeCount = useQueue((state) => state.active.length);
  const setFilters = useLibrary((state) => state.setFilters);
  const projectFilter = useLibrary((state) => state.filters.projectId);

  return (
    <aside className="sidebar" aria-label={t('nav.sidebar')}>
      <div className="brand">
        <div className="brand-mark" aria-hidden="true">
          <Icon name="film" size={16} />
        </div>
        <div className="brand-text">
          <span className="brand-name">Wan Studio</span>
          <span className="brand-sub">{version ? t('nav.version', { version }) : 'Wan 2.5'}</span>
        </div>
      </div>
      <nav className="nav" aria-label={t('nav.main')}>
        {NAV.map((item) => (
          <button
            key={item.view}
            type="button"
            className="nav-item"
            data-testid={`nav-${item.view}`}
            aria-current={view === item.view ? 'page' : undefined}
            onClick={() => {
              // "Library" from the nav means the whole library, not the last project filter.
              if (item.view === 'library' && view !== 'library' && projectFilter !== undefined) {
                setFilters({ projectId: undefined });
              }
              setView(item.view);
            }}
          >
            <Icon name={item.icon} />
            <span className="nav-label">{t(`nav.${item.view}`)}</span>
            {item.view === 'queue' && activeCount > 0 ? (
              <>
                <span className="badge" aria-hidden="true">
                  {activeCount}
                </span>
                <span className="visually-hidden">{t('nav.activeCount', { count: activeCount })}</span>
              </>
            ) : null}
          </button>
        ))}
      </nav>
      <ProjectList />
    </aside>
  );
}
