import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The one-way layers are lint errors: each case lints one import as if it sat in a file of that
 * layer, using the project's own ESLint configuration.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(file: string, source: string): Promise<boolean> {
  const [result] = await eslint.lintText(`${source}\nexport const x = y;\n`, { filePath: file });
  return (result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-imports');
}

const cases: { file: string; forbidden: string[]; allowed: string[] }[] = [
  {
    file: 'src/core/analysis/probe.ts',
    forbidden: ["import { y } from '../../shared/contract';", "import { y } from 'node:fs';", "import y from 'react';"],
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
    file: 'src/cli/commands/probe.ts',
    forbidden: ["import { y } from '../../main/index';", "import { y } from 'electron';"],
    allowed: ["import { y } from '../../backend/services/models/model-manager';"],
  },
  {
    file: 'src/renderer/src/views/probe.tsx',
    forbidden: ["import { y } from '../../../backend/backend';", "import { y } from 'node:fs';"],
    allowed: ["import { y } from '../../../shared/contract';", "import { y } from 'react';"],
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
