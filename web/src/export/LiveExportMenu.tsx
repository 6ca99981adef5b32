import { readLadderContent } from '../domain.ts';
import { useCollab } from '../collab/CollabContext.tsx';
import { ExportMenu } from './ExportMenu.tsx';

/**
 * The Export menu for the live document of the surrounding `CollabProvider` (a draft or a
 * proposal): exports exactly what is on screen, including edits not yet published.
 * For a published version, use `<ExportMenu getContent={() => content} version={n} … />`.
 */
export function LiveExportMenu({ name }: { name?: string }) {
  const { doc } = useCollab();
  return <ExportMenu name={name} getContent={() => readLadderContent(doc)} />;
}
