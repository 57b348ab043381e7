export default {
  displayName: 'api',
  preset: '../../jest.preset.js',
  rootDir: '.',
  // e2e suites start the whole service; long enough for a PGlite start on a slow disk.
  testTimeout: 60_000,
};
