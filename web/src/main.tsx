import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { router } from './app/router.tsx';
import { AuthProvider } from './auth/AuthContext.tsx';
import { IdentityProvider } from './identity/IdentityContext.tsx';
import './styles/tokens.css';
import './styles/base.css';
// After base.css and before matrix, editor, responsive and print: the order of equal selectors.
import './app/layout.css';
import './ladders/ladder-list.css';
import './proposals/ladder-fields.css';
import './ui/inline-text.css';
import './collab/collab.css';
import './identity/identity.css';
import './styles/matrix.css';
import './styles/editor.css';
import './styles/responsive.css';
import './styles/print.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AuthProvider>
      <IdentityProvider>
        <RouterProvider router={router} />
      </IdentityProvider>
    </AuthProvider>
  </StrictMode>,
);
