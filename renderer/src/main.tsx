// The renderer's entry: the theme before the first paint, then the app (or one clear line when opened outside Folio).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { LibraryProvider } from './hooks/useLibrary.js';
import { ToastProvider } from './hooks/useToasts.js';
import { hasFolio } from './lib/folio.js';
import { installNoteFlushing } from './lib/notes.js';
import { initTheme } from './lib/theme.js';
import './styles/theme.css';
import './styles/app.css';
import './styles/actions.css';

initTheme();

const container = document.getElementById('root');
if (!container) throw new Error('#root missing');
const root = createRoot(container);

if (!hasFolio()) {
  root.render(
    <div className="no-bridge" role="alert">
      <h1>Folio cannot reach its library</h1>
      <p>This page must be opened by the Folio app (window.folio is missing).</p>
    </div>,
  );
} else {
  installNoteFlushing();
  root.render(
    <StrictMode>
      <ToastProvider>
        <LibraryProvider>
          <App />
        </LibraryProvider>
      </ToastProvider>
    </StrictMode>,
  );
}
