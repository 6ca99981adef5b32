import { Type, type Static } from '@sinclair/typebox';
import { LadderContentSchema } from '../model/index.ts';
import { FORMAT_IDS, type ImportResult } from '../import/types.ts';

export const FormatSchema = Type.Union(FORMAT_IDS.map((f) => Type.Literal(f)));

export const PreviewBody = Type.Object(
  {
    /** The document as text (pasted, or a text file read by the browser). */
    text: Type.Optional(Type.String()),
    /** Or its raw bytes, base64-encoded (uploads whose encoding is unknown). */
    base64: Type.Optional(Type.String()),
    filename: Type.Optional(Type.String({ maxLength: 300 })),
    format: Type.Optional(FormatSchema),
    title: Type.Optional(Type.String({ maxLength: 200 })),
    /** Excel: the sheet to read, by name or 1-based position (default: the first holding a table). */
    sheet: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

export const ImportWarningSchema = Type.Object({
  code: Type.String(),
  message: Type.String(),
  line: Type.Optional(Type.Integer()),
});

/** What a preview answers: the ladder read, how it was read, and what to check (typed as the importer's result). */
export const PreviewResponse = Type.Unsafe<ImportPreview>(
  Type.Object({
    content: LadderContentSchema,
    format: FormatSchema,
    layout: Type.String(),
    warnings: Type.Array(ImportWarningSchema),
    sheets: Type.Optional(Type.Array(Type.String())),
    sheet: Type.Optional(Type.String()),
  }),
);
export type ImportPreview = Pick<
  ImportResult,
  'content' | 'format' | 'layout' | 'warnings' | 'sheets' | 'sheet'
>;

export const ImportErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    line: Type.Optional(Type.Integer()),
  }),
});

/** A refusal in the shared `{ error }` shape, with the source line when the importer knows it. */
export type ImportErrorBody = Static<typeof ImportErrorResponse>;
