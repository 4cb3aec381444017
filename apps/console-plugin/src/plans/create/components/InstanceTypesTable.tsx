import { useState, type FC } from 'react';
import { FormSelect, FormSelectOption, Pagination } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { OpenshiftResource } from '@forklift-console/api';
import { useInventory } from '../../../hooks/useInventory.ts';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { pageOfRows } from '../../../utils/vm-table.ts';
import type { PlanWizardState } from '../hooks/usePlanWizard.ts';

const PER_PAGE = 20;

const useTargetCollection = (uid: string | undefined, collection: string) =>
  useInventory<OpenshiftResource[]>(`providers/openshift/${uid}/${collection}`, {
    providerUid: uid,
    enabled: Boolean(uid),
  });

/** An instance type per selected VM, from the target cluster's (cluster) instance types. */
export const InstanceTypesTable: FC<{ wizard: PlanWizardState }> = ({ wizard }) => {
  const { t } = useForkliftTranslation();
  const { form, change, choices } = wizard;
  const [page, setPage] = useState(1);
  const uid = choices.target?.metadata?.uid;
  const cluster = useTargetCollection(uid, 'clusterinstancetypes');
  const namespaced = useTargetCollection(uid, 'instancetypes');
  const names = [
    ...new Set([
      ...(cluster.data ?? []).map((type) => type.name),
      ...(namespaced.data ?? [])
        .filter((type) => type.namespace === form.targetNamespace)
        .map((type) => type.name),
    ]),
  ].sort();
  const vms = [...form.vms.values()];
  if (vms.length === 0) return null;
  return (
    <>
      <Table aria-label={t('Instance types')} variant="compact" data-testid="instance-types">
        <Thead>
          <Tr>
            <Th>{t('Virtual machine')}</Th>
            <Th>{t('Instance type')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {pageOfRows(vms, page, PER_PAGE).map((vm) => (
            <Tr key={vm.id}>
              <Td dataLabel={t('Virtual machine')}>{vm.name}</Td>
              <Td dataLabel={t('Instance type')}>
                <FormSelect
                  aria-label={t('Instance type of {{name}}', { name: vm.name })}
                  value={form.instanceTypes[vm.id] ?? ''}
                  onChange={(_event, value) =>
                    change({ instanceTypes: { ...form.instanceTypes, [vm.id]: value } })
                  }
                >
                  <FormSelectOption value="" label={t('None')} />
                  {names.map((name) => (
                    <FormSelectOption key={name} value={name} label={name} />
                  ))}
                </FormSelect>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <Pagination
        itemCount={vms.length}
        page={page}
        perPage={PER_PAGE}
        perPageOptions={[{ title: String(PER_PAGE), value: PER_PAGE }]}
        onSetPage={(_event, next) => setPage(next)}
        variant="bottom"
        isCompact
      />
    </>
  );
};
