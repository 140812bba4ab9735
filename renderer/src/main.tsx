import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/cyrillic-400.css';
import '@fontsource/noto-sans/cyrillic-700.css';
import '@fontsource/noto-sans/cyrillic-ext-400.css';
import '@fontsource/noto-sans/cyrillic-ext-700.css';
import './styles/base.css';
import './styles/forms.css';
import './styles/layout.css';
import './styles/overlays.css';
import './styles/tables.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { ApiProvider } from './api/ApiProvider';
import { createBridgeTransport, type Transport } from './api/transport';
import { createWebSocketTransport, harnessSocketUrl, takeHarnessToken } from './api/ws-transport';
import { App } from './App';
import { createI18n } from './i18n/createI18n';
import { SessionProvider } from './session/SessionProvider';
import { Splash } from './ui/Splash';

/** Electron's preload bridge when present; otherwise the browser harness's WebSocket. */
function pickTransport(): Transport | null {
  if (window.deskApi) return createBridgeTransport(window.deskApi);
  const token = takeHarnessToken(window.location, window.sessionStorage, window.history);
  return token ? createWebSocketTransport(harnessSocketUrl(window.location, token)) : null;
}

async function start(): Promise<void> {
  const rootElement = document.getElementById('root');
  if (!rootElement) return;
  // Russian until the core says which language this desk uses (app.info, before login).
  const i18n = await createI18n('ru');
  const syncDocument = () => {
    document.documentElement.lang = i18n.language;
    document.title = i18n.t('common:appName');
  };
  i18n.on('languageChanged', syncDocument);
  syncDocument();

  const transport = pickTransport();
  createRoot(rootElement).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        {transport ? (
          <ApiProvider transport={transport}>
            <SessionProvider>
              <App />
            </SessionProvider>
          </ApiProvider>
        ) : (
          <Splash kind="noToken" />
        )}
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
