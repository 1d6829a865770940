// A call the core must refuse: resolves with the contract's error (kind and words), fails the test
// when the call succeeds or throws something else.
import { isStudioApiError, type StudioApiError } from '../../main/service/in-process-api';

export async function refusal(run: () => Promise<unknown>): Promise<StudioApiError> {
  try {
    await run();
  } catch (error) {
    if (isStudioApiError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
