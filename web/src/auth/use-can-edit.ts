import { canEdit } from '../api/session.ts';
import { useAuth } from './AuthContext.tsx';

/** Whether my role may change drafts; the server enforces it, the UI only stops offering it. */
export function useCanEdit(): boolean {
  return canEdit(useAuth().user.role);
}
