// `wan-studio mcp`: serves the MCP tools on stdin/stdout until the client closes the pipe. Stdout
// carries only protocol messages (the core logs to its file), so nothing else may print there.
import { APP_VERSION } from '../../service/app-version';
import type { Command } from './command';

export const mcpCommand: Command = {
  engine: true,
  async run(api) {
    // The MCP SDK (and the ajv it brings) is loaded only here: every other command starts without it.
    const [{ StdioServerTransport }, { createMcpServer }] = await Promise.all([
      import('@modelcontextprotocol/sdk/server/stdio.js'),
      import('../mcp/server'),
    ]);
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
