/** Statuses that say a service is down or refusing load (413, 429, 503), not how it keeps its contract. */
export const isUnavailable = (status: number): boolean => status === 413 || status === 429 || status === 503;
