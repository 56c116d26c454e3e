import { z } from 'zod';
import { downloadProgress } from '../channels/models';

export const modelsEvents = {
  /** A model download moved on (throttled to a few per second). */
  'models.progress': downloadProgress.extend({ id: z.string() }),
};
