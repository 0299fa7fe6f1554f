import { unavailableBody } from './unavailable';

describe('unavailableBody: the database or Redis away is a 503, nothing else', () => {
  it('classifies Redis without an offline queue and a closed connection', () => {
    expect(unavailableBody(new Error("Stream isn't writeable and enableOfflineQueue options is false"))).toMatchObject({ statusCode: 503, code: 'QUEUE_UNAVAILABLE' });
    expect(unavailableBody(new Error('Connection is closed.'))?.code).toBe('QUEUE_UNAVAILABLE');
  });

  it('classifies PostgreSQL connection failures by code and by text, also wrapped by TypeORM', () => {
    expect(unavailableBody(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))?.code).toBe('DATABASE_UNAVAILABLE');
    expect(unavailableBody(Object.assign(new Error('query failed'), { driverError: { code: '57P01' } }))?.code).toBe('DATABASE_UNAVAILABLE');
    expect(unavailableBody(new Error('Connection terminated unexpectedly'))?.code).toBe('DATABASE_UNAVAILABLE');
  });

  it('leaves every other error alone (a 500 stays a 500)', () => {
    expect(unavailableBody(new Error('boom'))).toBeUndefined();
    expect(unavailableBody(Object.assign(new Error('duplicate key'), { driverError: { code: '23505' } }))).toBeUndefined();
    expect(unavailableBody(undefined)).toBeUndefined();
  });

  it('speaks zh-CN to the clerk, with no code inside', () => {
    const b = unavailableBody(new Error('Connection is closed.'))!;
    expect(b.messageZh).toMatch(/请稍后重试/);
    expect(b.messageZh).not.toMatch(/[A-Za-z]/);
  });
});
