import type { FC, ReactNode } from 'react';
import { Content, PageSection } from '@patternfly/react-core';
import { useNavigate, useParams } from 'react-router';
import type { K8sModel } from '@forklift-console/api';
import { useConsoleHost } from '../../host/ConsoleHost.ts';
import { useCreateMap, type AnyMap } from '../../hooks/useMapMutations.ts';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { mapDetailsPath } from '../../utils/map-paths.ts';
import { mapTemplate } from '../../utils/map-template.ts';
import { PageTitle } from '../PageTitle.tsx';
import { YamlEditor } from '../YamlEditor.tsx';

type Props = {
  model: K8sModel;
  title: string;
  tipsButton: ReactNode;
};

/** Create with YAML: Forklift's skeleton in an editor; Create sends it to the BFF as it stands. */
export const MapYamlCreatePage: FC<Props> = ({ model, title, tipsButton }) => {
  const { t } = useForkliftTranslation();
  const { namespace: pathNamespace } = useParams();
  const { activeNamespace } = useConsoleHost();
  const navigate = useNavigate();
  const create = useCreateMap(model);
  const fallbackNamespace = pathNamespace ?? activeNamespace ?? 'default';

  return (
    <>
      <PageTitle title={title} actions={tipsButton} />
      <PageSection>
        <Content component="p" className="pf-v6-u-mb-md">
          {t('Fill in the template; the map is created in the project its metadata names.')}
        </Content>
        <YamlEditor
          object={mapTemplate(model, fallbackNamespace)}
          ariaLabel={t('Map YAML')}
          save={create}
          saveLabel={t('Create')}
          isNew
          onSave={(parsed) => {
            const map = parsed as AnyMap;
            const namespace = map.metadata?.namespace ?? fallbackNamespace;
            create.mutate(
              { namespace, map },
              {
                onSuccess: (stored) =>
                  navigate(mapDetailsPath(model, namespace, stored.metadata?.name ?? '')),
              },
            );
          }}
        />
      </PageSection>
    </>
  );
};
