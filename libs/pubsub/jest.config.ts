export default {
  displayName: 'pubsub',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
