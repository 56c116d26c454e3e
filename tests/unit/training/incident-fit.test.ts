import { describe, expect, it } from 'vitest';
import {
  heldBackFolders,
  trainingFolders,
  answerProbabilities,
  fitIncidentModel,
  INCIDENT_OPTIONS,
  otherExample,
  readAnswer,
  type IncidentExample,
} from '../../../bench/layer-model/incident-fit';
import { checkIncidentModel, incidentFeatureNames, topMean } from '../../../src/core/analysis/incident-model';
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
    const { sentences, told } = readAnswer(t);
    return { name: `i${i}`, incident: true, sentences, tells: sentences.map(() => true), told };
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

describe('the shipped incident model', () => {
  it('never learns from a held-back folder', () => {
    expect(heldBackFolders()).toEqual(['blind1', 'blind2', 'blind3', 'blind5']);
    expect(trainingFolders()).toEqual(['n0', 'n1', 'n2']);
  });

  it('computes the features its file names, and a file with other features is refused', () => {
    expect(SHIPPED_INCIDENT_MODEL.features).toEqual(incidentFeatureNames(100));
    expect(readAnswer(INCIDENTS[0] ?? '').sentences[0]).toHaveLength(SHIPPED_INCIDENT_MODEL.weights.length);
    const features = ['vec:0', ...SHIPPED_INCIDENT_MODEL.features.slice(1).reverse()];
    expect(() => checkIncidentModel({ ...SHIPPED_INCIDENT_MODEL, features }, 100)).toThrow(/features/);
    const weights = SHIPPED_INCIDENT_MODEL.weights.slice(1);
    expect(() => checkIncidentModel({ ...SHIPPED_INCIDENT_MODEL, weights }, 100)).toThrow(/weights/);
  });
});
