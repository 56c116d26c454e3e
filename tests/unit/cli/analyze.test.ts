import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/commands/analyze';
import { AnalysisSchema } from '../../../src/core/analysis/schema';

const dir = mkdtempSync(join(tmpdir(), 'coach-analyze-'));
const NOT_GRADABLE = fileURLToPath(new URL('../../fixtures/not-gradable', import.meta.url));
const STORY = [
  'Our fraud model started declining good cards from one bank for a day.',
  'A customer told support before any alert fired.',
  'The bank had reissued cards with a new number range our features had never seen.',
  'We rolled back within the hour.',
  'We now run a range contract at ingestion that quarantines unknown card ranges, it still runs, and it has caught two more since.',
].join(' ');

function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('coach analyze', () => {
  it('prints only JSON with --json, with the documented keys', async () => {
    const r = await cli([file('story.txt', STORY), '--json', '--length', '2m']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const json = AnalysisSchema.parse(JSON.parse(r.stdout));
    expect(json.sentences[0]).toHaveProperty('evidence');
    expect(json.layers.structural_fix).toMatchObject({ sentences: 1 });
    expect(Object.keys(json.rubric ?? {})).toEqual([
      'layer_balance',
      'structural_fix_specificity',
      'system_learning',
      'honesty_about_detection',
    ]);
    expect(json.constraints.mitigation_at_most_two_sentences.met).toBe(true);
    expect(['senior', 'staff', 'l7']).toContain(json.tier);
    expect(json.lengthSeconds).toBe(120);
    expect(json.timesEstimated).toBe(true);
  });

  it('prints a readable report without --json', async () => {
    const r = await cli([file('story2.txt', STORY)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Time per layer/);
    expect(r.stdout).toMatch(/Rubric/);
    expect(r.stdout).toMatch(/Top fixes/);
  });

  it('reads a transcript JSON file', async () => {
    const json = JSON.stringify({
      segments: [{ start: 0, end: 4, text: 'We rolled back within the hour. We now gate deploys.' }],
    });
    const r = await cli([file('t.json', json), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).sentences).toHaveLength(2);
  });

  it.each([
    [['/no/such/file.json'], /File not found/],
    [[join(dir, 'bad.json')], /Invalid JSON/],
    [[join(dir, 'empty.json')], /empty/],
    [[join(dir, 'story.xyz')], /Unknown input format/],
    [[], /Missing FILE/],
    [[join(dir, 'story.txt'), '--length', 'soon'], /Cannot read answer length/],
    [[join(dir, 'story.txt'), '--bogus'], /Unknown option/],
  ])('bad input %j → one line on stderr, exit 2', async (args, message) => {
    file('bad.json', '{nope');
    file('empty.json', '{"segments": []}');
    file('story.xyz', 'x');
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reports an ungradable answer in coach analyze --json', async () => {
    const recipe = file('recipe.txt', readFileSync(join(NOT_GRADABLE, 'recipe.txt'), 'utf8'));
    const r = await cli([recipe, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      gradable: boolean;
      reason: { code: string } | null;
      tier: unknown;
      rubric: unknown;
    };
    expect(json.gradable).toBe(false);
    expect(json.reason?.code).toBe('not_incident');
    expect(json.tier).toBeNull();
    expect(json.rubric).toBeNull();
    const text = await cli([recipe]);
    expect(text.stdout).toMatch(/not graded/);
    expect(text.stdout).not.toMatch(/^Rubric$/m);
  });

  it('grades a misread incident story at the speaker’s word with --incident, and says so; never a recipe', async () => {
    const story = join(
      fileURLToPath(new URL('../../fixtures/graded-at-your-word', import.meta.url)),
      'ferry-cabins.txt',
    );
    const refused = await cli([story]);
    expect(refused.stdout).toMatch(/^Not graded/m);
    const graded = await cli([story, '--incident']);
    expect(graded.code).toBe(0);
    expect(graded.stdout).toMatch(/^Tier: (Senior|Staff|L7)$/m);
    expect(graded.stdout).toContain('Graded at your word');
    const json = AnalysisSchema.parse(JSON.parse((await cli([story, '--incident', '--json'])).stdout));
    expect(json.overruled?.code).toBe('not_incident');

    const recipe = await cli([join(NOT_GRADABLE, 'recipe.txt'), '--incident']);
    expect(recipe.stdout).toMatch(/^Not graded/m);
    expect(recipe.stderr).toContain('--incident does not apply here');
  });

  it('reports an empty answer as not gradable in --json', async () => {
    const empty = file('empty.txt', '   \n');
    const r = await cli([empty, '--json']);
    const json = JSON.parse(r.stdout) as { gradable: boolean; reason: { code: string } };
    expect(json.gradable).toBe(false);
    expect(json.reason.code).toBe('empty');
  });
});
