import { apiRequest } from './client.ts';
import type { Comment, Thread } from '@rungs/shared/api/comments';

export type { Comment, Thread };

const commentsPath = (slug: string, n: number) =>
  `/ladders/${encodeURIComponent(slug)}/proposals/${n}/comments`;

export async function listThreads(slug: string, n: number, signal?: AbortSignal): Promise<Thread[]> {
  const { threads } = await apiRequest<{ threads: Thread[] }>(commentsPath(slug, n), { signal });
  return threads;
}

export async function createComment(
  slug: string,
  n: number,
  input: { body: string; cellKey?: string | null; parentId?: number | null },
): Promise<Comment> {
  const { comment } = await apiRequest<{ comment: Comment }>(commentsPath(slug, n), {
    method: 'POST',
    body: input,
  });
  return comment;
}

export async function editComment(slug: string, n: number, id: number, body: string): Promise<Comment> {
  const { comment } = await apiRequest<{ comment: Comment }>(`${commentsPath(slug, n)}/${id}`, {
    method: 'PATCH',
    body: { body },
  });
  return comment;
}

export async function deleteComment(slug: string, n: number, id: number): Promise<void> {
  await apiRequest<void>(`${commentsPath(slug, n)}/${id}`, { method: 'DELETE' });
}

export async function setThreadResolved(
  slug: string,
  n: number,
  id: number,
  resolved: boolean,
): Promise<Comment> {
  const { comment } = await apiRequest<{ comment: Comment }>(
    `${commentsPath(slug, n)}/${id}/${resolved ? 'resolve' : 'unresolve'}`,
    { method: 'POST' },
  );
  return comment;
}
