import { loadConfig } from './config.schema';

describe('SMTP configuration (reminder e-mails)', () => {
  it('is off by default', () => {
    expect(loadConfig({}).smtp).toBeUndefined();
  });

  it('reads SMTP_URL and SMTP_FROM', () => {
    expect(loadConfig({ SMTP_URL: 'smtp://mail.zhangqi.gov.cn:25', SMTP_FROM: '掌起镇 Docket <docket@zhangqi.gov.cn>' }).smtp).toEqual({
      url: 'smtp://mail.zhangqi.gov.cn:25',
      from: '掌起镇 Docket <docket@zhangqi.gov.cn>',
    });
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.org:465', SMTP_FROM: 'docket@example.org' }).smtp?.url).toBe('smtps://u:p@mail.example.org:465');
  });

  it.each([
    [{ SMTP_URL: 'http://mail.example.org', SMTP_FROM: 'a@b.cn' }, 'SMTP_URL'],
    [{ SMTP_URL: 'smtp://mail.example.org' }, 'SMTP_FROM: required'],
    [{ SMTP_URL: 'smtp://mail.example.org', SMTP_FROM: 'no address' }, 'SMTP_FROM'],
    [{ SMTP_URL: 'smtp://mail.example.org', SMTP_FROM: 'a@b.cn\r\nBcc: x@y.cn' }, 'SMTP_FROM'],
  ])('refuses %j', (env, key) => {
    expect(() => loadConfig(env)).toThrow(key);
  });
});
