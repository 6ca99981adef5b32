import type { LadderContent } from '@rungs/shared';
import { api, type Session } from '../helpers/auth.ts';

/** Creates a ladder through the REST API as `session` (an editor or admin). */
export async function createLadderAs(
  session: Session,
  content: LadderContent,
): Promise<{ slug: string; draftDocument: string }> {
  const res = await api(session, 'POST', '/api/ladders', {
    title: content.title,
    track: content.track,
    content,
  });
  if (res.status !== 201) throw new Error(`create ladder failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { ladder: { slug: string; draftDocument: string } }).ladder;
}
