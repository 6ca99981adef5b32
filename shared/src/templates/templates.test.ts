import { describe, expect, it } from 'vitest';
import { cellKey, plainText, validateLadderContent, type PMNode } from '../model/index.ts';
import { contentFromTemplate, findLadderTemplate, LADDER_TEMPLATES, summarizeTemplate } from './index.ts';

const written = LADDER_TEMPLATES.filter((t) => t.id !== 'blank');

function bullets(doc: PMNode): string[] {
  return (doc.content ?? [])
    .filter((n) => n.type === 'bulletList')
    .flatMap((list) => list.content ?? [])
    .map((item) => plainText(item).trim());
}

describe('ladder templates', () => {
  it('offers Blank, an IC engineering, an engineering-manager and a product ladder, each with a unique id', () => {
    expect(LADDER_TEMPLATES.map((t) => t.id)).toEqual([
      'blank',
      'ic-engineering',
      'engineering-manager',
      'product-manager',
    ]);
    expect(LADDER_TEMPLATES.every((t) => /^[a-z0-9-]+$/.test(t.id))).toBe(true);
    expect(findLadderTemplate('ic-engineering')?.name).toBe('Software engineering (IC)');
    expect(findLadderTemplate('nope')).toBeUndefined();
  });

  it.each(LADDER_TEMPLATES.map((t) => [t.id, t] as const))('%s is a valid ladder', (_id, template) => {
    expect(() => validateLadderContent(template.content)).not.toThrow();
    expect(template.name.trim()).not.toBe('');
    expect(template.description.trim()).not.toBe('');
  });

  it('counts what each template holds', () => {
    expect(LADDER_TEMPLATES.map(summarizeTemplate)).toEqual([
      expect.objectContaining({ id: 'blank', levels: 0, competencies: 0 }),
      expect.objectContaining({ id: 'ic-engineering', levels: 6, competencies: 6 }),
      expect.objectContaining({ id: 'engineering-manager', levels: 5, competencies: 6 }),
      expect.objectContaining({ id: 'product-manager', levels: 5, competencies: 6 }),
    ]);
  });

  it.each(written.map((t) => [t.id, t] as const))(
    '%s fills every cell with two to four expectations, and every level summary',
    (_id, { content }) => {
      for (const level of content.levels) {
        expect(plainText(level.summary).trim(), `${level.code} summary`).not.toBe('');
        expect(level.attributes.length, `${level.code} attributes`).toBeGreaterThan(0);
        for (const competency of content.competencies) {
          const cell = content.cells[cellKey(level.id, competency.id)];
          expect(cell, `${level.code} × ${competency.name}`).toBeDefined();
          const items = bullets(cell!);
          expect(items.length, `${level.code} × ${competency.name}`).toBeGreaterThanOrEqual(2);
          expect(items.length, `${level.code} × ${competency.name}`).toBeLessThanOrEqual(4);
          expect(items.every((item) => item.length > 20)).toBe(true);
        }
      }
      for (const competency of content.competencies) {
        expect(competency.group, competency.name).not.toBe('');
        expect(plainText(competency.description).trim(), competency.name).not.toBe('');
      }
    },
  );

  it('repeats no cell and no expectation, within or across templates', () => {
    const cells = written.flatMap((t) => Object.values(t.content.cells).map((c) => plainText(c)));
    expect(new Set(cells).size).toBe(cells.length);
    const items = written.flatMap((t) => Object.values(t.content.cells).flatMap(bullets));
    const repeated = items.filter((item, i) => items.indexOf(item) !== i);
    expect(repeated).toEqual([]);
  });

  it('gives a ladder made from a template ids of its own and the same text', () => {
    const template = findLadderTemplate('ic-engineering')!;
    const a = contentFromTemplate(template);
    const b = contentFromTemplate(template);
    expect(() => validateLadderContent(a)).not.toThrow();
    expect(a.levels[0]!.id).not.toBe(template.content.levels[0]!.id);
    expect(a.levels[0]!.id).not.toBe(b.levels[0]!.id);
    expect(Object.keys(a.cells)).toHaveLength(Object.keys(template.content.cells).length);
    const text = (c: typeof a) =>
      c.levels.flatMap((l) =>
        c.competencies.map((comp) => plainText(c.cells[cellKey(l.id, comp.id)] ?? { type: 'doc' })),
      );
    expect(text(a)).toEqual(text(template.content));
  });
});
