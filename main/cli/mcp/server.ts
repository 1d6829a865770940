// `wan-studio mcp`: Wan Studio as a Model Context Protocol server (official SDK, stdio). Every tool
// goes through the same in-process API as the app and the CLI, so the contract's schemas, limits
// and the spend guard hold here too; a refusal comes back as a tool error with the same sentence.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { StudioApi } from '../../../shared/contract/contract';
import { isStudioError } from '../../core/errors';
import { summarize } from '../format';
import { getGeneration, settled, waitUntil } from '../waiter';
import { confirmShape, generationShape, getShape, idsShape, searchShape, waitShape } from './tool-inputs';
import { itemsFrom } from './tool-items';

function answer(value: unknown): CallToolResult {
  return {
    content: [{ type: 'text', text: JSON.stringify(value, null, 2) }],
    structuredContent: value as Record<string, unknown>,
  };
}

function refusal(error: unknown): CallToolResult {
  const message = isStudioError(error)
    ? error.userMessage
    : error instanceof Error
      ? error.message
      : String(error);
  return { isError: true, content: [{ type: 'text', text: message }] };
}

/** Runs a tool body; any refusal becomes a tool error (the assistant reads it), never a protocol error. */
function tool<A>(body: (args: A) => Promise<unknown>) {
  return async (args: A): Promise<CallToolResult> => {
    try {
      return answer(await body(args));
    } catch (error) {
      return refusal(error);
    }
  };
}

export function createMcpServer(api: StudioApi, version: string): McpServer {
  const server = new McpServer({ name: 'wan-studio', version });
  const root = async () => (await api.app.info()).libraryRoot;
  const summaries = async (ids: string[]) => {
    const libraryRoot = await root();
    return Promise.all(ids.map(async (id) => summarize(await getGeneration(api, id), libraryRoot)));
  };

  server.registerTool(
    'estimate',
    {
      title: 'Estimate cost',
      description:
        'Estimate what generating these Wan 2.5 videos would cost (USD, from documented prices) without sending anything. Also says whether the total is above the confirmation threshold, in which case generate needs confirmed: true after the user agrees.',
      inputSchema: generationShape,
    },
    tool(async (args) => api.batch.estimate({ items: itemsFrom(args) })),
  );
  server.registerTool(
    'generate',
    {
      title: 'Generate videos',
      description:
        'Queue Wan 2.5 text-to-video or image-to-video generations (they cost money). Returns the generation ids and the estimate at once; the videos are made in the background: use wait or status with the ids. Refused above the confirmation threshold unless confirmed is true: call estimate first and ask the user.',
      inputSchema: { ...generationShape, ...confirmShape },
    },
    tool(async ({ confirmed, ...args }) => {
      const { records, estimate } = await api.batch.create({
        items: itemsFrom(args),
        confirmed: confirmed ?? false,
      });
      return { ids: records.map((record) => record.id), estimate };
    }),
  );
  server.registerTool(
    'status',
    {
      title: 'Generation status',
      description:
        'The current state of generations: queued, submitting, processing, downloading, done (with file path), failed (with the reason)…',
      inputSchema: idsShape,
      annotations: { readOnlyHint: true },
    },
    tool(async ({ ids }) => ({ generations: await summaries(ids) })),
  );
  server.registerTool(
    'wait',
    {
      title: 'Wait for generations',
      description:
        'Wait until the generations are finished (done, failed, cancelled, or waiting for the user), at most timeoutSeconds (default 120). Returns every state, and the ids still unfinished if the time ran out.',
      inputSchema: waitShape,
      annotations: { readOnlyHint: true },
    },
    tool(async ({ ids, timeoutSeconds }) => {
      await Promise.all(ids.map((id) => getGeneration(api, id))); // an unknown id is refused at once
      const records = await waitUntil(api, ids, settled, undefined, (timeoutSeconds ?? 120) * 1000);
      const libraryRoot = await root();
      return {
        generations: records.map((record) => summarize(record, libraryRoot)),
        unfinished: records.filter((record) => !settled(record)).map((record) => record.id),
      };
    }),
  );
  server.registerTool(
    'search',
    {
      title: 'Search the library',
      description:
        'Find generations in the local library by words in their prompt, notes or tags, newest first.',
      inputSchema: searchShape,
      annotations: { readOnlyHint: true },
    },
    tool(async ({ text, state, limit }) => {
      const page = await api.library.query({ text, states: state ? [state] : undefined, limit: limit ?? 20 });
      const libraryRoot = await root();
      return { total: page.total, generations: page.items.map((record) => summarize(record, libraryRoot)) };
    }),
  );
  server.registerTool(
    'get',
    {
      title: 'Get a generation',
      description:
        'One generation in full: prompt, every parameter (seed, resolution, duration, aspect ratio…), state, and the video file path when done.',
      inputSchema: getShape,
      annotations: { readOnlyHint: true },
    },
    tool(async ({ id }) => {
      const record = await getGeneration(api, id);
      return {
        ...summarize(record, await root()),
        params: record.params,
        tags: record.tags,
        projectId: record.projectId,
      };
    }),
  );
  server.registerTool(
    'balance',
    {
      title: 'APIXO balance',
      description: 'The remaining APIXO balance in USD (demo mode says so).',
      annotations: { readOnlyHint: true },
    },
    tool(async () => api.balance.get({ refresh: true })),
  );
  return server;
}
