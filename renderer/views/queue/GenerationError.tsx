// Why a generation stopped, in words: the error kind says what to do; APIXO's failCode/failMsg
// (content policy, unreachable image) are shown as they came, inline in English and behind
// "technical details" in another UI language.

import type { GenerationRecord } from '../../../shared/contract/contract';
import { Icon } from '../../components/Icon';
import { TechnicalDetails } from '../../components/TechnicalDetails';
import { useTranslation } from '../../i18n/use-translation';
import { describeError } from '../../lib/errors';

/** The engine's "created with a key that is gone" state (main/core/jobs/submit-step.ts). */
const isWaitingForKey = (record: GenerationRecord): boolean =>
  record.state === 'queued' && record.errorKind === 'invalid_key';

export function GenerationError({ record }: { record: GenerationRecord }) {
  const { t, i18n } = useTranslation();
  const text = describeError(
    t,
    {
      kind: record.errorKind ?? 'task_failed',
      message: record.failMsg ?? record.errorMessage ?? '',
      ...(isWaitingForKey(record) ? { reason: 'waiting_for_key' as const } : {}),
    },
    i18n.language,
  );
  return (
    <div className="generation-error" role="note" data-testid="generation-error">
      <Icon name="alert" size={14} />
      <div>
        <strong>{text.title}</strong> <span>{text.action}</span>
        {record.failCode || (text.detail && text.detailReadable) ? (
          <span className="generation-error-detail">
            {record.failCode ? <code>{record.failCode}</code> : null}{' '}
            {text.detailReadable ? text.detail : null}
          </span>
        ) : null}
        {text.detail && !text.detailReadable ? (
          <TechnicalDetails detail={text.detail} className="generation-error-detail" />
        ) : null}
      </div>
    </div>
  );
}
