import { levelScore } from '../level-name.ts';
import { isShortCell, type GridCell } from './cells.ts';

/**
 * Which of a matrix's leading columns holds competency groups, when levels are columns:
 * `Group | Competency | L1 | L2` or `Competency | Group | L1 | L2`. Works on any grid (CSV, TSV,
 * tables in documents, and spreadsheets once they are read into `GridCell` rows).
 */
export interface LabelColumns {
  /** Column of competency names. */
  name: number;
  /** Column of group names, or -1. */
  group: number;
  /** First column that is a level. */
  firstLevel: number;
}

const GROUP_NAME =
  /^(groups?|categor(y|ies)|areas?|pillars?|themes?|domains?|families?|competency[ _-]?groups?)$/i;
/** A header naming groups somewhere in it ("Pillar / Area"). */
const GROUP_HEADER = /\b(groups?|pillars?|categor(y|ies)|themes?|domains?|areas?|families?)\b/i;
const COMPETENCY_HEADER =
  /\b(competenc(y|ies)|skills?|dimensions?|areas?|categor(y|ies)|pillars?|criteri(a|on)|attributes?|expectations?|focus|responsibilit(y|ies)|traits?|behaviou?rs?|themes?|topics?)\b/i;

function shortLabels(body: GridCell[][], j: number): boolean {
  return body.every((r) => r[j] !== undefined && isShortCell(r[j]!, 150));
}

/** Short values that repeat down the column: "Craft, Craft, Impact" (blanks continue the group above). */
function repeatsLikeGroups(body: GridCell[][], j: number): boolean {
  const values = body.map((r) => r[j]?.text ?? '').filter(Boolean);
  if (values.length < 2 || values.some((v) => v.length > 40 || levelScore(v) > 0)) return false;
  const distinct = new Set(values.map((v) => v.toLowerCase())).size;
  return distinct < body.length && (distinct < values.length || values.length < body.length);
}

function uniqueValues(body: GridCell[][], j: number): boolean {
  const values = body.map((r) => r[j]?.text ?? '').filter(Boolean);
  return new Set(values.map((v) => v.toLowerCase())).size === values.length;
}

export function labelColumns(header: GridCell[], body: GridCell[][]): LabelColumns {
  const single: LabelColumns = { name: 0, group: -1, firstLevel: 1 };
  if (header.length < 3 || !body.length) return single;
  const [h0, h1] = [header[0]!.text.trim(), header[1]!.text.trim()];
  if (!shortLabels(body, 1)) return single;
  const groupFirst: LabelColumns = { name: 1, group: 0, firstLevel: 2 };
  const groupSecond: LabelColumns = { name: 0, group: 1, firstLevel: 2 };
  if (GROUP_NAME.test(h1) && !GROUP_HEADER.test(h0)) return shortLabels(body, 0) ? groupSecond : single;
  if (levelScore(h1) > 0) return single;
  if (GROUP_HEADER.test(h0) || COMPETENCY_HEADER.test(h1)) return groupFirst;
  // No telling header: the column whose short values repeat is the group, the unique one the name.
  if (repeatsLikeGroups(body, 0) && uniqueValues(body, 1)) return groupFirst;
  if (
    repeatsLikeGroups(body, 1) &&
    uniqueValues(body, 0) &&
    shortLabels(body, 0) &&
    COMPETENCY_HEADER.test(h0)
  )
    return groupSecond;
  return single;
}
