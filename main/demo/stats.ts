// Live counters a test or benchmark reads while the simulator runs.
export interface SimulatorStats {
  /** Every HTTP request received, API and result files alike. */
  requests: number;
  /** Tasks created (including those whose answer a fault then destroyed). */
  submitsAccepted: number;
  /** Submit requests that created nothing: invalid, unauthorised, limited, out of credit, early faults. */
  submitsRejected: number;
  statusQueries: number;
  balanceQueries: number;
  /** Requests to result files. */
  downloads: number;
  /** Body bytes of result files actually written to sockets. */
  downloadBytes: number;
  /** 429 answers sent, real or injected. */
  rateLimited: number;
  /** Callback POSTs answered with 200. */
  callbacksDelivered: number;
  /** Callback POST attempts that failed (non-200, connection error, timeout). */
  callbacksFailed: number;
  /** Callbacks given up after the last retry. */
  callbacksAbandoned: number;
  /** Reference-image fetches started. */
  imageFetches: number;
  /** Highest number of requests any one key had in its 60 s window. */
  peakRequestsPerMinute: number;
  /** Highest number of tasks in pending/processing at once, over all keys. */
  peakConcurrentTasks: number;
}

export function createStats(): SimulatorStats {
  return {
    requests: 0,
    submitsAccepted: 0,
    submitsRejected: 0,
    statusQueries: 0,
    balanceQueries: 0,
    downloads: 0,
    downloadBytes: 0,
    rateLimited: 0,
    callbacksDelivered: 0,
    callbacksFailed: 0,
    callbacksAbandoned: 0,
    imageFetches: 0,
    peakRequestsPerMinute: 0,
    peakConcurrentTasks: 0,
  };
}
