import { articleZhOrUndefined, citesArticle } from '@app/engine';
import type { DocketError } from '@app/runtime';

export interface ErrorBody {
  statusCode: number;
  code: string;
  /** the short reference of the rule that refused (e.g. `R713 Art. 26`), for clients and logs */
  article?: string;
  /** the same article as a clerk reads it (e.g. 《重大行政决策程序暂行条例》第二十六条); `messageZh` cites it */
  articleZh?: string;
  message: string;
  messageZh: string;
  details?: Record<string, unknown>;
}

/**
 * The zh-CN message of a refusal, citing its article as a clerk reads it: a message that already
 * cites the article's source is kept as it is; otherwise the citation is added at its end,
 * （依据：《…》第N条）. The short reference never goes into the zh-CN text. Pure.
 */
export function messageZhCitingArticle(zh: string, article: string | undefined): string {
  if (!article) return zh;
  const citation = articleZhOrUndefined(article);
  if (!citation || citesArticle(zh, article)) return zh;
  const stop = /。$/.test(zh) ? '。' : '';
  return `${zh.replace(/。$/, '')}（依据：${citation}）${stop}`;
}

/** The answer to a DocketError: its code and status, the article by short reference and in zh-CN, the messages. Pure. */
export function docketErrorBody(e: DocketError): ErrorBody {
  const articleZh = e.article ? articleZhOrUndefined(e.article) : undefined;
  return {
    statusCode: e.status,
    code: e.code,
    ...(e.article ? { article: e.article } : {}),
    ...(articleZh ? { articleZh } : {}),
    message: e.en,
    messageZh: messageZhCitingArticle(e.zh, e.article),
    ...(e.details ? { details: e.details } : {}),
  };
}
