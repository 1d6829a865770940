// Entry point: styles, the event wiring (its first requests leave at once), the UI language's
// strings, then React.
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/shell.css';
import './styles/views.css';
import './styles/library.css';
import './styles/images.css';
import './styles/manage.css';
import './styles/batch.css';
import './styles/spend.css';
import './styles/sequences.css';
import './styles/generate-tools.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { resolveLanguage, startI18n } from './i18n';
import { warmIntl } from './lib/format';
import { applyInitialTheme } from './shell/use-theme';
import { keepGenerateDraft } from './state/generate-draft';
import { wireEvents } from './state/wire-events';
import { prefetchViews } from './views/lazy-views';

applyInitialTheme();
wireEvents();
keepGenerateDraft(() => import('./views/generate/image-store').then((module) => module.imagesForDraft()));
// ICU's set-up (the first Intl formatter, 30–100 ms) runs while the strings are on their way, not
// inside the first render (the balance chip formats a price there).
const i18nStarted = startI18n();
warmIntl(resolveLanguage(undefined) === 'ru' ? 'ru-RU' : 'en-US');
await i18nStarted;
// The views' code and words start loading now, while the first render runs: a view opened at once
// then waits for neither.
prefetchViews();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
