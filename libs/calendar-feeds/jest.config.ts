export default {
  displayName: 'calendar-feeds',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
