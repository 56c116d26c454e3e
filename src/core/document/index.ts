/** Postmortem documents: their structure, the audit against the lesson and the outline to rehearse. */
export * from './schema';
export * from './sections';
export * from './split';
export * from './sentences';
export * from './text-document';
export * from './audit-schema';
export * from './audit';
export * from './audit-markdown';
export * from './audit-html';
export * from './coverage';
