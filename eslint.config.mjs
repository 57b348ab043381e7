import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  prettier,
  {
    ignores: ['**/dist', '**/node_modules', '**/generated/**', 'tmp/**', '**/jest.config.ts', 'jest.preset.js', 'tools/*.js'],
  },
  {
    files: ['**/*.ts'],
    rules: {
      // The boundaries the house style asks for: apps wire, domain libs hold the capabilities,
      // infrastructure and utilities never reach up into them, and nothing imports the app.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:infra', 'type:util', 'type:testing'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:infra', 'type:util'] },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:infra', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:infra'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:infra', 'type:util'] },
            // Which capability may use which (each lib also passes the rule of its type): shared
            // machinery knows no capability, identity knows only the shared libs, and a capability
            // uses the ones below it. Nothing imports a capability that is not listed here.
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:identity', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:organization', onlyDependOnLibsWithTags: ['scope:identity', 'scope:shared'] },
            { sourceTag: 'scope:notifications', onlyDependOnLibsWithTags: ['scope:identity', 'scope:shared'] },
            { sourceTag: 'scope:calendar-feeds', onlyDependOnLibsWithTags: ['scope:identity', 'scope:shared'] },
            {
              sourceTag: 'scope:weekly-plans',
              onlyDependOnLibsWithTags: ['scope:organization', 'scope:notifications', 'scope:identity', 'scope:shared'],
            },
            {
              // Reads the weekly plans' submitted trips and leave through weekly-plans' services.
              sourceTag: 'scope:duty-roster',
              onlyDependOnLibsWithTags: [
                'scope:weekly-plans',
                'scope:calendar-feeds',
                'scope:organization',
                'scope:notifications',
                'scope:identity',
                'scope:shared',
              ],
            },
            {
              // Routes incidents to who is on duty (the roster's onDuty) and notifies them.
              sourceTag: 'scope:incidents',
              onlyDependOnLibsWithTags: [
                'scope:duty-roster',
                'scope:organization',
                'scope:notifications',
                'scope:identity',
                'scope:shared',
              ],
            },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      // Class properties keep their type annotations: decorator metadata (GraphQL, validation) reads them.
      '@typescript-eslint/no-inferrable-types': ['error', { ignoreProperties: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
