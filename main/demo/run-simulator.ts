// Starts a simulator for manual runs and prints where it listens:
//   npx jiti main/demo/run-simulator.ts --port 8787 --time-scale 0.1 [--state demo.json] [--key K]
// Ctrl+C stops it.
import { parseArgs } from 'node:util';
import { startSimulator } from './simulator';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    'time-scale': { type: 'string', default: '0.1' },
    balance: { type: 'string', default: '100' },
    state: { type: 'string' },
    key: { type: 'string', multiple: true },
  },
});

const simulator = await startSimulator({
  host: values.host,
  port: Number(values.port),
  timeScale: Number(values['time-scale']),
  balanceUsd: Number(values.balance),
  apiKeys: values.key && values.key.length > 0 ? values.key : 'any',
  ...(values.state ? { statePath: values.state } : {}),
});
process.stdout.write(`APIXO simulator listening: ${simulator.url}/api/v1\n`);

const stop = () => {
  void simulator.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
