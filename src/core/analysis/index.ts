/** Public surface of the coaching engine. */
export { analyzeTranscript, EmptyTranscriptError } from './analyze';
export { budgetForLength, parseLength, nearestStandardLength, STANDARD_LENGTHS_SEC } from './budget';
export * from './layers';
export * from './types';
export { AnalysisSchema, AnalysisOptionsSchema, LayerBudgetSchema } from './schema';
