// The Overview's tabs are routes (/mtv/overview/<tab>) so that a tab can be linked and reloaded.
export const OVERVIEW_PATH = '/mtv/overview';

const TABS = ['overview', 'yaml', 'health', 'history', 'settings'] as const;

export type OverviewTabKey = (typeof TABS)[number];

export const overviewTabOf = (pathname: string): OverviewTabKey => {
  const segment = pathname.slice(OVERVIEW_PATH.length).split('/')[1];
  return TABS.find((tab) => tab === segment) ?? 'overview';
};

export const overviewTabPath = (tab: OverviewTabKey): string =>
  tab === 'overview' ? OVERVIEW_PATH : `${OVERVIEW_PATH}/${tab}`;
