import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The one-way layers are lint errors: each case lints one import as if it sat in a file of that
 * layer, using the project's own ESLint configuration.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(file: string, source: string): Promise<boolean> {
  const [result] = await eslint.lintText(`${source}\nexport const x = y;\n`, { filePath: file });
  // Static imports fall under no-restricted-imports; import() and require() under no-restricted-syntax.
  return (result?.messages ?? []).some(
    (m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax',
  );
}

const cases: { file: string; forbidden: string[]; allowed: string[] }[] = [
  {
    file: 'src/core/analysis/probe.ts',
    forbidden: [
      "import { y } from '../../shared/contract';",
      "import { y } from 'node:fs';",
      "import y from 'react';",
      "const y = await import('../../backend/backend');",
      "const y = await import('node:fs');",
    ],
    allowed: ["import { y } from 'zod';", "import { y } from '../report/format';"],
  },
  {
    file: 'src/shared/channels/probe.ts',
    forbidden: ["import { y } from '../../backend/backend';", "import { y } from 'node:path';"],
    allowed: ["import { y } from '../../core/analysis/schema';", "import { y } from 'zod';"],
  },
  {
    file: 'src/backend/services/probe/probe.ts',
    forbidden: [
      "import { y } from 'electron';",
      "import { y } from '../../../main/window';",
      "import { y } from '../../../web/server';",
      "import { y } from '../../../renderer/src/coach';",
    ],
    allowed: ["import { y } from 'node:fs';", "import { y } from '../../../shared/contract';"],
  },
  {
    file: 'src/web/probe.ts',
    forbidden: ["import { y } from '../main/security';", "import { y } from 'electron';"],
    allowed: ["import { y } from '../backend/backend';"],
  },
  {
    file: 'src/web/client/probe.ts',
    forbidden: [
      "import { y } from '../../core/analysis/schema';",
      "import { y } from '../server';",
      "import { y } from '../../backend/backend';",
      "import y from 'net';",
    ],
    allowed: [
      "import { y } from '../../shared/wire';",
      "import { y } from '../launch-fragment';",
      "import { y } from './sse';",
    ],
  },
  {
    file: 'src/cli/commands/probe.ts',
    forbidden: [
      "import { y } from '../../main/index';",
      "import { y } from 'electron';",
      "const y = await import('../../main/index');",
      "const y = require('../../web/server');",
      "const y = await import('electron');",
    ],
    allowed: [
      "import { y } from '../../backend/services/models/model-manager';",
      "const y = await import('./analyze');",
    ],
  },
  {
    file: 'src/renderer/src/views/probe.tsx',
    forbidden: [
      "import { y } from '../../../backend/backend';",
      "import { y } from './../../../backend/backend';",
      "import { y } from '.././../../backend/backend';",
      "const y = await import('../../../backend/backend');",
      "const y = require('../../../backend/backend');",
      "import { y } from 'node:fs';",
      "import y from 'net';",
      "import y from 'node:net';",
      "import { y } from 'fs/promises';",
      "import y from 'worker_threads';",
      "const y = await import('dns');",
    ],
    allowed: [
      "import { y } from '../../../shared/contract';",
      "import { y } from 'react';",
      "import { y } from './path';",
      "const y = await import('../../../core/report/format');",
    ],
  },
  {
    file: 'src/preload/probe.ts',
    forbidden: ["import { y } from '../backend/backend';"],
    allowed: ["import { y } from 'electron';", "import { y } from '../shared/contract';"],
  },
];

describe('layer rules', () => {
  for (const { file, forbidden, allowed } of cases) {
    it(`${file}: forbidden imports are errors, allowed ones are not`, async () => {
      for (const source of forbidden) expect(await restricted(file, source), source).toBe(true);
      for (const source of allowed) expect(await restricted(file, source), source).toBe(false);
    });
  }
});
