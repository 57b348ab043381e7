export default {
  displayName: 'graphql-core',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
