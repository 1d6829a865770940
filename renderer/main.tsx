// Entry point: styles, i18n, the event wiring, then React.
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
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyInitialTheme } from './shell/use-theme';
import { keepGenerateDraft } from './state/generate-draft';
import { wireEvents } from './state/wire-events';
import { imagesForDraft } from './views/generate/image-store';

applyInitialTheme();
wireEvents();
keepGenerateDraft(imagesForDraft());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
