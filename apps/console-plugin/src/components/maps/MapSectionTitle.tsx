import type { FC } from 'react';
import { Button, Flex, FlexItem, Title, Tooltip } from '@patternfly/react-core';
import PencilAltIcon from '@patternfly/react-icons/dist/esm/icons/pencil-alt-icon';

/** A section's heading, with its edit button (off, with the reason, when editing is refused). */
export const MapSectionTitle: FC<{
  title: string;
  editLabel?: string;
  onEdit?: () => void;
  disabledReason?: string;
  testId?: string;
}> = ({ title, editLabel, onEdit, disabledReason, testId }) => {
  const button = onEdit && (
    <Button
      variant="link"
      icon={<PencilAltIcon />}
      onClick={onEdit}
      isAriaDisabled={disabledReason !== undefined}
      data-testid={testId}
    >
      {editLabel}
    </Button>
  );
  return (
    <Flex alignItems={{ default: 'alignItemsCenter' }} className="pf-v6-u-mb-md pf-v6-u-mt-lg">
      <FlexItem>
        <Title headingLevel="h2">{title}</Title>
      </FlexItem>
      {button && (
        <FlexItem>
          {disabledReason ? <Tooltip content={disabledReason}>{button}</Tooltip> : button}
        </FlexItem>
      )}
    </Flex>
  );
};
