// One CLI command: whether it drives the job engine, and what it does through the core's API.
import type { StudioApi } from '../../../shared/contract/contract';
import type { CliValues } from '../args';

export interface Command {
  /** generate and wait drive jobs; every other command only reads or configures. */
  engine: boolean | ((values: CliValues) => boolean);
  /** Refuses bad arguments before anything is opened (no library, no engine). */
  check?(args: string[], values: CliValues): void;
  run(api: StudioApi, args: string[], values: CliValues): Promise<number>;
}

export async function libraryRoot(api: StudioApi): Promise<string> {
  return (await api.app.info()).libraryRoot;
}
