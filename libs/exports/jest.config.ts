export default {
  displayName: 'exports',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
