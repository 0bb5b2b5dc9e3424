/** `node kiosk-agent/dist/main.js`: the kiosk agent as a process, on 127.0.0.1 only. */
import { agentConfigFromEnv } from './config.js';
import { startAgent } from './start.js';

const agent = await startAgent(agentConfigFromEnv(), { logger: process.env['KIOSK_AGENT_LOG'] === '1' });
console.log(`kiosk-agent listening on ${agent.url}`);

const stop = (): void => {
  agent.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
