// GET /api/v1/statusTask/{model}?taskId=: the task as it stands at clock.now().
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isModelId } from '../../shared/domain/models';
import { modelOf } from '../../shared/domain/params';
import { authorize } from './auth';
import type { SimContext } from './context';
import { invalidRequest, ok, type Reply, replies } from './envelope';
import { sendWithFaults } from './fault-replies';
import { statusData, viewTask } from './task';

export async function handleStatus(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  model: string,
  query: URLSearchParams,
): Promise<void> {
  ctx.stats.statusQueries += 1;
  await sendWithFaults(ctx, res, 'status', statusReply(ctx, req, model, query));
}

function statusReply(ctx: SimContext, req: IncomingMessage, model: string, query: URLSearchParams): Reply {
  const caller = authorize(ctx, req);
  if (!caller.ok) return caller.reply;
  if (!isModelId(model)) return replies.notFound('Model not found');
  const taskId = query.get('taskId');
  if (!taskId) return invalidRequest('Missing required query parameter: taskId');
  const task = ctx.store.get(taskId);
  // Another key's task is indistinguishable from no task at all.
  // So is a task of another model: the status call must name the model the task was submitted to.
  if (!task || task.owner !== caller.owner || modelOf(task.params) !== model) {
    return replies.notFound('Task not found');
  }
  const now = ctx.clock.now();
  const data = statusData(task, viewTask(task, now), ctx.resultUrl(task));
  if (ctx.faults.take('status', (spec) => spec.kind === 'bad_result_json')) {
    // Forced whatever the real state, so a test need not wait for the task to finish.
    Object.assign(data, {
      state: 'success',
      resultJson: `{"resultUrls":["${ctx.resultUrl(task)}"`,
      completeTime: now,
      costTime: now - task.createdAt,
    });
  }
  const badUrl = ctx.faults.take('status', (spec) => spec.kind === 'bad_result_url');
  if (badUrl) {
    Object.assign(data, {
      state: 'success',
      resultJson: JSON.stringify({ resultUrls: [badUrl.resultUrl ?? 'file:///etc/passwd'] }),
      completeTime: now,
      costTime: now - task.createdAt,
    });
  }
  return ok(data);
}
