export default {
  displayName: 'duty-roster',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
