import type { FC } from 'react';
import {
  Masthead,
  MastheadBrand,
  MastheadContent,
  MastheadLogo,
  MastheadMain,
  MastheadToggle,
  Page,
  PageSidebar,
  PageSidebarBody,
  PageToggleButton,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import BarsIcon from '@patternfly/react-icons/dist/esm/icons/bars-icon';
import { Route, Routes } from 'react-router';
import { PageProviders } from '@forklift-console/console-plugin/components/PageProviders.tsx';
import { pages } from '@forklift-console/console-plugin/pages.ts';
import { TipsProvider } from '@forklift-console/console-plugin/tips/TipsContext.tsx';
import { TipsDrawer } from '@forklift-console/console-plugin/tips/TipsDrawer.tsx';
import extensions from '../../../console-extensions.json';
import { navigationFrom, pageNameOf, routesFrom, type Extension } from './navigation.ts';
import { ProjectSelector } from './ProjectSelector.tsx';
import { ShellNavigation } from './ShellNavigation.tsx';
import { ShellHome } from './ShellHome.tsx';
import { useStandaloneNamespace } from './useStandaloneNamespace.ts';

const sections = navigationFrom(extensions as Extension[]);
const routes = routesFrom(extensions as Extension[]).map((route) => {
  const name = pageNameOf(route.codeRef);
  const page = name && name in pages ? pages[name as keyof typeof pages] : undefined;
  if (!page) throw new Error(`console-extensions.json names an unknown page: ${route.codeRef}`);
  return { path: route.path, Page: page };
});

/** The console-like frame of the standalone app: masthead, navigation, project selector. */
export const ShellFrame: FC = () => {
  const [activeNamespace, setActiveNamespace] = useStandaloneNamespace();
  const host = { activeNamespace, bffBaseUrl: '' };

  const masthead = (
    <Masthead>
      <MastheadMain>
        <MastheadToggle>
          <PageToggleButton variant="plain" aria-label="Global navigation">
            <BarsIcon />
          </PageToggleButton>
        </MastheadToggle>
        <MastheadBrand>
          <MastheadLogo href="/">Forklift Console</MastheadLogo>
        </MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <Toolbar isFullHeight isStatic>
          <ToolbarContent>
            <ToolbarItem>
              <ProjectSelector activeNamespace={activeNamespace} onSelect={setActiveNamespace} />
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
      </MastheadContent>
    </Masthead>
  );

  const sidebar = (
    <PageSidebar>
      <PageSidebarBody>
        <ShellNavigation sections={sections} activeNamespace={activeNamespace} />
      </PageSidebarBody>
    </PageSidebar>
  );

  return (
    <PageProviders host={host}>
      <TipsProvider>
        {/* The drawer inside the page, so the masthead and navigation stay outside it, as in the
            console. */}
        <Page masthead={masthead} sidebar={sidebar} isManagedSidebar>
          <TipsDrawer>
            <Routes>
              {routes.map(({ path, Page: RoutePage }) => (
                <Route key={path} path={path} element={<RoutePage />} />
              ))}
              <Route path="*" element={<ShellHome sections={sections} />} />
            </Routes>
          </TipsDrawer>
        </Page>
      </TipsProvider>
    </PageProviders>
  );
};
