import { useState, type FC } from 'react';
import { DropdownItem, type MenuToggleProps } from '@patternfly/react-core';
import EllipsisVIcon from '@patternfly/react-icons/dist/esm/icons/ellipsis-v-icon';
import { useNavigate } from 'react-router';
import type { K8sModel, ObjectMeta } from '@forklift-console/api';
import { useMapActionGate } from '../../hooks/useMapActionGate.ts';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { mapDetailsPath, type MapTabKey } from '../../utils/map-paths.ts';
import { resourceListPath } from '../../utils/resource-paths.ts';
import { DeleteMapModal } from './DeleteMapModal.tsx';
import { ActionsDropdown } from '../ActionsDropdown.tsx';

type Props = {
  model: K8sModel;
  metadata: ObjectMeta;
  deleteLabel: string;
  /** A kebab in a list row, or an "Actions" button on the details page. */
  variant: 'kebab' | 'actions';
};

/** Edit, Edit YAML and Delete, each off with the reason when the owning plan or RBAC forbids it. */
export const MapActionsMenu: FC<Props> = ({ model, metadata, deleteLabel, variant }) => {
  const { t } = useForkliftTranslation();
  const navigate = useNavigate();
  const [isDeleting, setIsDeleting] = useState(false);
  const { editDisabledReason, deleteDisabledReason } = useMapActionGate(model, metadata);
  const { name = '', namespace = '' } = metadata;
  const open = (tab: MapTabKey) => navigate(mapDetailsPath(model, namespace, name, tab));
  const toggleProps: Partial<MenuToggleProps> =
    variant === 'kebab'
      ? {
          variant: 'plain',
          'aria-label': t('Actions for {{name}}', { name }),
          icon: <EllipsisVIcon />,
        }
      : {};

  return (
    <>
      <ActionsDropdown
        toggleProps={toggleProps}
        toggleTestId={`map-actions-${name}`}
        label={variant === 'kebab' ? undefined : t('Actions')}
      >
        <DropdownItem
          onClick={() => open('details')}
          isAriaDisabled={editDisabledReason !== undefined}
          description={editDisabledReason}
          data-testid="map-action-edit"
        >
          {t('Edit')}
        </DropdownItem>
        <DropdownItem
          onClick={() => open('yaml')}
          isAriaDisabled={editDisabledReason !== undefined}
          description={editDisabledReason}
          data-testid="map-action-edit-yaml"
        >
          {t('Edit YAML')}
        </DropdownItem>
        <DropdownItem
          onClick={() => setIsDeleting(true)}
          isDanger
          isAriaDisabled={deleteDisabledReason !== undefined}
          description={deleteDisabledReason}
          data-testid="map-action-delete"
        >
          {deleteLabel}
        </DropdownItem>
      </ActionsDropdown>
      {isDeleting && (
        <DeleteMapModal
          model={model}
          metadata={metadata}
          title={deleteLabel}
          onClose={() => setIsDeleting(false)}
          onDeleted={() => {
            setIsDeleting(false);
            if (variant === 'actions') navigate(resourceListPath(model, namespace));
          }}
        />
      )}
    </>
  );
};
