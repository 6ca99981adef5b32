import { emptyLadderContent } from '../model/index.ts';
import type { LadderTemplate } from './define-template.ts';

/** What "New ladder" always created: a title and nothing else, to fill in or import into. */
export const blankTemplate: LadderTemplate = {
  id: 'blank',
  name: 'Blank',
  description: 'An empty ladder: add your own levels and competencies.',
  content: emptyLadderContent('', ''),
};
