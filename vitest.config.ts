// One `vitest run` at the root runs every workspace's unit tests and the cross-part tests in tests/.
// Workspace packages resolve to their TypeScript sources through the "source" export condition.
import { defineConfig } from 'vitest/config';

const sourceFirst = { conditions: ['source', 'import', 'node', 'default'] };

export default defineConfig({
  resolve: sourceFirst,
  ssr: { resolve: { conditions: sourceFirst.conditions, externalConditions: ['source'] } },
  test: {
    projects: [
      ...['protocol', 'certs', 'certificate', 'record-store', 'center-server', 'kiosk-agent', 'kiosk-ui'].map(
        (name) => ({
          extends: true,
          test: { name, root: name, include: ['src/**/*.test.ts'] },
        }),
      ),
      {
        extends: true,
        test: {
          name: 'tests',
          root: 'tests',
          include: ['**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
