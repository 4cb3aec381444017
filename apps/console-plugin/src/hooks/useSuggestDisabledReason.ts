import { useForkliftTranslation } from '../utils/i18n.ts';

type State = { hasProviders: boolean; isSupported: boolean; canSuggest: boolean };

/** Why "Suggest mappings" cannot run yet, or undefined when it can. */
export const useSuggestDisabledReason = ({ hasProviders, isSupported, canSuggest }: State) => {
  const { t } = useForkliftTranslation();
  if (!hasProviders) return t('Choose the source and target providers first');
  if (!isSupported) return t('Suggestions read the VMs of a vSphere or OVA source provider');
  if (!canSuggest) return t('The inventory is still being read');
  return undefined;
};
