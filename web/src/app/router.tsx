import { createBrowserRouter } from 'react-router-dom';
import { AdminPage } from '../admin/AdminPage.tsx';
import { InvitationSignedInPage } from '../auth/InvitationSignedInPage.tsx';
import { ImportPage } from '../import/ImportPage.tsx';
import { LadderListPage } from '../ladders/LadderListPage.tsx';
import { ladderRoutes } from '../published/routes.tsx';
import { Layout } from './Layout.tsx';
import { NotFoundPage, RouteError } from './RouteError.tsx';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <LadderListPage /> },
      ...ladderRoutes,
      { path: 'import', element: <ImportPage /> },
      { path: 'admin/*', element: <AdminPage /> },
      { path: 'invitations/:token', element: <InvitationSignedInPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
