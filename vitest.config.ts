import { defineConfig } from 'vitest/config';

// Three projects, each runnable on its own:
// - `unit` (*.test.ts): data in, verdicts out; milliseconds, no sockets.
// - `e2e` (*.e2e.ts): conform end to end over real HTTP on loopback, against
//   the in-process reference targets (and their mutations), and the CLI.
// - `openstack` (*.itest.ts): real Neutron and Keystone from Debian's packages.
/** Loads libxml2 before each test file, as a run does before its first XML case. */
const LIBXML2 = 'src/testing/libxml2Setup.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          setupFiles: [LIBXML2],
          include: ['src/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          setupFiles: [LIBXML2],
          include: ['src/**/*.e2e.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'openstack',
          setupFiles: [LIBXML2],
          include: ['src/**/*.itest.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
