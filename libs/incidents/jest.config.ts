export default {
  displayName: 'incidents',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
