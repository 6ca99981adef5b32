/** The small identifying part of a level or competency that diff entries carry for labels. */
import type { Competency, Level } from '../model/index.ts';
import type { CompetencyRef, LevelRef } from './types.ts';

export function levelRef(level: Level): LevelRef {
  return { id: level.id, code: level.code, title: level.title };
}

export function competencyRef(competency: Competency): CompetencyRef {
  return { id: competency.id, name: competency.name, group: competency.group };
}

/** How a level is named in sentences: its code, else its title. */
export function levelLabel(level: Pick<LevelRef, 'code' | 'title'>): string {
  return level.code.trim() || level.title.trim() || 'untitled level';
}

/** How a competency is named in sentences. */
export function competencyLabel(competency: Pick<CompetencyRef, 'name'>): string {
  return competency.name.trim() || 'untitled competency';
}
