/** Messages of the review desk and of the printable papers. */
export const desk = {
  zh: {
    desk: {
      status: '办理状态',
      statuses: { all: '全部', PENDING: '待受理', UNDER_REVIEW: '审查中', RETURNED: '退回补充', OPINION_ISSUED: '已出具意见', ENDED: '已结束' },
      unit: '送审单位',
      actions: '操作',
      handle: '办理',
      accept: '受理',
      acceptConfirm: '确认受理“{title}”的送审材料？受理后开始计算审查期限。',
      accepted: '已受理：{title}',
      printForm: '联系单',
      printOpinion: '意见书',
      total: '共 {n} 件',
    },
    papers: {
      title: '文书',
      none: '本案尚无可打印的文书',
      print: '打印',
      failed: '文书未能打开，请稍后重试',
      basedOn: '据第 {seq} 条记录',
    },
  },
  en: {
    desk: {
      status: 'Status',
      statuses: { all: 'All', PENDING: 'To accept', UNDER_REVIEW: 'Under review', RETURNED: 'Returned', OPINION_ISSUED: 'Opinion issued', ENDED: 'Ended' },
      unit: 'Submitting unit',
      actions: 'Actions',
      handle: 'Open',
      accept: 'Accept',
      acceptConfirm: 'Accept the materials of “{title}”? The review period starts counting.',
      accepted: 'Accepted: {title}',
      printForm: 'Liaison form',
      printOpinion: 'Opinion',
      total: '{n} in all',
    },
    papers: {
      title: 'Papers',
      none: 'No paper to print yet',
      print: 'Print',
      failed: 'The paper could not be opened; try again',
      basedOn: 'from record {seq}',
    },
  },
};
