import type { FC } from 'react';
import { Nav, NavExpandable, NavItem, NavList } from '@patternfly/react-core';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { i18nReferenceOf, visibleItems, type NavSection } from './navigation.ts';
import { useShellFlags } from './useShellFlags.ts';

type Props = { sections: NavSection[]; activeNamespace: string | undefined };

export const ShellNavigation: FC<Props> = ({ sections, activeNamespace }) => {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const flags = useShellFlags();
  const label = (name: string) => {
    const reference = i18nReferenceOf(name);
    return reference ? t(reference.key, { ns: reference.ns }) : name;
  };

  return (
    <Nav aria-label={t('Navigation')}>
      <NavList>
        {sections.map((section) => (
          <NavExpandable
            key={section.id}
            title={label(section.name)}
            isExpanded
            data-testid={section.testId}
          >
            {visibleItems(section.items, flags).map((item) => {
              const href = item.href(activeNamespace);
              // Resource pages stay active whichever project they show.
              const kind = href.split('/').pop() ?? href;
              return (
                <NavItem
                  key={item.id}
                  itemId={item.id}
                  to={href}
                  isActive={pathname.startsWith(href) || pathname.endsWith(`/${kind}`)}
                  data-testid={item.testId}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(href);
                  }}
                >
                  {label(item.name)}
                </NavItem>
              );
            })}
          </NavExpandable>
        ))}
      </NavList>
    </Nav>
  );
};
