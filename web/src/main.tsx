import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { router } from './app/router.tsx';
import { AuthProvider } from './auth/AuthContext.tsx';
import { IdentityProvider } from './identity/IdentityContext.tsx';
import './styles/base.css';
import './styles/app.css';
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
