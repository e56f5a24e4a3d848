import { admissionMetrics } from '../admissions/admissions.metrics.js';
import { exitMetrics } from '../exits/exits.metrics.js';
import { transferMetrics } from '../transfers/transfers.metrics.js';
import { metricDefinitions, type MetricDefinition } from './metrics.definitions.js';

/**
 * Every figure the product can compute, by name. A module with figures of its own adds its list here; the
 * dashboard, the CLI and the annual report all read the same catalogue, whether or not the HTTP app is running.
 */
export const metricCatalog: readonly MetricDefinition[] = [
  ...metricDefinitions,
  ...admissionMetrics,
  ...transferMetrics,
  ...exitMetrics,
];
