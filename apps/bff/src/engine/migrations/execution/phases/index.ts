// The cold phases, one handler each (reference engine.md §2.4).
import type { Phase } from '../itinerary.ts';
import { convertGuest, copyDisksVirtV2v, createGuestConversionPod } from './conversion.ts';
import { createVm } from './create-vm.ts';
import { createDataVolumes, followDataVolumes } from './disks.ts';
import { postHook, preHook } from './hooks.ts';
import type { PhaseHandler } from './phase.ts';
import { powerOffSource, storePowerState, waitForPowerOff } from './power.ts';
import { started } from './started.ts';

export const PHASES: Record<Exclude<Phase, 'Completed'>, PhaseHandler> = {
  Started: started,
  PreHook: preHook,
  StorePowerState: storePowerState,
  PowerOffSource: powerOffSource,
  WaitForPowerOff: waitForPowerOff,
  CreateDataVolumes: createDataVolumes,
  CopyDisks: followDataVolumes,
  AllocateDisks: followDataVolumes,
  CreateGuestConversionPod: createGuestConversionPod,
  ConvertGuest: convertGuest,
  CopyDisksVirtV2V: copyDisksVirtV2v,
  CreateVM: createVm,
  PostHook: postHook,
};

export type { PhaseHandler, PhaseResult } from './phase.ts';
