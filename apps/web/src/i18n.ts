import { createI18n } from 'vue-i18n';
import { screens } from './i18n/screens';
import { forms } from './i18n/forms';
import { portal } from './i18n/portal';
import { desk } from './i18n/desk';
import { admin } from './i18n/admin';
import { meetings } from './i18n/meetings';
import { reports } from './i18n/reports';

/** Everything a person reads, zh-CN first; English when switched in the header. */
const zhCN = {
  app: { name: 'Docket 合法性审查', subtitle: '重大行政决策与合法性审查' },
  lang: { switchTo: 'English', current: '中文' },
  login: {
    title: '登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    required: '请输入用户名和密码',
    networkError: '无法连接服务器，请稍后重试',
  },
  header: { notifications: '未读通知', logout: '退出登录', home: '我的工作台', reviewDesk: '合法性审查台' },
  home: {
    title: '我的工作台',
    todo: '待办',
    done: '已办',
    mine: '我发起的',
    empty: '暂无案件',
    colTitle: '事项名称',
    colKind: '事项类型',
    colState: '当前状态',
    colNext: '下一步',
    colDue: '法定期限',
    colClock: '剩余时间',
    open: '打开',
  },
  clock: {
    left: '剩余 {n} 个工作日',
    today: '今日到期',
    overdue: '超期 {n} 个工作日',
    none: '—',
    unknown: '日历未覆盖',
  },
  case: {
    back: '返回工作台',
    kind: '事项类型',
    state: '当前状态',
    stage: '当前阶段',
    unit: '承办单位',
    created: '发起时间',
    history: '办理记录',
    deadlines: '未结期限',
    actions: '可办理的操作',
    noActions: '您当前没有可办理的操作',
    noDeadlines: '没有未结期限',
    blocked: '暂不可办理',
    due: '到期日',
    article: '依据',
    sent: '已办理：{label}',
    needsForm: '该操作需要填写表单，表单将在后续版本提供',
    submitConfirm: '确认办理“{label}”？',
    confirm: '确认',
    cancel: '取消',
  },
  review: { title: '合法性审查台', empty: '暂无待审查事项', number: '联系单编号', requested: '要求完成日期' },
  errors: {
    forbidden: '无权访问',
    forbiddenDetail: '您的角色不能使用此页面。',
    notFound: '页面不存在',
    load: '加载失败',
    retry: '重试',
    session: '登录已过期，请重新登录',
  },
  ...screens.zh,
};

type Messages = typeof zhCN;

const en: Messages = {
  app: { name: 'Docket legality review', subtitle: 'Major administrative decisions and legality review' },
  lang: { switchTo: '中文', current: 'English' },
  login: {
    title: 'Sign in',
    username: 'User name',
    password: 'Password',
    submit: 'Sign in',
    required: 'Enter your user name and password',
    networkError: 'The server cannot be reached; try again later',
  },
  header: { notifications: 'Unread notifications', logout: 'Sign out', home: 'My desk', reviewDesk: 'Review desk' },
  home: {
    title: 'My desk',
    todo: 'To do',
    done: 'Done',
    mine: 'Started by me',
    empty: 'No cases',
    colTitle: 'Title',
    colKind: 'Matter type',
    colState: 'State',
    colNext: 'Next step',
    colDue: 'Statutory deadline',
    colClock: 'Time left',
    open: 'Open',
  },
  clock: {
    left: '{n} working day(s) left',
    today: 'Due today',
    overdue: '{n} working day(s) overdue',
    none: '—',
    unknown: 'calendar not covered',
  },
  case: {
    back: 'Back to my desk',
    kind: 'Matter type',
    state: 'State',
    stage: 'Stage',
    unit: 'Undertaking unit',
    created: 'Started',
    history: 'History',
    deadlines: 'Open deadlines',
    actions: 'What you can do',
    noActions: 'Nothing for you to do now',
    noDeadlines: 'No open deadlines',
    blocked: 'Not possible yet',
    due: 'Due',
    article: 'Basis',
    sent: 'Done: {label}',
    needsForm: 'This action needs a form; forms come in a later version',
    submitConfirm: 'Record “{label}”?',
    confirm: 'Confirm',
    cancel: 'Cancel',
  },
  review: { title: 'Legality review desk', empty: 'Nothing awaiting review', number: 'Liaison form no.', requested: 'Requested by' },
  errors: {
    forbidden: 'Access denied',
    forbiddenDetail: 'Your role cannot use this page.',
    notFound: 'Page not found',
    load: 'Loading failed',
    retry: 'Retry',
    session: 'Your session has expired; sign in again',
  },
  ...screens.en,
};

export type Locale = 'zh-CN' | 'en';

const saved = (typeof localStorage !== 'undefined' && localStorage.getItem('docket.locale')) as Locale | null;

export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: {
    'zh-CN': { ...zhCN, ...forms.zh, ...portal.zh, ...desk.zh, ...admin.zh, ...meetings.zh, ...reports.zh },
    en: { ...en, ...forms.en, ...portal.en, ...desk.en, ...admin.en, ...meetings.en, ...reports.en },
  },
});

export function setLocale(l: Locale): void {
  i18n.global.locale.value = l;
  localStorage.setItem('docket.locale', l);
  document.documentElement.lang = l;
}

/** Picks the reader's language from an API label `{ zh, en }`. */
export function pick(label: { zh?: string; en?: string } | undefined | null): string {
  if (!label) return '';
  return (i18n.global.locale.value === 'en' ? label.en : label.zh) ?? label.zh ?? label.en ?? '';
}
