import { randomBytes } from 'node:crypto';

/** `conform-20261121t210501-3fa2`: in every name conform gives what it creates. */
export function newRunId(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, '')
    .toLowerCase();
  return `conform-${stamp}-${randomBytes(2).toString('hex')}`;
}
