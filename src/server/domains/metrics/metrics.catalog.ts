import { admissionMetrics } from '../admissions/admission-metrics.queries.js';
import { exitMetrics } from '../exits/exit-metrics.queries.js';
import { transferMetrics } from '../transfers/transfer-metrics.queries.js';
import { meetingMetrics } from '../meetings/meeting-metrics.queries.js'; // meetings
import { studyMetrics } from '../study/study-metrics.queries.js';
import { disciplineMetrics } from '../discipline/discipline-metrics.queries.js';
import { metricDefinitions, type MetricDefinition } from './metrics.queries.js';
import { targetMetrics } from '../targets/targets-metrics.queries.js'; // targets
import { inspectionMetrics } from '../inspection/inspection-metrics.queries.js';
import { ratingMetrics } from '../ratings/rating-metrics.queries.js'; // ratings

/**
 * Every figure the product can compute, by name. A module with figures of its own adds its list here; the
 * dashboard, the CLI and the annual report all read the same catalogue, whether or not the HTTP app is running.
 */
export const metricCatalog: readonly MetricDefinition[] = [
  ...metricDefinitions,
  ...admissionMetrics,
  ...transferMetrics,
  ...exitMetrics,
  ...targetMetrics /* targets */,
  /* inspection */ ...inspectionMetrics,
  ...meetingMetrics /* meetings */,
  ...studyMetrics, // study
  /* discipline */ ...disciplineMetrics,
  ...ratingMetrics, // ratings
];
