// How APIXO tells us a task finished: by our polling, or (when the user set it up) by a callback to a
// public URL that their tunnel forwards to our loopback receiver. A callback is only a hint to poll
// that task now; polling continues regardless.
import type { Settings } from '../../shared/contract/contract';
import type { SubmitOptions } from '../core/apixo/request-body';
import { type CallbackReceiver, startCallbackReceiver } from '../core/jobs/callback-receiver';
import type { GenerationRecord } from '../core/library/types';
import type { Logger } from '../core/log';

/** What a submit asks for: a callback only for real tasks when the user configured one. */
export function submitOptionsFor(
  settings: Settings,
  record: Pick<GenerationRecord, 'backend'>,
): SubmitOptions {
  // Demo tasks live on this machine: a public callback URL could never reach the simulator.
  if (record.backend !== 'demo' && settings.delivery === 'callback' && settings.callbackPublicUrl) {
    return { requestType: 'callback', callbackUrl: settings.callbackPublicUrl };
  }
  return { requestType: 'async' };
}

/** The loopback receiver, running exactly while the settings ask for callbacks (on their port). */
export class CallbackDelivery {
  private receiver: CallbackReceiver | null = null;

  constructor(
    private readonly onHint: (taskId: string) => void,
    private readonly log: Logger,
  ) {}

  async apply(settings: Settings): Promise<void> {
    const wanted = settings.delivery === 'callback';
    if (this.receiver && (!wanted || this.receiver.port !== settings.callbackPort)) await this.close();
    if (!wanted || this.receiver) return;
    try {
      this.receiver = await startCallbackReceiver({ port: settings.callbackPort, onHint: this.onHint });
    } catch (error) {
      // Polling continues regardless; the receiver is only a way to hear about results sooner.
      this.log.warn('callback receiver could not start', { port: settings.callbackPort, error });
    }
  }

  async close(): Promise<void> {
    await this.receiver?.close();
    this.receiver = null;
  }
}
