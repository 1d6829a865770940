// Which `window.studio` the UI talks to. Electron's preload provides one; an ordinary browser
// (the browser host, used by Playwright) builds it over a WebSocket. The rest of the renderer
// imports `studio` from here and never knows which host it runs in.
import type { StudioApi } from '../../shared/contract/contract';
import type { SendFiles, StudioFiles } from '../../shared/contract/file-refs';
import { uploadFiles } from './upload-files';
import { type ConnectionState, connectWsStudio } from './ws-client';

declare global {
  interface Window {
    studio?: StudioApi & { files?: StudioFiles };
  }
}

const TOKEN_KEY = 'wan-studio.token';

/**
 * The host prints a link with a one-time `#code=…`, never the token itself. Take the code out of
 * the address bar at once (a used code is worthless, but it should not be bookmarked or shared),
 * trade it for the token over a POST, and keep the token for this tab so a reload reconnects.
 */
async function takeToken(): Promise<string | null> {
  const match = /(?:^|[#&])code=([^&]+)/.exec(location.hash);
  if (!match?.[1]) return sessionStorage.getItem(TOKEN_KEY);
  history.replaceState(null, '', location.pathname + location.search);
  try {
    const response = await fetch('/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: decodeURIComponent(match[1]) }),
    });
    const { token } = (await response.json()) as { token?: unknown };
    if (!response.ok || typeof token !== 'string') throw new Error('sign-in refused');
    sessionStorage.setItem(TOKEN_KEY, token);
    return token;
  } catch {
    // A used or expired link: a token this tab already has (a reload of the first link) still works.
    return sessionStorage.getItem(TOKEN_KEY);
  }
}

function createStudio(): {
  api: StudioApi;
  /** Files travel beside the contract: by path in Electron, by HTTP upload in the browser host. */
  sendFiles: SendFiles;
  connection: {
    state(): ConnectionState;
    onState(l: (s: ConnectionState, reconnected: boolean) => void): () => void;
  };
} {
  if (window.studio) {
    // Electron: IPC never "disconnects" while the window lives.
    const files = window.studio.files;
    const sendFiles: SendFiles = files
      ? (list, kind) => files.send(list, kind)
      : async (list) => list.map((file) => ({ name: file.name, error: 'this Wan Studio cannot take files' }));
    return {
      api: window.studio,
      sendFiles,
      connection: { state: () => 'open', onState: () => () => {} },
    };
  }
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const token = takeToken();
  const url = token.then((given) =>
    given ? `${scheme}://${location.host}/ws?token=${encodeURIComponent(given)}` : null,
  );
  const ws = connectWsStudio(url);
  return { api: ws.api, sendFiles: uploadFiles(token), connection: ws };
}

const created = createStudio();

export const studio: StudioApi = created.api;
/** The host's transport for files; views use lib/send-files, which checks the size limit first. */
export const sendFilesToMain: SendFiles = created.sendFiles;
export const connection = created.connection;
export type { ConnectionState };
