/**
 * The labelled stories the layer model learns from and is measured on, and their examples.
 *
 * - Real third-party texts (../shared/corpus/real-postmortems, real-answers): read from shared,
 *   never copied into the repository.
 * - Stories this project wrote: the dev corpus (../shared/corpus/dev), the evaluation sets in
 *   tests/fixtures that were tuned on after their blind score, and the training corpus in
 *   corpus/train (each batch scored blind before it joined: see its README).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { contextFeatures } from '../../src/core/analysis/classify';
import { LAYERS } from '../../src/core/analysis/layers';
import { defaultCorpusDir, loadCorpus, type CorpusStory } from '../corpus';
import type { Example } from './fit';

export interface StorySet {
  name: string;
  real: boolean;
  stories: CorpusStory[];
}

const repo = (rel: string) => fileURLToPath(new URL(`../../${rel}`, import.meta.url));
const shared = (rel: string) => fileURLToPath(new URL(`../../../shared/${rel}`, import.meta.url));

/**
 * Fixture sets whose blind scores are recorded in their READMEs and that may be trained on. The
 * newest synthetic blind set, blind4, stays out so it keeps measuring the written voice.
 */
export const FIXTURE_SETS = ['stories', 'heldout', 'fresh', 'blind', 'blind2', 'blind3'] as const;

export const REAL_SETS = ['real-postmortems', 'real-answers'] as const;

/** Batches of corpus/train that have a recorded blind score (README "## Blind score" filled in). */
export function trainBatches(): string[] {
  const root = repo('corpus/train');
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && blindScoreRecorded(join(root, d.name, 'README.md')))
    .map((d) => d.name)
    .sort();
}

/** A batch joins training only once its README records the score it got before any training. */
function blindScoreRecorded(readme: string): boolean {
  if (!existsSync(readme)) return false;
  const text = readFileSync(readme, 'utf8');
  const at = text.indexOf('## Blind score');
  return at >= 0 && !text.slice(at).includes('to be filled in') && /\d\.\d{3}/.test(text.slice(at));
}

/**
 * The last batch the linear layer model learns from. Retrained on every later batch too, it
 * scored the real sets no better (within 0.03 either way over eight settings) and it lost judgement
 * the engine's tests hold it to (a lesson told first, a vague sentence called a guess, the learned
 * words it shows as evidence); see bench/layer-model/EXPERIMENTS.md. The story reader learns from
 * every batch: whole stories in many voices are what it needs.
 */
const LINEAR_MODEL_LAST_BATCH = 'b18';

/** Whether the linear layer model learns from a set (every set but the batches after its last one). */
export function linearModelLearnsFrom(set: StorySet): boolean {
  return !set.name.startsWith('train/') || set.name.slice('train/'.length) <= LINEAR_MODEL_LAST_BATCH;
}

export function realSets(): StorySet[] {
  return REAL_SETS.map((name) => ({ name, real: true, stories: loadCorpus(shared(`corpus/${name}`)) }));
}

export function writtenSets(batches: readonly string[] = trainBatches()): StorySet[] {
  return [
    { name: 'dev', real: false, stories: loadCorpus(defaultCorpusDir()) },
    ...FIXTURE_SETS.map((name) => ({ name, real: false, stories: loadCorpus(repo(`tests/fixtures/${name}`)) })),
    ...batches.map((b) => ({ name: `train/${b}`, real: false, stories: loadCorpus(join(repo('corpus/train'), b)) })),
  ];
}

/** Context features of every sentence of a story, as the classifier builds them. */
export function storyExamples(story: CorpusStory, weight: number): Example[] {
  const texts = story.sentences.map((s) => s.text);
  const features = contextFeatures(texts);
  return story.sentences.map((s, i) => ({ features: features[i] ?? [], label: LAYERS.indexOf(s.layer), weight }));
}
