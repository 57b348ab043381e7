export default {
  displayName: 'organization',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
