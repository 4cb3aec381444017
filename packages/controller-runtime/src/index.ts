// What every controller here is made of, the engine's and the embedded cluster's alike: a watch
// per collection, a work queue of keys whose reconcile reads the world afresh, and small helpers
// for reading and writing objects through the Kubernetes client.
export * from './watch.ts';
export * from './progress.ts';
export * from './work-queue.ts';
export * from './kube.ts';
export * from './kube-config.ts';
