// The `wan-studio` process entry. It answers `--help`, no command and bad flags from the flag table
// alone (no zod, no SQLite, no SDKs), and loads the core only for a real command: start-up time is
// what a script calling the CLI in a loop feels.
import { enableCompileCache } from 'node:module';
import { isStudioError } from '../core/errors';
import { parse, USAGE } from './flags';

// V8's code cache on disk: the second and later runs skip compiling the core (~0.1 s).
enableCompileCache?.();

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help || positionals.length === 0) {
    process.stdout.write(`${USAGE}\n`);
    return positionals.length > 0 || values.help ? 0 : 2;
  }
  const { main } = await import('./cli');
  return main(argv);
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = isStudioError(error)
      ? error.userMessage
      : error instanceof Error
        ? error.message
        : String(error);
    process.stderr.write(`wan-studio: ${message.split('\n')[0]}\n`);
    process.exit(1);
  },
);
