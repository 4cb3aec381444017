// What the measured process went through during a load: how late its event loop ran (anything
// synchronous — serializing, GC, a big filter — shows here) and how long the GC paused it. It
// explains a latency tail; it is not itself a goal.
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

export type ProcessObservation = {
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  gcPauseTotalMs: number;
  gcPauseMaxMs: number;
};

export const startProcessObserver = () => {
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  const gcPauses: number[] = [];
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcPauses.push(entry.duration);
  });
  loopDelay.enable();
  gc.observe({ entryTypes: ['gc'] });
  return {
    stop(): ProcessObservation {
      loopDelay.disable();
      gc.disconnect();
      return {
        loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
        loopDelayMaxMs: loopDelay.max / 1e6,
        gcPauseTotalMs: gcPauses.reduce((sum, pause) => sum + pause, 0),
        gcPauseMaxMs: Math.max(0, ...gcPauses),
      };
    },
  };
};
