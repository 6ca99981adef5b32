export { importLadder } from './import-ladder.ts';
export { detectFormat } from './detect.ts';
export { ImportError, isImportError, type ImportErrorCode } from './errors.ts';
export { MAX_IMPORT_BYTES } from './decode.ts';
export {
  FORMAT_IDS,
  isFormatId,
  type FormatId,
  type ImportOptions,
  type ImportResult,
  type ImportWarning,
  type LayoutId,
} from './types.ts';
export { parseLevelName, formatLevelName, levelNameRoundTrips, type LevelName } from './level-name.ts';
export { withoutIds } from './canonical.ts';
