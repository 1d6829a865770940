// Why a generation stopped, in words: the error kind says what to do; APIXO's failCode/failMsg
// (content policy, unreachable image) are shown as they came.
import { useTranslation } from 'react-i18next';
import type { GenerationRecord } from '../../../shared/contract/contract';
import { Icon } from '../../components/Icon';
import { describeError } from '../../lib/errors';

export function GenerationError({ record }: { record: GenerationRecord }) {
  const { t } = useTranslation();
  const text = describeError(t, {
    kind: record.errorKind ?? 'task_failed',
    message: record.failMsg ?? record.errorMessage ?? '',
  });
  return (
    <div className="generation-error" role="note" data-testid="generation-error">
      <Icon name="alert" size={14} />
      <div>
        <strong>{text.title}</strong> <span>{text.action}</span>
        {record.failCode || text.detail ? (
          <span className="generation-error-detail">
            {record.failCode ? <code>{record.failCode}</code> : null} {text.detail}
          </span>
        ) : null}
      </div>
    </div>
  );
}
