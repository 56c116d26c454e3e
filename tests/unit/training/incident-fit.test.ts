import { describe, expect, it } from 'vitest';
import {
  heldBackFolders,
  trainingFolders,
  answerProbabilities,
  ANSWER_OPTIONS,
  fitAnswerReading,
  fitIncidentModel,
  INCIDENT_OPTIONS,
  otherExample,
  readAnswer,
  type IncidentExample,
} from '../../../bench/layer-model/incident-fit';
import {
  answerIncidentProbability,
  checkIncidentModel,
  incidentFeatureNames,
  topMean,
} from '../../../src/core/analysis/incident-model';
import { SHIPPED_INCIDENT_MODEL } from '../../../src/core/analysis/shipped-incident-model';

const INCIDENTS = [
  'The payment service went down for an hour after a bad config push. The on-call engineer was paged and rolled it back.',
  'Our nightly backup job deleted the wrong folder. Customers lost a day of uploads until we restored them from the snapshot.',
  'A certificate expired on the login page and every user got an error. Nobody had an alert for expiry, so a customer told us.',
  'I ran a migration that locked the orders table. Checkout failed for twenty minutes until we killed the query.',
];
const OTHERS = [
  'I mentored a new engineer through her first quarter. We paired twice a week and she shipped the search filters on time.',
  'Our product helps clinics book patients online. Sign up in minutes, connect your calendar and send reminders by text.',
  'Preheat the oven and mix the flour and butter. Add two eggs and bake for forty minutes until golden on top.',
  'I led the planning review for the platform roadmap. We agreed priorities with three product managers over a quarter.',
];
const examples: IncidentExample[] = [
  ...INCIDENTS.map((t, i) => {
    const { sentences, told, texts } = readAnswer(t);
    return { name: `i${i}`, incident: true, sentences, tells: sentences.map(() => true), told, texts };
  }),
  ...OTHERS.map((t, i) => otherExample(`o${i}`, t)),
];

describe('the incident model trainer', () => {
  it('separates the incident stories it learned from the other answers, the same way every run', async () => {
    const options = { ...INCIDENT_OPTIONS, epochs: 200 };
    const first = await fitIncidentModel(examples, options);
    const again = await fitIncidentModel(examples, options);
    expect(again).toEqual(first);
    for (const e of examples) expect(topMean(answerProbabilities(first, e), 2) >= 0.5, e.name).toBe(e.incident);
  }, 60_000);
});

describe('the answer reading trainer', () => {
  it('separates whole answers by their mean sentence vector, the same way every run', async () => {
    // Toy vectors: incident answers lean on the first dimension, the others on the second.
    const rows = Array.from({ length: 12 }, (_, i) => {
      const incident = i % 2 === 0;
      const mean = Float32Array.from([incident ? 1 : 0.1, incident ? 0.1 : 1, (i % 3) / 3]);
      return { mean, incident };
    });
    const first = await fitAnswerReading(rows);
    expect(await fitAnswerReading(rows)).toEqual(first);
    expect(first.dimensions).toBe(3);
    expect(first.threshold).toBe(ANSWER_OPTIONS.threshold);
    for (const r of rows) expect((answerIncidentProbability(first, [r.mean]) ?? 0) >= 0.5).toBe(r.incident);
  }, 60_000);
});

describe('the shipped incident model', () => {
  it('never learns from a held-back folder', () => {
    expect(heldBackFolders()).toEqual([
      'blind1',
      'blind10',
      'blind2',
      'blind3',
      'blind5',
      'blind6',
      'blind7',
      'blind8',
      'blind9',
    ]);
    expect(trainingFolders()).toEqual(['n0', 'n1', 'n2']);
  });

  it('computes the features its file names, and a file with other features is refused', () => {
    expect(SHIPPED_INCIDENT_MODEL.features).toEqual(incidentFeatureNames(100));
    expect(readAnswer(INCIDENTS[0] ?? '').sentences[0]).toHaveLength(SHIPPED_INCIDENT_MODEL.weights.length);
    const features = ['vec:0', ...SHIPPED_INCIDENT_MODEL.features.slice(1).reverse()];
    expect(() => checkIncidentModel({ ...SHIPPED_INCIDENT_MODEL, features }, 100)).toThrow(/features/);
    const weights = SHIPPED_INCIDENT_MODEL.weights.slice(1);
    expect(() => checkIncidentModel({ ...SHIPPED_INCIDENT_MODEL, weights }, 100)).toThrow(/weights/);
    const answer = { ...SHIPPED_INCIDENT_MODEL.answer, weights: SHIPPED_INCIDENT_MODEL.answer.weights.slice(1) };
    expect(() => checkIncidentModel({ ...SHIPPED_INCIDENT_MODEL, answer }, 100)).toThrow(/answer weights/);
    expect(SHIPPED_INCIDENT_MODEL.answer.dimensions).toBe(512);
  });
});
