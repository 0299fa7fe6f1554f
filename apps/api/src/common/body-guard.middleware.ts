import type { NextFunction, Request, Response } from 'express';

/** Deeper JSON than any Docket payload needs; deeper bodies would only exhaust the validators' stack. */
export const MAX_JSON_DEPTH = 32;

/**
 * Checks a parsed JSON body before validation, without recursion: nesting depth (a 5,000-level
 * body must answer 400, not overflow the stack) and NUL characters (PostgreSQL text cannot hold
 * them; SQLite would store them silently).
 */
export function inspectBody(body: unknown): { code: 'PAYLOAD_TOO_DEEP' | 'INVALID_CHARACTER'; path: string } | null {
  const stack: Array<{ v: unknown; depth: number; path: string }> = [{ v: body, depth: 0, path: '' }];
  while (stack.length) {
    const { v, depth, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { code: 'INVALID_CHARACTER', path: path || '(body)' };
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) return { code: 'PAYLOAD_TOO_DEEP', path: path || '(body)' };
    for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
      if (k.includes('\u0000')) return { code: 'INVALID_CHARACTER', path: `${path}.${k.replace(/\u0000/g, '\\0')}` };
      stack.push({ v: child, depth: depth + 1, path: path ? `${path}.${k}` : k });
    }
  }
  return null;
}

export function bodyGuard(req: Request, res: Response, next: NextFunction): void {
  const problem = inspectBody(req.body);
  if (!problem) return next();
  const body =
    problem.code === 'PAYLOAD_TOO_DEEP'
      ? {
          statusCode: 400,
          code: problem.code,
          message: `The request body is nested deeper than ${MAX_JSON_DEPTH} levels (at ${problem.path})`,
          messageZh: `请求内容嵌套层级超过 ${MAX_JSON_DEPTH} 层（${problem.path}）`,
        }
      : {
          statusCode: 400,
          code: problem.code,
          message: `The request contains a NUL character (at ${problem.path})`,
          messageZh: `请求内容含有不允许的空字符（${problem.path}）`,
        };
  res.status(400).json({ ...body, details: { field: problem.path } });
}
