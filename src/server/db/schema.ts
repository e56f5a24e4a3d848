export * from './schema/orgs.js';
export * from './schema/members.js';
export * from './schema/access.js';
export * from './schema/audit.js';
export * from './schema/rulebook.js';
export * from './schema/imports.js';
export * from './schema/transfers.js';
export * from './schema/admissions.js';
export * from './schema/committees.js';
export * from './schema/ratings.js'; // ratings
export * from './schema/discipline.js'; // discipline
