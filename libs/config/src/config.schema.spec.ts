import { ConfigError, loadConfig } from './config.schema';

describe('loadConfig', () => {
  it('defaults to embedded SQLite under ./data on port 3000', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ type: 'sqlite', path: './data/docket.sqlite', embedded: true });
    expect(c.testClock).toBe(false);
    expect(c.demoPassword).toBe('docket-demo');
    expect(c.loginLockout).toEqual({ threshold: 5, minutes: 15 });
    expect(c.trustProxy).toBe(false);
  });

  it('reads the lockout and which proxies are trusted', () => {
    const c = loadConfig({ LOGIN_LOCKOUT_THRESHOLD: '3', LOGIN_LOCKOUT_MINUTES: '60', TRUST_PROXY: 'loopback, 10.0.0.0/8' });
    expect(c.loginLockout).toEqual({ threshold: 3, minutes: 60 });
    expect(c.trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: 'x; y' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ LOGIN_LOCKOUT_THRESHOLD: '0' })).toThrow(/LOGIN_LOCKOUT_THRESHOLD/);
  });

  it('reads the metrics token: unset by default, at least 16 printable characters', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: '' }).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: 'abcdefghijklmnop' }).metricsToken).toBe('abcdefghijklmnop');
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN must be at least 16/);
    expect(() => loadConfig({ METRICS_TOKEN: 'abcdefgh ijklmnop' })).toThrow(/METRICS_TOKEN must be printable/);
  });

  it('uses PostgreSQL when DATABASE_URL is set and then requires a JWT secret', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://127.0.0.1/test' })).toThrow(/JWT_SECRET/);
    const c = loadConfig({ DATABASE_URL: 'postgres://127.0.0.1/test', JWT_SECRET: 'x'.repeat(32), PORT: '8080' });
    expect(c.database).toMatchObject({ type: 'postgres', schema: 'public' });
    expect(c.port).toBe(8080);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET/],
    [{ DOCKET_RULES: '{"a": -1}' }, /DOCKET_RULES/],
    [{ DOCKET_RULES: 'not json' }, /DOCKET_RULES/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env as Record<string, string>)).toThrow(ConfigError);
    expect(() => loadConfig(env as Record<string, string>)).toThrow(message);
  });

  it('reads the checkpoint signing key and period (default: a checkpoint an hour)', () => {
    expect(loadConfig({})).toMatchObject({ signingKey: undefined, checkpointIntervalMs: 3_600_000 });
    expect(loadConfig({ DOCKET_SIGNING_KEY: 'MC4CAQ', DOCKET_CHECKPOINT_INTERVAL: '30m' })).toMatchObject({ signingKey: 'MC4CAQ', checkpointIntervalMs: 1_800_000 });
    expect(loadConfig({ DOCKET_CHECKPOINT_INTERVAL: '0' }).checkpointIntervalMs).toBe(0);
    expect(loadConfig({ DOCKET_CHECKPOINT_INTERVAL: '90' }).checkpointIntervalMs).toBe(90_000);
    expect(() => loadConfig({ DOCKET_CHECKPOINT_INTERVAL: 'hourly' })).toThrow(/DOCKET_CHECKPOINT_INTERVAL/);
  });

  it('reads rule parameter overrides', () => {
    expect(loadConfig({ DOCKET_RULES: '{"decision.legalityReview.minWorkdays": 9}' }).rules).toEqual({
      'decision.legalityReview.minWorkdays': 9,
    });
  });

  it('reads text parameters (e.g. a numbering pattern) from DOCKET_RULES apart from the numbers', () => {
    const c = loadConfig({ DOCKET_RULES: '{"normdoc.unifiedNumber.region":"ZJCX01","normdoc.unifiedNumber.pattern":"{region}-{year}-{seq:4}","normdoc.validity.years":5}' });
    expect(c.rules).toEqual({ 'normdoc.validity.years': 5 });
    expect(c.ruleTexts).toEqual({ 'normdoc.unifiedNumber.region': 'ZJCX01', 'normdoc.unifiedNumber.pattern': '{region}-{year}-{seq:4}' });
    expect(loadConfig({}).ruleTexts).toEqual({});
  });

  it.each([
    ['{"a": ""}', /a must be a non-empty text/],
    ['{"a": "line\\nbreak"}', /without control characters/],
    [JSON.stringify({ a: 'x'.repeat(201) }), /at most 200 characters/],
    ['{"a": true}', /a must be a non-negative number or a text/],
    ['{"a": -1}', /a must be a non-negative number or a text/],
    ['["a"]', /not an object/],
    ['{"a": []}', /a as a list must hold non-empty texts without commas/],
    ['{"a": ["X", 1]}', /a as a list must hold non-empty texts without commas/],
    ['{"a": ["X,Y"]}', /a as a list must hold non-empty texts without commas/],
    ['{"a": [" "]}', /a as a list must hold non-empty texts without commas/],
  ])('refuses DOCKET_RULES %s', (rules, message) => {
    expect(() => loadConfig({ DOCKET_RULES: rules })).toThrow(message);
  });

  it('reads a list of texts (e.g. the decision types a rule covers) as the text of its values joined by commas', () => {
    const c = loadConfig({ DOCKET_RULES: '{"enforcement.reviewerQualification.decisionTypes":["PENALTY","COMPULSORY_MEASURE"]}' });
    expect(c.ruleTexts).toEqual({ 'enforcement.reviewerQualification.decisionTypes': 'PENALTY,COMPULSORY_MEASURE' });
  });
});
