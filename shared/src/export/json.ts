import type { LadderContent } from '../model/index.ts';

/** Our canonical JSON, pretty-printed. `importLadder` reads it back as is (ids included). */
export function exportJson(content: LadderContent): string {
  return `${JSON.stringify(content, null, 2)}\n`;
}
