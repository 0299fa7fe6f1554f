/** Messages of the 会议 screen (cases waiting for a collective-discussion meeting or in one). */
const zh = {
  meetings: {
    title: '会议',
    hint: '处于集体讨论（集体审议）阶段的案件：待安排会议的，以及已安排会议、待记录会议情况的。在案件页安排会议、记录会议情况。',
    nav: '会议',
    colTitle: '事项名称',
    colKind: '事项类型',
    colState: '当前状态',
    colUnit: '承办单位',
    colDue: '法定期限',
    colClock: '剩余时间',
    open: '办理',
    view: '查看',
    empty: '暂无待开会议的案件',
    total: '共 {n} 件',
  },
};

const en: typeof zh = {
  meetings: {
    title: 'Meetings',
    hint: 'Cases in collective discussion (deliberation): meetings to schedule, and meetings scheduled whose record is due. Schedule and record them on the case page.',
    nav: 'Meetings',
    colTitle: 'Title',
    colKind: 'Matter type',
    colState: 'State',
    colUnit: 'Undertaking unit',
    colDue: 'Statutory deadline',
    colClock: 'Time left',
    open: 'Act',
    view: 'View',
    empty: 'No case awaits a meeting',
    total: '{n} case(s)',
  },
};

export const meetings = { zh, en };
