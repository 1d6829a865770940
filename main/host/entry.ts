// `node dist/node/host.js`: the browser host's command line. Like the CLI's entry it answers
// `--help` and bad flags from the flag table alone and loads the core (browser-host.ts) only to
// serve; V8's code cache on disk lets every start after the first skip compiling it.
//
//   node dist/node/host.js [--port 0] [--data DIR] [--library DIR] [--demo] [--demo-balance USD]
//                          [--demo-time-scale F] [--open]
// prints "Wan Studio is running at http://127.0.0.1:PORT/#code=…" (a one-time sign-in link; press
// Enter in the terminal for another) and serves until Ctrl+C.
import { spawn } from 'node:child_process';
import { enableCompileCache } from 'node:module';
import { isStudioError } from '../core/errors';
import { parseCommandLine } from '../service/command-line';
import { defaultUserDataDir } from '../service/default-paths';

enableCompileCache?.();

const HOST_OPTIONS = {
  port: { type: 'string' },
  data: { type: 'string' },
  library: { type: 'string' },
  demo: { type: 'boolean' },
  'demo-balance': { type: 'string' },
  'demo-time-scale': { type: 'string' },
  open: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const HOST_USAGE = `Usage: node dist/node/host.js [options]

Runs Wan Studio in your browser: a server on this computer (loopback only) and a one-time sign-in link.

Options
  --port N              port to listen on (default: any free port)
  --data DIR            settings and logs folder
  --library DIR         library folder (and its database)
  --demo                use the built-in APIXO simulator even when a key is set
  --demo-balance USD    the simulator's starting balance (pretend money)
  --demo-time-scale X   simulator durations × X (0.15: a 720p clip takes about 9 s)
  --open                open the sign-in link in the default browser
  --help                this text`;

function openInBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => {});
  child.unref();
}

async function runFromCommandLine(): Promise<void> {
  const { values } = parseCommandLine(process.argv.slice(2), HOST_OPTIONS, 'host.js --help');
  if (values.help) {
    process.stdout.write(`${HOST_USAGE}\n`);
    return;
  }
  const { startBrowserHost, SIGN_IN_CODE_LIFETIME_MS } = await import('./browser-host');
  // The link is printed the moment the server listens: the page loads while the core opens the
  // library. Each link carries a one-time code, never the control token: the one the launcher gets
  // (its argv is visible to everyone in `ps`) is a different code from the one printed here.
  const host = await startBrowserHost({
    port: Number(values.port ?? 0),
    userDataDir: values.data ?? defaultUserDataDir(),
    libraryDir: values.library,
    forceDemo: values.demo ?? false,
    demo: {
      balanceUsd: values['demo-balance'] === undefined ? undefined : Number(values['demo-balance']),
      timeScale: values['demo-time-scale'] === undefined ? undefined : Number(values['demo-time-scale']),
    },
    onListening({ signInUrl }) {
      process.stdout.write(`Wan Studio is running at ${signInUrl()}\n`);
      if (values.open) openInBrowser(signInUrl());
    },
  });
  const info = await host.core.info();
  process.stdout.write(
    `Library: ${info.libraryRoot}${info.demoMode ? '  (demo mode: no API key set)' : ''}\n`,
  );
  if (info.libraryProblem) process.stdout.write(`${info.libraryProblem.message}\n`);
  if (process.stdin.isTTY) {
    const minutes = SIGN_IN_CODE_LIFETIME_MS / 60_000;
    process.stdout.write(`Each link works once, for ${minutes} minutes. Press Enter for a new one.\n`);
    process.stdin.on('data', () => process.stdout.write(`${host.signInUrl()}\n`));
  }
  const stop = () => {
    void host.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

runFromCommandLine().catch((error: unknown) => {
  const message = isStudioError(error)
    ? error.userMessage
    : error instanceof Error
      ? error.message
      : String(error);
  process.stderr.write(`wan-studio host: ${message}\n`);
  process.exit(1);
});
