// One callback delivery attempt. The docs count only HTTP 200 (within 30 s) as delivered.
export type CallbackOutcome = { delivered: true } | { delivered: false; detail: string };

export async function postCallback(
  url: string,
  payload: unknown,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<CallbackOutcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      redirect: 'manual',
      signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
    });
    // Drain the body so the connection can be reused or closed cleanly.
    await response.arrayBuffer().catch(() => undefined);
    return response.status === 200
      ? { delivered: true }
      : { delivered: false, detail: `HTTP ${response.status}` };
  } catch (error) {
    return { delivered: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
