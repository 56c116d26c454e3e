#!/usr/bin/env node
// The `coach` command: runs the TypeScript CLI through tsx, so it works right after `npm install`
// without a separate build step.
import { register } from 'tsx/esm/api';

register();
process.env.COACH_CLI_ENTRY = '1';
await import('../src/cli/main.ts');
