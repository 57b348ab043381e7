export default {
  displayName: 'district-time',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
