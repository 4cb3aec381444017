import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { createChangeInvalidator } from './change-invalidator.ts';

/** A server whose answers the test releases one at a time, each with the state at that moment. */
const controllableServer = () => {
  let state = 'Staging';
  const pending: (() => void)[] = [];
  return {
    set: (next: string) => (state = next),
    fetch: () =>
      new Promise<string>((resolve) => {
        const answer = state;
        pending.push(() => resolve(answer));
      }),
    answerNext: () => pending.shift()?.(),
    get waiting() {
      return pending.length;
    },
  };
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

test('a change pushed while a page’s first fetch is in flight is not lost', async () => {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const server = controllableServer();
  const observer = new QueryObserver(queryClient, {
    queryKey: ['resources', 'providers', 'ova-lab', 'uploads'],
    queryFn: server.fetch,
  });
  const unsubscribe = observer.subscribe(() => {});
  const invalidator = createChangeInvalidator(queryClient);
  try {
    await settle();
    assert.equal(server.waiting, 1, 'the first fetch is in flight');
    // The provider turns Ready after the first fetch read it, and the push says so meanwhile.
    server.set('Ready');
    invalidator.invalidate(['resources', 'providers']);
    server.answerNext();
    await settle();
    assert.equal(observer.getCurrentResult().data, 'Staging');
    assert.equal(server.waiting, 1, 'fetched again once the first fetch settled');
    server.answerNext();
    await settle();
    assert.equal(observer.getCurrentResult().data, 'Ready');
  } finally {
    invalidator.stop();
    unsubscribe();
    queryClient.clear();
  }
});

test('a change for a query with data refetches it once', async () => {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const server = controllableServer();
  const observer = new QueryObserver(queryClient, {
    queryKey: ['resources', 'plans'],
    queryFn: server.fetch,
  });
  const unsubscribe = observer.subscribe(() => {});
  const invalidator = createChangeInvalidator(queryClient);
  try {
    await settle();
    server.answerNext();
    await settle();
    server.set('Ready');
    invalidator.invalidate(['resources', 'plans']);
    await settle();
    assert.equal(server.waiting, 1);
    server.answerNext();
    await settle();
    assert.equal(observer.getCurrentResult().data, 'Ready');
    assert.equal(server.waiting, 0, 'no second refetch');
  } finally {
    invalidator.stop();
    unsubscribe();
    queryClient.clear();
  }
});
