import { defineConfig } from 'vitest/config';

// Two projects: `unit` is fast and self-contained (reference targets run
// in-process); `openstack` starts real Neutron and Keystone from Debian's
// packages and is run on its own (`npm run test:openstack`).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'openstack',
          include: ['src/**/*.itest.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
