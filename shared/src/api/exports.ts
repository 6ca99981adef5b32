import { Type, type Static } from '@sinclair/typebox';
import { LadderContentBody } from './diff.ts';

/** The formats written on the server (the browser writes Markdown, CSV, JSON and HTML itself). */
export const FileExportFormatSchema = Type.Union([Type.Literal('docx'), Type.Literal('xlsx')]);

export const FileExportBody = Type.Object(
  {
    /** The ladder as the browser holds it: a live draft or proposal, or a published version. */
    content: LadderContentBody,
    format: FileExportFormatSchema,
    /** Names the download ("platform-ladder" → platform-ladder.docx). */
    name: Type.Optional(Type.String({ maxLength: 120 })),
  },
  { additionalProperties: false },
);

export type FileExportFormat = Static<typeof FileExportFormatSchema>;
export type FileExportRequest = Static<typeof FileExportBody>;
