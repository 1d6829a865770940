// Commands about the APIXO account: the API key and the balance.
import { StudioError } from '../../core/errors';
import { usageError } from '../args';
import { print } from '../output';
import type { Command } from './command';

async function readKeyFromStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Paste your APIXO API key and press Enter: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (process.stdin.isTTY && chunk.includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8').trim();
}

const KEY_ACTIONS = ['set', 'clear', 'status'];

export const keyCommand: Command = {
  engine: false,
  check([action]) {
    if (!action || !KEY_ACTIONS.includes(action)) throw usageError('key takes set, clear or status');
  },
  async run(api, [action], values) {
    if (action === 'set') {
      const key = await readKeyFromStdin();
      const status = await api.key.set({ key, where: values.session ? 'session' : 'keychain' });
      print(values, `API key saved in ${status.keychainBackend} (…${status.last4 ?? ''})`, status);
      return 0;
    }
    if (action === 'clear') {
      print(values, 'API key removed.', await api.key.clear());
      return 0;
    }
    const status = await api.key.status();
    const where = status.location === 'keychain' ? status.keychainBackend : status.location;
    print(
      values,
      status.set
        ? `set (…${status.last4 ?? ''}) in ${where}`
        : `not set${status.keychainError ? ` — ${status.keychainError}` : ''}`,
      status,
    );
    return 0;
  },
};

export const balanceCommand: Command = {
  engine: false,
  async run(api, _args, values) {
    const balance = await api.balance.get({ refresh: true });
    if (balance.error) throw new StudioError({ kind: 'server', userMessage: balance.error });
    print(values, `$${balance.usd?.toFixed(2)}${balance.demo ? ' (demo)' : ''}`, balance);
    return 0;
  },
};
