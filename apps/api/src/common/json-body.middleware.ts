import { json } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import * as zlib from 'zlib';

/** The Content-Encodings the body parser decodes (zstd where this Node has it). */
export const CONTENT_ENCODINGS = ['gzip', 'deflate', 'br', ...('createZstdDecompress' in zlib ? ['zstd'] : [])];

/**
 * express's JSON body parser, its errors told apart for the exception filter. body-parser passes a
 * decompression failure on as a bare zlib error (400, no `type`), which the filter could not tell from a
 * server fault: it is typed `encoding.undecodable` here, with the encoding the client named.
 */
export function jsonBody(options: { limit: string }): RequestHandler {
  const parse = json({ ...options, strict: true });
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const e = err as { type?: unknown; status?: unknown; code?: unknown; encoding?: string };
      const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
      if (e.type === undefined && e.status === 400 && encoding !== 'identity') {
        Object.assign(e, { type: 'encoding.undecodable', encoding });
      }
      next(e);
    });
}
