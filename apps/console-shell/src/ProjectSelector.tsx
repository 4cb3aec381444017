import { useState, type FC, type Ref } from 'react';
import {
  Divider,
  MenuToggle,
  Select,
  SelectList,
  SelectOption,
  type MenuToggleElement,
} from '@patternfly/react-core';
import { useNamespaces } from '@forklift-console/console-plugin/hooks/useNamespaces.ts';
import { useForkliftTranslation } from '@forklift-console/console-plugin/utils/i18n.ts';

type Props = {
  activeNamespace: string | undefined;
  onSelect: (namespace: string | undefined) => void;
};

const ALL = '#ALL_NS#';

export const ProjectSelector: FC<Props> = ({ activeNamespace, onSelect }) => {
  const { t } = useForkliftTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const { data: namespaces = [], error } = useNamespaces();

  return (
    <Select
      isOpen={isOpen}
      selected={activeNamespace ?? ALL}
      onSelect={(_event, value) => {
        setIsOpen(false);
        onSelect(value === ALL ? undefined : String(value));
      }}
      onOpenChange={setIsOpen}
      // The masthead sits below the page in stacking order; a menu left inside it would be hidden.
      popperProps={{ appendTo: () => document.body }}
      toggle={(toggleRef: Ref<MenuToggleElement>) => (
        <MenuToggle
          ref={toggleRef}
          onClick={() => setIsOpen((open) => !open)}
          isExpanded={isOpen}
          data-testid="project-selector"
        >
          {t('Project: {{project}}', { project: activeNamespace ?? t('All projects') })}
        </MenuToggle>
      )}
    >
      <SelectList aria-label={t('Projects')}>
        <SelectOption value={ALL}>{t('All projects')}</SelectOption>
        <Divider component="li" />
        {error ? (
          <SelectOption isDisabled value="#error#">
            {t('Could not load projects')}
          </SelectOption>
        ) : (
          namespaces.map((namespace) => (
            <SelectOption key={namespace} value={namespace}>
              {namespace}
            </SelectOption>
          ))
        )}
      </SelectList>
    </Select>
  );
};
