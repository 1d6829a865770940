// `wan-studio mcp`: serves the MCP tools on stdin/stdout until the client closes the pipe. Stdout
// carries only protocol messages (the core logs to its file), so nothing else may print there.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { APP_VERSION } from '../../service/app-version';
import { createMcpServer } from '../mcp/server';
import type { Command } from './command';

export const mcpCommand: Command = {
  engine: true,
  async run(api) {
    const server = createMcpServer(api, APP_VERSION);
    const closed = new Promise<void>((resolve) => {
      server.server.onclose = () => resolve();
      process.stdin.once('end', () => resolve());
    });
    await server.connect(new StdioServerTransport());
    await closed;
    await server.close().catch(() => {});
    return 0;
  },
};
