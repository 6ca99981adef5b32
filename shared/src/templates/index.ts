import type { LadderTemplateSummary } from '../api/ladder-templates.ts';
import type { LadderContent } from '../model/index.ts';
import { blankTemplate } from './blank.ts';
import type { LadderTemplate } from './define-template.ts';
import { engineeringManagerTemplate } from './engineering-manager.ts';
import { withFreshIds } from './fresh-ids.ts';
import { icEngineeringTemplate } from './ic-engineering.ts';
import { productManagerTemplate } from './product-manager.ts';

export type { LadderTemplate } from './define-template.ts';
export { withFreshIds } from './fresh-ids.ts';

/** Every template, in the order "New ladder" offers them (Blank first). */
export const LADDER_TEMPLATES: readonly LadderTemplate[] = [
  blankTemplate,
  icEngineeringTemplate,
  engineeringManagerTemplate,
  productManagerTemplate,
];

export function summarizeTemplate(template: LadderTemplate): LadderTemplateSummary {
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    title: template.content.title,
    track: template.content.track,
    levels: template.content.levels.length,
    competencies: template.content.competencies.length,
  };
}

export function findLadderTemplate(id: string): LadderTemplate | undefined {
  return LADDER_TEMPLATES.find((t) => t.id === id);
}

/** A new ladder's content from a template: a copy with ids of its own. */
export function contentFromTemplate(template: LadderTemplate): LadderContent {
  return withFreshIds(template.content);
}
