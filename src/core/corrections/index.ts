/** Corrections to a session's transcript and layers, and the analysis recomputed with them. */
export * from './model';
export * from './sentences';
export * from './tokens';
export * from './input';
export * from './recompute';
export * from './changes';
export * from './ripple';
