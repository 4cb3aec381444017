// What a phase answers: move on to the next phase, or stay and be looked at again next pass.
import type { RunContext, VmContext } from '../context.ts';

export type PhaseResult = 'next' | 'wait';

export type PhaseHandler = (run: RunContext, vm: VmContext) => Promise<PhaseResult>;
