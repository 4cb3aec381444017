// Forklift's hook runner image: it runs the playbook the hook's ConfigMap mounts at
// /tmp/hook/playbook.yml (beside workload.yml and plan.yml, which playbooks read by relative path),
// here with the machine's ansible-playbook on this host, connection local.
import path from 'node:path';
import { hostPathOf, type ContainerView } from './container-config.ts';
import { ContainerCannotRun, requireTool, type LocalCommand } from './local-command.ts';

const PLAYBOOK_PATH = '/tmp/hook/playbook.yml';

export const hookRunnerCommand = (view: ContainerView): LocalCommand => {
  const playbook = hostPathOf(view, PLAYBOOK_PATH);
  if (!playbook) throw new ContainerCannotRun(`the pod mounts no playbook at ${PLAYBOOK_PATH}`, 1);
  const command = requireTool('ansible-playbook', 'ansible-core');
  return {
    command,
    args: ['-i', 'localhost,', '-c', 'local', playbook],
    cwd: path.dirname(playbook),
  };
};
