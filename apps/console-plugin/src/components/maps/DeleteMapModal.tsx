import type { FC } from 'react';
import { Content } from '@patternfly/react-core';
import type { K8sModel, ObjectMeta } from '@forklift-console/api';
import { useDeleteMap } from '../../hooks/useMapMutations.ts';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { MutationModal } from '../MutationModal.tsx';

type Props = {
  model: K8sModel;
  metadata: ObjectMeta;
  /** "Delete network map" or "Delete storage map". */
  title: string;
  onClose: () => void;
  onDeleted: () => void;
};

export const DeleteMapModal: FC<Props> = ({ model, metadata, title, onClose, onDeleted }) => {
  const { t } = useForkliftTranslation();
  const { name = '', namespace = '' } = metadata;
  const remove = useDeleteMap(model, namespace, name);
  return (
    <MutationModal
      testId="delete-map-modal"
      onClose={onClose}
      title={title}
      titleIconVariant="warning"
      mutation={remove}
      errorTitle={t('The map was not deleted')}
      errorTestId="delete-map-error"
      actionLabel={t('Delete')}
      actionVariant="danger"
      actionTestId="confirm-delete-map"
      onAction={() => remove.mutate(undefined, { onSuccess: onDeleted })}
    >
      <Content component="p">
        {t('Delete {{name}} from the project {{namespace}}?', { name, namespace })}
      </Content>
      <Content component="p">
        {t('Migration plans that use this map can no longer start until they get another one.')}
      </Content>
    </MutationModal>
  );
};
