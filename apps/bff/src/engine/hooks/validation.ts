// What a Hook must satisfy (reference engine.md §1.9): a local hook runs its image (with the
// playbook, base64, when there is one); an AAP hook launches a job template on an Ansible
// Automation Platform that the hook or the ForkliftController names, and has no image or playbook.
import {
  imageReferenceError,
  playbookError,
  type ForkliftController,
  type Hook,
} from '@forklift-console/api';
import type { ConditionInput } from '../conditions.ts';

const critical = (type: string, reason: string, message: string): ConditionInput => ({
  type,
  category: 'Critical',
  reason,
  message,
});

/** The conditions a Hook earns; Ready is for the reconcile to add when none blocks. */
export const checkHook = (
  hook: Hook,
  forkliftController: ForkliftController | undefined,
): ConditionInput[] => {
  const { aap, image, playbook } = hook.spec ?? {};
  const conditions: ConditionInput[] = [];
  if (aap) {
    if (image || playbook) {
      conditions.push(
        critical(
          'InvalidHookExecute',
          'NotValid',
          'An AAP hook runs a job template: it cannot also have an image or a playbook.',
        ),
      );
    } else if (!aap.url && !forkliftController?.spec?.aap_url) {
      conditions.push(
        critical(
          'InvalidHookExecute',
          'NotSet',
          'The hook names no AAP URL and the ForkliftController sets no aap_url.',
        ),
      );
    }
    return conditions;
  }
  if (!image) {
    conditions.push(
      critical('InvalidHookExecute', 'NotSet', 'A local hook needs the image it runs.'),
    );
  } else {
    const error = imageReferenceError(image);
    if (error) conditions.push(critical('InvalidImage', 'NotValid', `The image ${error}.`));
  }
  if (playbook) {
    const error = playbookError(playbook);
    if (error) conditions.push(critical('InvalidPlaybook', 'NotValid', `The playbook ${error}.`));
  }
  return conditions;
};
