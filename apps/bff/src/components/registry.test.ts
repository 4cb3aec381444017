import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger } from '../logging.ts';
import { createComponentRegistry, PROCESS_COMPONENT } from './registry.ts';

test('components list the controller first, then by name, with their live state', () => {
  const registry = createComponentRegistry();
  let ready = false;
  registry.register('embedded-api', 'api-server', () => ({ state: 'Running' }));
  registry.register('change-feed', 'watch', () =>
    ready ? { state: 'Running' } : { state: 'Starting', message: 'Waiting for watches' },
  );
  registry.register(PROCESS_COMPONENT, 'controller', () => ({ state: 'Running' }));
  assert.deepEqual(
    registry.list().map((component) => [component.name, component.state]),
    [
      [PROCESS_COMPONENT, 'Running'],
      ['change-feed', 'Starting'],
      ['embedded-api', 'Running'],
    ],
  );
  ready = true;
  assert.equal(registry.list()[1]!.state, 'Running');
});

test('each component keeps its own log lines, redacted like every log', async () => {
  const registry = createComponentRegistry();
  const logger = createLogger('info', registry.logStream);
  logger.child({ component: 'change-feed' }).warn({ token: 'sekret-token' }, 'watch failed');
  logger.info('listening');
  await new Promise((resolve) => setImmediate(resolve));
  const feedLogs = registry.logs('change-feed');
  assert.equal(feedLogs.length, 1);
  assert.match(feedLogs[0]!, /watch failed/);
  assert.doesNotMatch(feedLogs[0]!, /sekret-token/);
  assert.match(registry.logs(PROCESS_COMPONENT)[0]!, /listening/);
});
