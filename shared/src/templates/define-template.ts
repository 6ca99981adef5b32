import {
  cellKey,
  docFromBullets,
  docFromParagraphs,
  LADDER_CONTENT_VERSION,
  type LadderContent,
} from '../model/index.ts';

/** A starting point for a new ladder, written by us. */
export interface LadderTemplate {
  /** Stable, URL-safe id the API takes (`template: "ic-engineering"`). */
  id: string;
  name: string;
  /** One line: who the ladder is for and what it covers. */
  description: string;
  content: LadderContent;
}

export interface TemplateLevel {
  code: string;
  title: string;
  summary: string;
  attributes: Record<string, string>;
}

export interface TemplateCompetency {
  group: string;
  name: string;
  description: string;
  /** One list of expectations per level, lowest level first. */
  expectations: string[][];
}

/**
 * Builds a template's ladder from plain text, so the text reads as text. Ids are fixed and
 * readable (`<template>-level-1`); a ladder created from a template gets fresh ones.
 */
export function defineTemplate(spec: {
  id: string;
  name: string;
  description: string;
  title: string;
  track: string;
  ladderDescription: string[];
  levels: TemplateLevel[];
  competencies: TemplateCompetency[];
}): LadderTemplate {
  const levelIds = spec.levels.map((_, i) => `${spec.id}-level-${i + 1}`);
  const competencyIds = spec.competencies.map((_, i) => `${spec.id}-competency-${i + 1}`);
  const cells: LadderContent['cells'] = {};
  spec.competencies.forEach((competency, c) => {
    if (competency.expectations.length !== spec.levels.length) {
      throw new Error(
        `template ${spec.id}: "${competency.name}" has ${competency.expectations.length} levels of expectations, not ${spec.levels.length}`,
      );
    }
    competency.expectations.forEach((items, l) => {
      if (items.length) cells[cellKey(levelIds[l]!, competencyIds[c]!)] = docFromBullets(items);
    });
  });
  return {
    id: spec.id,
    name: spec.name,
    description: spec.description,
    content: {
      schemaVersion: LADDER_CONTENT_VERSION,
      title: spec.title,
      track: spec.track,
      description: docFromParagraphs(...spec.ladderDescription),
      levels: spec.levels.map((level, i) => ({
        id: levelIds[i]!,
        code: level.code,
        title: level.title,
        summary: docFromParagraphs(level.summary),
        attributes: Object.entries(level.attributes).map(([key, value]) => ({ key, value })),
      })),
      competencies: spec.competencies.map((competency, i) => ({
        id: competencyIds[i]!,
        name: competency.name,
        group: competency.group,
        description: docFromParagraphs(competency.description),
      })),
      cells,
    },
  };
}
