import type { FC } from 'react';
import {
  FormSelect,
  FormSelectOption,
  FormSelectOptionGroup,
  SearchInput,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { PROVIDER_TYPES } from '../../utils/provider-types.ts';
import { PROVIDER_PHASES } from '../../utils/provider-status.ts';
import { providerPhaseLabel } from '../../utils/provider-phase-label.ts';
import type { FILTER_PARAMS, ProviderFilters } from '../utils/provider-filters.ts';
import { CreateProviderButton } from './CreateProviderButton.tsx';

type Props = {
  filters: ProviderFilters;
  onFilterChange: (filter: keyof typeof FILTER_PARAMS, value: string | undefined) => void;
};

const ALL = '';

export const ProvidersToolbar: FC<Props> = ({ filters, onFilterChange }) => {
  const { t } = useForkliftTranslation();
  return (
    <Toolbar>
      <ToolbarContent>
        <ToolbarGroup variant="filter-group">
          <ToolbarItem>
            <SearchInput
              placeholder={t('Filter by name')}
              aria-label={t('Filter by name')}
              value={filters.name}
              onChange={(_event, value) => onFilterChange('name', value)}
              onClear={() => onFilterChange('name', undefined)}
              data-testid="provider-name-filter"
            />
          </ToolbarItem>
          <ToolbarItem>
            <FormSelect
              value={filters.type ?? ALL}
              onChange={(_event, value) => onFilterChange('type', value)}
              aria-label={t('Type')}
              data-testid="provider-type-filter"
            >
              <FormSelectOption value={ALL} label={t('All types')} />
              <FormSelectOptionGroup label={t('Target and source')}>
                {PROVIDER_TYPES.filter((info) => !info.sourceOnly).map(({ type, label }) => (
                  <FormSelectOption key={type} value={type} label={label} />
                ))}
              </FormSelectOptionGroup>
              <FormSelectOptionGroup label={t('Source only')}>
                {PROVIDER_TYPES.filter((info) => info.sourceOnly).map(({ type, label }) => (
                  <FormSelectOption key={type} value={type} label={label} />
                ))}
              </FormSelectOptionGroup>
            </FormSelect>
          </ToolbarItem>
          <ToolbarItem>
            <FormSelect
              value={filters.phase ?? ALL}
              onChange={(_event, value) => onFilterChange('phase', value)}
              aria-label={t('Status')}
              data-testid="provider-status-filter"
            >
              <FormSelectOption value={ALL} label={t('All statuses')} />
              {PROVIDER_PHASES.map((phase) => (
                <FormSelectOption key={phase} value={phase} label={providerPhaseLabel(phase, t)} />
              ))}
            </FormSelect>
          </ToolbarItem>
        </ToolbarGroup>
        <ToolbarItem align={{ default: 'alignEnd' }}>
          <CreateProviderButton />
        </ToolbarItem>
      </ToolbarContent>
    </Toolbar>
  );
};
