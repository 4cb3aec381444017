import type { FC, ReactNode } from 'react';
import {
  Button,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Flex,
  FlexItem,
  Tooltip,
} from '@patternfly/react-core';
import PencilAltIcon from '@patternfly/react-icons/dist/esm/icons/pencil-alt-icon';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';

type Props = {
  term: string;
  testId: string;
  children: ReactNode;
  /** Opens the setting's modal; none for a value that cannot be edited here. */
  onEdit?: () => void;
  /** Why the edit button is off (the plan is not editable). */
  disabledReason?: string;
};

/** A plan detail with its edit pencil, disabled with the reason while the plan is not editable. */
export const EditableDetailItem: FC<Props> = ({
  term,
  testId,
  children,
  onEdit,
  disabledReason,
}) => {
  const { t } = useForkliftTranslation();
  const button = onEdit && (
    <Button
      variant="plain"
      size="sm"
      icon={<PencilAltIcon />}
      aria-label={t('Edit {{setting}}', { setting: term })}
      onClick={onEdit}
      isAriaDisabled={Boolean(disabledReason)}
      data-testid={`${testId}-edit`}
    />
  );
  return (
    <DescriptionListGroup>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription>
        <Flex spaceItems={{ default: 'spaceItemsSm' }} alignItems={{ default: 'alignItemsCenter' }}>
          <FlexItem data-testid={testId}>{children}</FlexItem>
          {button && (
            <FlexItem>
              {disabledReason ? <Tooltip content={disabledReason}>{button}</Tooltip> : button}
            </FlexItem>
          )}
        </Flex>
      </DescriptionListDescription>
    </DescriptionListGroup>
  );
};
