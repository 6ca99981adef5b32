export { normalizeText } from './normalize.ts';
export { stripMarkup, type StripOptions } from './strip-markup.ts';
export {
  splitSentences,
  sourceSentences,
  ladderText,
  missingSentences,
  type MissingSentenceOptions,
} from './sentences.ts';
