/** The incident model the app ships, checked against its schema and features at load. */
import modelData from './incident-model.json' with { type: 'json' };
import { checkIncidentModel, IncidentModelSchema } from './incident-model';
import { SHIPPED_WORD_VECTORS } from './shipped-word-vectors';

export const SHIPPED_INCIDENT_MODEL = checkIncidentModel(
  IncidentModelSchema.parse(modelData),
  SHIPPED_WORD_VECTORS.dimensions,
);
