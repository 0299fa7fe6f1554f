import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n';
import CommentForm from './CommentForm.vue';
import { PortalError, portalApi } from './portal';

const mountForm = () => mount(CommentForm, { props: { caseId: '11111111-1111-4111-8111-111111111111' }, global: { plugins: [i18n] } });

describe('the portal comment form', () => {
  afterEach(() => vi.restoreAllMocks());

  it('says what is missing, counts characters, refuses more than 2,000; sends nothing until it is right', async () => {
    const challenge = vi.spyOn(portalApi, 'challenge');
    const w = mountForm();
    await w.find('form').trigger('submit');
    expect(w.find('[data-test=error-type]').text()).toBe('请选择您的身份');
    expect(w.find('[data-test=error-text]').text()).toBe('请填写意见内容');
    await w.find('[data-test=type-INDIVIDUAL]').setValue(true);
    expect(w.find('[data-test=error-type]').exists()).toBe(false);
    await w.find('[data-test=clause]').setValue('第三');
    await w.find('[data-test=text]').setValue('长'.repeat(2001));
    expect(w.find('[data-test=counter]').text()).toBe('已输入 2001 / 2000 字');
    expect(w.find('[data-test=counter]').classes()).toContain('over');
    await w.find('form').trigger('submit');
    expect(w.find('[data-test=error-clause]').text()).toBe('条款请填写 1 至 999 之间的数字');
    expect(w.find('[data-test=error-text]').text()).toBe('意见内容不能超过 2000 字');
    expect(challenge).not.toHaveBeenCalled();
  });

  it('a refusal is shown in the server’s words at the form, the text kept; a closed period is told to the page', async () => {
    vi.spyOn(portalApi, 'challenge').mockResolvedValue({ token: 'tok', algorithm: 'SHA-256', bits: 1, expiresAt: '2020-03-10T02:10:00Z' });
    const submit = vi
      .spyOn(portalApi, 'submit')
      .mockRejectedValueOnce(new PortalError(429, { code: 'TOO_MANY_REQUESTS', messageZh: '提交过于频繁，请稍后再试', message: 'Too many submissions' }))
      .mockRejectedValueOnce(new PortalError(422, { code: 'COMMENT_PERIOD_CLOSED', messageZh: '征求意见已于2020-04-01截止，不再接收意见', message: 'closed' }));
    const w = mountForm();
    await w.find('[data-test=type-ENTERPRISE]').setValue(true);
    await w.find('[data-test=clause]').setValue('3');
    await w.find('[data-test=text]').setValue('建议延长经营时间。');
    await w.find('form').trigger('submit');
    await vi.waitFor(() => expect(w.find('[data-test=form-error]').exists()).toBe(true));
    expect(w.find('[data-test=form-error]').text()).toContain('提交未成功：提交过于频繁，请稍后再试');
    expect((w.find('[data-test=text]').element as HTMLTextAreaElement).value).toBe('建议延长经营时间。');
    expect(submit.mock.calls[0][1]).toMatchObject({ submitterType: 'ENTERPRISE', clause: 3, text: '建议延长经营时间。', confidential: false, challenge: { token: 'tok' } });
    expect(submit.mock.calls[0][1]).not.toHaveProperty('displayName');
    expect(submit.mock.calls[0][1]).not.toHaveProperty('contact');

    await w.find('form').trigger('submit');
    await vi.waitFor(() => expect(w.emitted('closed')).toBeTruthy());
    await flushPromises();
    expect(w.emitted('closed')![0]).toEqual(['征求意见已于2020-04-01截止，不再接收意见']);
    expect(w.emitted('submitted')).toBeFalsy();
  });

  it('a network failure is not a blank page', async () => {
    vi.spyOn(portalApi, 'challenge').mockRejectedValue(new TypeError('Failed to fetch'));
    const w = mountForm();
    await w.find('[data-test=type-OTHER]').setValue(true);
    await w.find('[data-test=text]').setValue('意见');
    await w.find('form').trigger('submit');
    await vi.waitFor(() => expect(w.find('[data-test=form-error]').exists()).toBe(true));
    expect(w.find('[data-test=form-error]').text()).toContain('网络连接失败，意见未提交');
  });
});
