// `wan-studio`: the same core as the desktop app, for scripts and batch work. Loaded by entry.ts only
// when a command runs, so `--help` and bad flags never import the core.
import { clockFromEnvironment } from '../core/clock';
import { APP_VERSION } from '../service/app-version';
import { defaultLibraryDir, defaultUserDataDir } from '../service/default-paths';
import { headlessPlatform } from '../service/headless-platform';
import { createStudioCore } from '../service/studio-core';
import { parse, USAGE, usageError } from './args';
import { balanceCommand, keyCommand } from './commands/account';
import { budgetCommand, spendCommand } from './commands/budget';
import type { Command } from './commands/command';
import { generateCommand } from './commands/generate';
import { importCommand, listCommand, searchCommand, statusCommand, waitCommand } from './commands/library';
import { mcpCommand } from './commands/mcp';
import { exportCommand, rebuildCommand } from './commands/recipes';

/** Every command, by the name typed after `wan-studio`. */
const COMMANDS: Record<string, Command> = {
  generate: generateCommand,
  wait: waitCommand,
  status: statusCommand,
  list: listCommand,
  search: searchCommand,
  import: importCommand,
  export: exportCommand,
  rebuild: rebuildCommand,
  key: keyCommand,
  balance: balanceCommand,
  mcp: mcpCommand,
  budget: budgetCommand,
  spend: spendCommand,
};

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  const [command, ...args] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command || values.help ? 0 : 2;
  }
  const chosen = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!chosen) throw usageError(`unknown command "${command}"`);
  // Refuse bad arguments before opening anything.
  chosen.check?.(args, values);
  const core = await createStudioCore({
    userDataDir: values.data ?? defaultUserDataDir(),
    defaultLibraryDir: defaultLibraryDir(),
    libraryDir: values.library,
    host: 'cli',
    mediaBaseUrl: '',
    platform: headlessPlatform(),
    version: APP_VERSION,
    forceDemo: values.demo ?? false,
    apiBaseUrl: values['base-url'],
    startEngine: typeof chosen.engine === 'function' ? chosen.engine(values) : chosen.engine,
    clock: clockFromEnvironment(),
    demo: { timeScale: Number(process.env.WAN_STUDIO_DEMO_TIME_SCALE ?? '0.15') },
  });
  const stop = () => {
    void core.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await chosen.run(core.api, args, values);
  } finally {
    await core.close();
  }
}
