import type { FC } from 'react';
import { CodeBlock, CodeBlockCode, Content, Stack } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { TipList } from '../TipList.tsx';
import { TipSection } from '../TipSection.tsx';
import { TipTerms } from '../TipTerms.tsx';

export const TroubleshootingTopic: FC = () => {
  const { t } = useForkliftTranslation();
  return (
    <Stack hasGutter>
      <Content component="p">
        {t(
          'When a migration is slow or fails, start from the plan, then follow the machine to its pods, and collect everything with must-gather if you need help.',
        )}
      </Content>
      <TipSection title={t('Migration progress')} isInitiallyExpanded>
        <TipList
          items={[
            t(
              'Open the plan and its Virtual machines tab: each machine shows its pipeline (initialize, transfer disks, convert, create the machine) and the step it is in.',
            ),
            t('Expand a machine to see the error of a failed step and the disks copied so far.'),
            t(
              'The plan conditions and the critical concerns alert explain why a plan cannot start.',
            ),
          ]}
        />
      </TipSection>
      <TipSection title={t('Pod logs')}>
        <TipList
          items={[
            t(
              'Each migrating machine runs pods in the target project: importers that copy the disks and a virt-v2v pod that converts the guest.',
            ),
            t(
              'The pods are listed with the machine on the plan, each with a link to its logs. A failed conversion is explained in the virt-v2v pod log.',
            ),
          ]}
        />
      </TipSection>
      <TipSection title={t('Forklift controller logs')}>
        <Content component="p">
          {t(
            'The controller runs the migrations and the inventory. Administrators find its pods, with links to their logs, on the Overview page. From the command line:',
          )}
        </Content>
        <CodeBlock>
          <CodeBlockCode>
            oc logs -n openshift-mtv deployment/forklift-controller -c main
          </CodeBlockCode>
        </CodeBlock>
      </TipSection>
      <TipSection title={t('must-gather')}>
        <Content component="p">
          {t(
            'must-gather collects the logs and resources of the migration service into one archive, ready to attach to a support case. Use the must-gather image of your operator version:',
          )}
        </Content>
        <CodeBlock>
          <CodeBlockCode>oc adm must-gather --image=&lt;mtv-must-gather-image&gt;</CodeBlockCode>
        </CodeBlock>
      </TipSection>
      <TipSection title={t('Frequently asked questions')}>
        <TipTerms
          terms={[
            {
              term: t('Why does my plan not start?'),
              definition: t(
                'A provider or map is not ready, or a machine has a critical concern. The plan conditions name the cause.',
              ),
            },
            {
              term: t('Why does a warm migration stay in the copying step?'),
              definition: t(
                'It keeps copying changes until the cutover. Set a cutover time on the plan to finish it.',
              ),
            },
            {
              term: t('Why does the migrated machine have another name?'),
              definition: t(
                'Its source name was not a valid Kubernetes name and was adjusted; the original name is kept as the display name.',
              ),
            },
            {
              term: t('Why does the migrated machine not boot?'),
              definition: t(
                'Check the virt-v2v pod log. Dual-boot guests and guests with Measured Boot are common causes.',
              ),
            },
          ]}
        />
      </TipSection>
      <TipSection title={t('Support')}>
        <Content component="p">
          {t(
            'Open a case with Red Hat support and attach the must-gather archive, the plan name and the time the problem happened.',
          )}
        </Content>
      </TipSection>
    </Stack>
  );
};
