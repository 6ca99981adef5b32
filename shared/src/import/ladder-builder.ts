import {
  LADDER_CONTENT_VERSION,
  LADDER_LIMITS,
  cellKey,
  newId,
  type Competency,
  type LadderContent,
  type Level,
  type LevelAttribute,
  type PMNode,
} from '../model/index.ts';
import { ladderTooLarge } from './errors.ts';
import type { LevelName } from './level-name.ts';
import { normalizeBlocks } from './rich-text/normalize.ts';
import type { Warnings } from './warnings.ts';

export interface LevelDraft {
  id: string;
  code: string;
  title: string;
  summary: PMNode[];
  attributes: LevelAttribute[];
}

export interface CompetencyDraft {
  id: string;
  key: string;
  name: string;
  group: string;
  description: PMNode[];
}

const MAX_NAME = 500;
const MAX_CODE = 200;

function norm(s: string): string {
  return s
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[:：]\s*$/, '')
    .trim()
    .toLowerCase();
}

export function competencyKey(name: string, group: string): string {
  return `${norm(group)}\u0001${norm(name)}`;
}

function paragraph(text: string): PMNode {
  return { type: 'paragraph', content: [{ type: 'text', text }] };
}

/**
 * Accumulates what a layout reader finds (levels, competencies, cells) and produces a valid
 * `LadderContent`: competencies matched by group and name across levels, ordered consistently with
 * every level's own order, empty cells dropped, over-long names shortened with their text kept.
 */
export class LadderBuilder {
  title: string | undefined;
  track = '';
  description: PMNode[] = [];
  readonly levels: LevelDraft[] = [];
  private readonly competencies = new Map<string, CompetencyDraft>();
  private readonly sequences = new Map<string, Set<string>>();
  private readonly cells = new Map<string, PMNode[]>();

  constructor(private readonly warnings: Warnings) {}

  addLevel(name: LevelName): LevelDraft {
    if (this.levels.length >= LADDER_LIMITS.maxLevels)
      throw ladderTooLarge({ kind: 'levels', count: this.levels.length + 1, limit: LADDER_LIMITS.maxLevels });
    const level: LevelDraft = {
      id: newId(),
      code: name.code,
      title: name.title,
      summary: [],
      attributes: [],
    };
    this.levels.push(level);
    return level;
  }

  /** A level with this code and title, created at the end if new. */
  levelNamed(name: LevelName): LevelDraft {
    const found = this.levels.find(
      (l) => norm(l.code) === norm(name.code) && norm(l.title) === norm(name.title),
    );
    return found ?? this.addLevel(name);
  }

  /** The competency with this name and group, created if new; `sequence` records the order it appeared in. */
  competency(name: string, group: string, sequence = 'definitions'): CompetencyDraft {
    const key = competencyKey(name, group);
    let comp = this.competencies.get(key);
    if (!comp) {
      if (this.competencies.size >= LADDER_LIMITS.maxCompetencies)
        throw ladderTooLarge({
          kind: 'competencies',
          count: this.competencies.size + 1,
          limit: LADDER_LIMITS.maxCompetencies,
        });
      comp = {
        id: newId(),
        key,
        name: name.replace(/\s+/g, ' ').trim(),
        group: group.replace(/\s+/g, ' ').trim(),
        description: [],
      };
      this.competencies.set(key, comp);
    }
    let seq = this.sequences.get(sequence);
    if (!seq) this.sequences.set(sequence, (seq = new Set()));
    seq.add(key);
    return comp;
  }

  hasCompetencies(): boolean {
    return this.competencies.size > 0;
  }

  /** Append blocks to the cell of `level` × `comp` (a second mention of a competency in a level adds to it). */
  appendCell(level: LevelDraft, comp: CompetencyDraft, blocks: PMNode[], line?: number): void {
    this.competency(comp.name, comp.group, level.id);
    const key = `${level.id}\u0000${comp.key}`;
    const existing = this.cells.get(key);
    if (existing && existing.length && blocks.length) {
      this.warnings.add(
        'duplicate_cell',
        `“${comp.name}” appears twice in level “${level.code || level.title}”; both texts were kept in one cell.`,
        line,
      );
    }
    // Appended in place: copying the cell on every append is quadratic in a cell repeated many times.
    if (!existing) this.cells.set(key, [...blocks]);
    else for (const block of blocks) existing.push(block);
  }

  addAttribute(level: LevelDraft, key: string, value: string): void {
    const k = key.replace(/\s+/g, ' ').trim();
    const v = value.trim();
    if (!k || !v) return;
    level.attributes.push({ key: k, value: v });
  }

  filledCellCount(): number {
    let n = 0;
    for (const blocks of this.cells.values()) if (normalizeBlocks(blocks).length) n++;
    return n;
  }

  /** Competency order consistent with each level's order: a new one goes before the next one already placed. */
  private competencyOrder(): CompetencyDraft[] {
    const order: string[] = [];
    const sequences = [...this.sequences.entries()].sort(([a], [b]) =>
      a === 'definitions' ? -1 : b === 'definitions' ? 1 : 0,
    );
    const placed = new Set<string>();
    for (const [, keys] of sequences) {
      const seq = [...keys];
      // The first key after each position that an earlier sequence already placed.
      const nextPlaced: Array<string | undefined> = [];
      for (let i = seq.length - 1, next: string | undefined; i >= 0; i--) {
        nextPlaced[i] = next;
        if (placed.has(seq[i]!)) next = seq[i];
      }
      seq.forEach((key, i) => {
        if (placed.has(key)) return;
        placed.add(key);
        const next = nextPlaced[i];
        if (next === undefined) order.push(key);
        else order.splice(order.indexOf(next), 0, key);
      });
    }
    for (const key of this.competencies.keys()) if (!placed.has(key)) order.push(key);
    return order.map((k) => this.competencies.get(k)!);
  }

  private clamp(text: string, max: number, what: string, overflow: PMNode[]): string {
    if (text.length <= max) return text;
    this.warnings.add(
      'name_too_long',
      `${what} is longer than ${max} characters; it was shortened and its full text kept below it.`,
    );
    overflow.unshift(paragraph(text));
    return `${text.slice(0, max - 1).trimEnd()}…`;
  }

  build(fallbackTitle: string): LadderContent {
    const description = [...this.description];
    const title = this.clamp(
      (this.title ?? fallbackTitle).replace(/\s+/g, ' ').trim(),
      MAX_NAME,
      'The ladder title',
      description,
    );
    const track = this.clamp(this.track.replace(/\s+/g, ' ').trim(), MAX_NAME, 'The track', description);
    const levels: Level[] = this.levels.map((l) => {
      const summary = [...l.summary];
      const code = this.clamp(l.code, MAX_CODE, `The code of level “${l.code.slice(0, 40)}”`, summary);
      const levelTitle = this.clamp(
        l.title,
        MAX_NAME,
        `The title of level “${l.title.slice(0, 40)}”`,
        summary,
      );
      return {
        id: l.id,
        code,
        title: levelTitle,
        summary: { type: 'doc', content: normalizeBlocks(summary) },
        attributes: l.attributes,
      };
    });
    const competencies: Competency[] = this.competencyOrder().map((c) => {
      const desc = [...c.description];
      const name = this.clamp(c.name, MAX_NAME, `The competency name “${c.name.slice(0, 40)}”`, desc);
      const group = this.clamp(c.group, MAX_NAME, `The group name “${c.group.slice(0, 40)}”`, desc);
      return { id: c.id, name, group, description: { type: 'doc', content: normalizeBlocks(desc) } };
    });
    const keyById = new Map([...this.competencies.values()].map((c) => [c.id, c.key]));
    const cells: LadderContent['cells'] = {};
    for (const level of this.levels) {
      for (const c of competencies) {
        const key = keyById.get(c.id)!;
        const blocks = this.cells.get(`${level.id}\u0000${key}`);
        if (!blocks) continue;
        const content = normalizeBlocks(blocks);
        if (content.length) cells[cellKey(level.id, c.id)] = { type: 'doc', content };
      }
    }
    return {
      schemaVersion: LADDER_CONTENT_VERSION,
      title,
      track,
      description: { type: 'doc', content: normalizeBlocks(description) },
      levels,
      competencies,
      cells,
    };
  }
}
