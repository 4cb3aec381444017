import type { FC, ReactNode } from 'react';
import type { K8sModel } from '@forklift-console/api';
import { useReplaceMap, type AnyMap } from '../../hooks/useMapMutations.ts';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { MutationModal } from '../MutationModal.tsx';

type Props = {
  model: K8sModel;
  map: AnyMap;
  /** Names the modal's test ids: `<testId>-modal`, `<testId>-error` and `<testId>-save`. */
  testId: string;
  title: string;
  errorTitle: string;
  isSaveDisabled: boolean;
  /** The edited map to save, or undefined when the fields say it cannot be saved yet. */
  toSave: () => AnyMap | undefined;
  onClose: () => void;
  children: ReactNode;
};

/** Edits part of a map and saves it whole, with the resourceVersion read (409 when stale). */
export const MapReplaceModal: FC<Props> = ({
  model,
  map,
  testId,
  title,
  errorTitle,
  isSaveDisabled,
  toSave,
  onClose,
  children,
}) => {
  const { t } = useForkliftTranslation();
  const { name = '', namespace = '' } = map.metadata ?? {};
  const save = useReplaceMap(model, namespace, name);
  return (
    <MutationModal
      testId={`${testId}-modal`}
      title={title}
      variant="medium"
      onClose={onClose}
      mutation={save}
      errorTitle={errorTitle}
      errorTestId={`${testId}-error`}
      actionLabel={t('Save')}
      actionTestId={`${testId}-save`}
      isActionDisabled={isSaveDisabled}
      onAction={() => {
        const edited = toSave();
        if (edited) save.mutate(edited, { onSuccess: onClose });
      }}
    >
      {children}
    </MutationModal>
  );
};
