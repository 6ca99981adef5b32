import type { RouteObject } from 'react-router-dom';
import { CompareTab } from '../compare/CompareTab.tsx';
import { HistoryTab } from '../history/HistoryTab.tsx';
import { VersionDiffPage } from '../history/VersionDiffPage.tsx';
import { VersionPage } from '../history/VersionPage.tsx';
import { LadderSettingsTab } from '../ladders/LadderSettingsTab.tsx';
import { ProposalPage } from '../proposals/ProposalPage.tsx';
import { ProposalsTab } from '../proposals/ProposalsTab.tsx';
import { LadderShell } from './LadderShell.tsx';
import { LevelPage } from './LevelPage.tsx';
import { PublishedTab } from './PublishedTab.tsx';

/**
 * Everything under `/ladders/:slug`: the tabs (Published with a page per level, Proposals,
 * History with any version and any diff, Compare levels, Settings for admins) and the proposal page.
 */
export const ladderRoutes: RouteObject[] = [
  {
    path: 'ladders/:slug',
    element: <LadderShell />,
    children: [
      { index: true, element: <PublishedTab /> },
      { path: 'levels/:levelId', element: <LevelPage /> },
      { path: 'proposals', element: <ProposalsTab /> },
      { path: 'history', element: <HistoryTab /> },
      { path: 'history/:range', element: <VersionDiffPage /> },
      { path: 'versions/:version', element: <VersionPage /> },
      { path: 'compare', element: <CompareTab /> },
      { path: 'settings', element: <LadderSettingsTab /> },
    ],
  },
  { path: 'ladders/:slug/proposals/:number/*', element: <ProposalPage /> },
];
