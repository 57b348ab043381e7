export default {
  displayName: 'weekly-plans',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
