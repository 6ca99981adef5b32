import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  type ISectionOptions,
} from 'docx';
import { withoutIds } from '../../import/canonical.ts';
import { formatLevelName } from '../../import/level-name.ts';
import {
  DOCX_FINGERPRINT_PROPERTY,
  DOCX_LADDER_PROPERTY,
  docxToHtml,
  htmlFingerprint,
} from '../../import/office/docx-import.ts';
import { cellKey, type LadderContent } from '../../model/index.ts';
import { hasContent } from '../has-content.ts';
import { ORDERED_LIST, blocksToDocx } from './pm-to-docx.ts';

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({ heading: level, children: [new TextRun(text)] });
}

function sections(content: LadderContent): ISectionOptions[] {
  const counter = { lists: 0 };
  const intro: Paragraph[] = [];
  if (content.title) intro.push(heading(content.title, HeadingLevel.TITLE));
  if (content.track) intro.push(new Paragraph({ children: [new TextRun(`Track: ${content.track}`)] }));
  intro.push(...blocksToDocx(content.description.content, counter));
  const described = content.competencies.filter((c) => hasContent(c.description));
  if (described.length) {
    intro.push(heading('Competencies', HeadingLevel.HEADING_1));
    for (const c of described) {
      intro.push(heading(c.group ? `${c.group}: ${c.name}` : c.name, HeadingLevel.HEADING_2));
      intro.push(...blocksToDocx(c.description.content, counter));
    }
  }
  const levels = content.levels.map((level): ISectionOptions => {
    const children: Paragraph[] = [heading(formatLevelName(level), HeadingLevel.HEADING_1)];
    children.push(...blocksToDocx(level.summary.content, counter));
    for (const a of level.attributes)
      children.push(
        new Paragraph({ children: [new TextRun({ text: `${a.key}: `, bold: true }), new TextRun(a.value)] }),
      );
    let group = '';
    for (const c of content.competencies) {
      const cell = content.cells[cellKey(level.id, c.id)];
      if (!hasContent(cell)) continue;
      if (c.group && c.group !== group) children.push(heading(c.group, HeadingLevel.HEADING_2));
      group = c.group;
      children.push(heading(c.name, c.group ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2));
      children.push(...blocksToDocx(cell.content, counter));
    }
    return { children };
  });
  return [{ children: intro }, ...levels];
}

const NUMBERING = {
  config: [
    {
      reference: ORDERED_LIST,
      levels: Array.from({ length: 9 }, (_, level) => ({
        level,
        format: LevelFormat.DECIMAL,
        text: `%${level + 1}.`,
        alignment: AlignmentType.START,
        style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
      })),
    },
  ],
};

function document(content: LadderContent, properties: Array<{ name: string; value: string }>): Document {
  return new Document({
    title: content.title,
    numbering: NUMBERING,
    customProperties: properties,
    sections: sections(content),
  });
}

/** The Word document alone, without the embedded ladder: read back from what it shows. */
export async function exportShownDocx(content: LadderContent): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(document(content, [])));
}

/**
 * A Word document of the ladder: its title and description, then one section per level (its
 * summary, attributes, and each competency as a heading over its expectations). The ladder itself
 * rides along in a custom property with a fingerprint of what the document shows, so it reads
 * back exactly until someone edits it (then it is read from what it shows).
 */
export async function exportDocx(content: LadderContent): Promise<Uint8Array> {
  const plain = await exportShownDocx(content);
  const { html } = await docxToHtml(plain);
  const withLadder = await Packer.toBuffer(
    document(content, [
      { name: DOCX_LADDER_PROPERTY, value: JSON.stringify(withoutIds(content)) },
      { name: DOCX_FINGERPRINT_PROPERTY, value: htmlFingerprint(html) },
    ]),
  );
  return new Uint8Array(withLadder);
}
