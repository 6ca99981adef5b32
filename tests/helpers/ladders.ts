import * as Y from 'yjs';
import { api, type Session } from './auth.ts';
import { LADDER_CONTENT_VERSION, docFromParagraphs, plainText, type LadderContent } from '@rungs/shared';

/** A small ladder with fixed ids, so tests can address its cells by name. */
export function testLadder(levels = 2, competencies = 3, title = 'Test ladder'): LadderContent {
  return {
    schemaVersion: LADDER_CONTENT_VERSION,
    title,
    track: 'Testing',
    description: docFromParagraphs('A ladder made by a test.'),
    levels: Array.from({ length: levels }, (_, i) => ({
      id: `L${i + 1}`,
      code: `T${i + 1}`,
      title: `Tester ${i + 1}`,
      summary: docFromParagraphs(`Level ${i + 1} summary.`),
      attributes: [],
    })),
    competencies: Array.from({ length: competencies }, (_, i) => ({
      id: `C${i + 1}`,
      name: `Competency ${i + 1}`,
      group: i % 2 ? 'Odd' : 'Even',
      description: docFromParagraphs(''),
    })),
    cells: {},
  };
}

export async function createLadder(
  session: Session,
  content: LadderContent,
): Promise<{ slug: string; draftDocument: string }> {
  const res = await api(session, 'POST', '/api/ladders', {
    title: content.title,
    track: content.track,
    content,
  });
  if (res.status !== 201) throw new Error(`create ladder failed: ${res.status} ${await res.text()}`);
  const { ladder } = (await res.json()) as { ladder: { slug: string; draftDocument: string } };
  return ladder;
}

export async function fetchContent(session: Session, documentName: string): Promise<LadderContent> {
  const res = await api(session, 'GET', `/api/documents/${documentName}/content`);
  if (!res.ok) throw new Error(`content failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { content: LadderContent }).content;
}

export function cellText(content: LadderContent, levelId: string, competencyId: string): string {
  const cell = content.cells[`${levelId}:${competencyId}`];
  return cell ? plainText(cell) : '';
}

/** Appends text to a cell's first paragraph (creating it), the way the editor does. */
export function typeIntoCell(doc: Y.Doc, levelId: string, competencyId: string, text: string): void {
  const fragment = doc.getXmlFragment(`cell:${levelId}:${competencyId}`);
  doc.transact(() => {
    let paragraph = fragment.get(0) as Y.XmlElement | undefined;
    if (!paragraph) {
      paragraph = new Y.XmlElement('paragraph');
      fragment.insert(0, [paragraph]);
    }
    let textNode = paragraph.get(0) as Y.XmlText | undefined;
    if (!textNode) {
      textNode = new Y.XmlText();
      paragraph.insert(0, [textNode]);
    }
    textNode.insert(textNode.length, text);
  });
}

export function fragmentText(doc: Y.Doc, name: string): string {
  return doc
    .getXmlFragment(name)
    .toString()
    .replace(/<[^>]+>/g, '');
}
