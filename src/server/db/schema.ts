export * from './schema/orgs.js';
export * from './schema/members.js';
export * from './schema/access.js';
export * from './schema/audit.js';
export * from './schema/rulebook.js';
export * from './schema/imports.js';
export * from './schema/transfers.js';
export * from './schema/admissions.js';
export * from './schema/committees.js';
export * from './schema/targets.js'; // targets
export * from './schema/dues.js'; // dues
export * from './schema/inspection.js'; // inspection
export * from './schema/files.js';
export * from './schema/meetings.js'; // meetings
export * from './schema/study.js'; // study (documents, study, committee terms)
export * from './schema/ratings.js'; // ratings
export * from './schema/discipline.js'; // discipline
export * from './schema/reports.js'; // reports
export * from './schema/portal.js'; // portal
