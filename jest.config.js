/** One jest run for unit specs (next to the code) and end-to-end specs (test/e2e). */
module.exports = {
  rootDir: '.',
  roots: ['<rootDir>/apps/', '<rootDir>/libs/', '<rootDir>/workflows/', '<rootDir>/test/', '<rootDir>/scripts/'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  moduleNameMapper: {
    '^@app/engine$': '<rootDir>/libs/engine/src',
    '^@app/calendar$': '<rootDir>/libs/calendar/src',
    '^@app/config$': '<rootDir>/libs/config/src',
    '^@app/persistence$': '<rootDir>/libs/persistence/src',
    '^@app/runtime$': '<rootDir>/libs/runtime/src',
    '^@app/auth$': '<rootDir>/libs/auth/src',
    '^@app/audit$': '<rootDir>/libs/audit/src',
    '^@app/deadlines$': '<rootDir>/libs/deadlines/src',
    '^@app/workflows$': '<rootDir>/workflows',
  },
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  testTimeout: 60000,
};
