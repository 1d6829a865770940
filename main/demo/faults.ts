// Switchable misbehaviour, so client tests can meet every failure APIXO (or the network) can
// produce. A fault applies to the requests of its phase until its `times` run out.
import { StudioError } from '../core/errors';

export type FaultKind =
  | 'server_error'
  | 'unavailable'
  | 'slow'
  | 'reset'
  | 'truncated'
  | 'malformed_json'
  | 'bad_result_json'
  | 'rate_limit'
  | 'range_ignored'
  | 'expired'
  /** An answer that never seems to end (JSON start, then padding up to `bodyBytes`). */
  | 'oversized'
  /** The real answer, one byte every `delayMs`: never idle long enough for an idle timeout. */
  | 'drip'
  /** Status: success, with `resultUrl` as the only result link. */
  | 'bad_result_url'
  /** Download: a short body that is not a video (what a captive portal or broken CDN sends). */
  | 'not_mp4';

export type FaultPhase = 'submit' | 'status' | 'balance' | 'download' | 'any';
export type RequestPhase = Exclude<FaultPhase, 'any'>;

export interface FaultSpec {
  kind: FaultKind;
  phase: FaultPhase;
  /** How many requests it applies to; unlimited when omitted. */
  times?: number;
  /** 'slow': real milliseconds to hold the answer back (default 1000); 'drip': between bytes. */
  delayMs?: number;
  /**
   * Submit only. By default server_error, unavailable, reset, slow, truncated and malformed_json
   * strike AFTER the task was created and paid for (the client cannot know it was); true makes
   * them strike before anything is created.
   */
  beforeCreate?: boolean;
  /** 'expired': the status a gone result answers with (default 410). */
  status?: 403 | 404 | 410;
  /** 'reset' / 'truncated': share of the body sent before the cut (default 0.5). */
  bodyFraction?: number;
  /** 'oversized': bytes sent unless the client stops reading first (default 700 MB). */
  bodyBytes?: number;
  /** 'bad_result_url': the result link reported (default file:///etc/passwd). */
  resultUrl?: string;
}

export interface InjectedFault {
  readonly spec: Readonly<FaultSpec>;
  /** Requests it has struck so far. */
  readonly hits: number;
  remove(): void;
}

const GENERIC: readonly FaultKind[] = [
  'server_error',
  'unavailable',
  'slow',
  'reset',
  'truncated',
  'malformed_json',
  'rate_limit',
  'oversized',
  'drip',
];

/** Which kinds mean something for which phase; inject() refuses nonsense so a test cannot silently test nothing. */
const KINDS_BY_PHASE: Record<RequestPhase, readonly FaultKind[]> = {
  submit: GENERIC,
  status: [...GENERIC, 'bad_result_json', 'bad_result_url'],
  balance: GENERIC,
  download: [
    'server_error',
    'unavailable',
    'slow',
    'reset',
    'truncated',
    'rate_limit',
    'range_ignored',
    'expired',
    'not_mp4',
  ],
};

interface Entry {
  spec: FaultSpec;
  hits: number;
}

export class FaultController {
  private entries: Entry[] = [];

  inject(spec: FaultSpec): InjectedFault {
    const phases: RequestPhase[] =
      spec.phase === 'any' ? ['submit', 'status', 'balance', 'download'] : [spec.phase];
    if (!phases.some((phase) => KINDS_BY_PHASE[phase].includes(spec.kind))) {
      throw new StudioError({
        kind: 'invalid_request',
        userMessage: `Fault '${spec.kind}' has no meaning in phase '${spec.phase}'`,
      });
    }
    if (spec.times !== undefined && !(spec.times >= 1)) {
      throw new StudioError({ kind: 'invalid_request', userMessage: 'Fault times must be at least 1' });
    }
    const entry: Entry = { spec: { ...spec }, hits: 0 };
    this.entries.push(entry);
    return {
      spec: entry.spec,
      get hits() {
        return entry.hits;
      },
      remove: () => this.drop(entry),
    };
  }

  clear(): void {
    this.entries = [];
  }

  /** Faults still armed (for debugging a test). */
  list(): Readonly<FaultSpec>[] {
    return this.entries.map((entry) => entry.spec);
  }

  /**
   * The first armed fault for `phase` that `accept` wants, counted as one hit. Faults inject()ed
   * earlier win; a fault whose `times` is used up disappears.
   */
  take(phase: RequestPhase, accept: (spec: FaultSpec) => boolean): FaultSpec | undefined {
    const entry = this.entries.find(
      (candidate) =>
        (candidate.spec.phase === phase || candidate.spec.phase === 'any') &&
        KINDS_BY_PHASE[phase].includes(candidate.spec.kind) &&
        accept(candidate.spec),
    );
    if (!entry) return undefined;
    entry.hits += 1;
    if (entry.spec.times !== undefined && entry.hits >= entry.spec.times) this.drop(entry);
    return entry.spec;
  }

  private drop(entry: Entry): void {
    this.entries = this.entries.filter((candidate) => candidate !== entry);
  }
}
