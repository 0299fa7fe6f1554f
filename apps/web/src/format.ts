/** Instants as a person in the township reads them: Beijing time, minutes. */
const beijing = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

export const beijingTime = (iso: string | null | undefined): string => (iso ? beijing.format(new Date(iso)) : '');
