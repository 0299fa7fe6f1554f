import type { AuthenticatedUser } from '@app/auth';
import { DOCKET_CONFIG, DocketConfig } from '@app/config';
import { CASE_REPOSITORY, CaseRepository, DATA_SOURCE } from '@app/persistence';
import { CLOCK, Clock, DocketError } from '@app/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'crypto';
import type { Request } from 'express';
import * as fs from 'fs';
import * as path from 'path';
import { DataSource } from 'typeorm';
import { canView } from '../cases/case-access.policy';
import { ACCEPTED_TYPES, detectFileType } from './file-type';

export interface AttachmentInfo {
  sha256: string;
  size: number;
  mediaType: string;
  fileName: string;
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Uploaded documents, content-addressed by SHA-256. On the embedded default the bytes are files
 * under DATA_DIR/attachments/<first two hex digits>/<sha256> (next to the SQLite file, one backup);
 * on PostgreSQL they are a bytea column of `attachments`, so that every API process (and every
 * database backup) holds the documents the records' hashes point to, with no shared file system.
 */
@Injectable()
export class AttachmentsService {
  private readonly pg: boolean;
  private readonly dir: string;

  constructor(
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(CASE_REPOSITORY) private readonly cases: CaseRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.pg = config.database.type === 'postgres';
    this.dir = path.resolve(config.dataDir, 'attachments');
  }

  private p(i: number): string {
    return this.pg ? `$${i}` : '?';
  }

  private tooLarge(size?: number): DocketError {
    const max = this.config.attachments.maxBytes;
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 1)} MB`;
    return new DocketError(
      413,
      'ATTACHMENT_TOO_LARGE',
      `附件过大${size ? `（${mb(size)}）` : ''}，不得超过 ${mb(max)}`,
      `The attachment is too large${size ? ` (${mb(size)})` : ''}; at most ${mb(max)}`,
      undefined,
      { maxBytes: max, ...(size ? { size } : {}) },
    );
  }

  /** Reads the raw request body, refusing it as soon as it passes the size limit. */
  private async readBody(req: Request): Promise<Buffer> {
    const max = this.config.attachments.maxBytes;
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > max) {
      req.resume();
      throw this.tooLarge(declared);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > max) {
        req.resume();
        throw this.tooLarge();
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  }

  async upload(user: AuthenticatedUser, req: Request, rawName: string | undefined): Promise<AttachmentInfo> {
    const fileName = this.fileName(rawName);
    const body = await this.readBody(req);
    if (!body.length) throw new DocketError(400, 'ATTACHMENT_EMPTY', '附件内容为空', 'The attachment is empty');
    const type = detectFileType(body);
    if (!type) {
      throw new DocketError(
        415,
        'ATTACHMENT_TYPE_NOT_ALLOWED',
        `不支持的附件类型（按文件内容判断），仅接受 ${ACCEPTED_TYPES.zh}`,
        `Unsupported attachment type (judged by its content); accepted: ${ACCEPTED_TYPES.en}`,
        undefined,
        { accepted: ACCEPTED_TYPES.en },
      );
    }
    const sha256 = createHash('sha256').update(body).digest('hex');
    const now = this.clock.now().toISOString();
    const p = this.p.bind(this);
    const known = await this.ds.query(`SELECT sha256 FROM attachments WHERE sha256 = ${p(1)}`, [sha256]);
    if (!known.length) {
      if (!this.pg) await this.writeFile(sha256, body);
      await this.ds.query(
        `INSERT INTO attachments (sha256, size, media_type, content, created_at) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}) ON CONFLICT (sha256) DO NOTHING`,
        [sha256, body.length, type.mediaType, this.pg ? body : null, now],
      );
    }
    await this.ds.query(
      `INSERT INTO attachment_uploads (sha256, uploaded_by, file_name, uploaded_at) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}) ON CONFLICT (sha256, uploaded_by) DO NOTHING`,
      [sha256, user.id, fileName, now],
    );
    return { sha256, size: body.length, mediaType: type.mediaType, fileName };
  }

  /**
   * The file, for its uploader or for anyone who may see a case whose history records its hash;
   * to everyone else it answers like a missing one.
   */
  async download(user: AuthenticatedUser, sha256: string): Promise<AttachmentInfo & { content: Buffer }> {
    if (!SHA256.test(sha256)) {
      throw new DocketError(400, 'INVALID_SHA256', '附件编号应为 64 位小写十六进制的 SHA-256 值', 'An attachment is named by its SHA-256: 64 lower-case hex digits', undefined, { field: 'sha256' });
    }
    const p = this.p.bind(this);
    const rows: Array<{ size: number; media_type: string; content: Buffer | null }> = await this.ds.query(`SELECT size, media_type, content FROM attachments WHERE sha256 = ${p(1)}`, [sha256]);
    const missing = new DocketError(404, 'ATTACHMENT_NOT_FOUND', '附件不存在或无权查看', 'No such attachment, or it is not yours to see');
    if (!rows.length) throw missing;
    const uploads: Array<{ uploaded_by: string; file_name: string }> = await this.ds.query(`SELECT uploaded_by, file_name FROM attachment_uploads WHERE sha256 = ${p(1)} ORDER BY uploaded_at`, [sha256]);
    const own = uploads.find((u) => u.uploaded_by === user.id);
    if (!own && !(await this.seenInVisibleCase(user, sha256))) throw missing;
    const content = this.pg ? Buffer.from(rows[0].content ?? []) : await fs.promises.readFile(this.fileOf(sha256));
    return { sha256, size: Number(rows[0].size), mediaType: rows[0].media_type, fileName: (own ?? uploads[0])?.file_name ?? sha256, content };
  }

  /** What is stored under a hash (size and type), without the bytes; null when nothing is. */
  async info(sha256: string): Promise<{ sha256: string; size: number; mediaType: string } | null> {
    if (!SHA256.test(sha256)) return null;
    const rows: Array<{ size: number; media_type: string }> = await this.ds.query(`SELECT size, media_type FROM attachments WHERE sha256 = ${this.p(1)}`, [sha256]);
    return rows.length ? { sha256, size: Number(rows[0].size), mediaType: rows[0].media_type } : null;
  }

  /**
   * The stored bytes of a file, with no access check: for the public side, which serves only the
   * files a published record names (a consultation's draft). Null when no such file is stored.
   */
  async content(sha256: string): Promise<{ sha256: string; size: number; mediaType: string; content: Buffer } | null> {
    if (!SHA256.test(sha256)) return null;
    const rows: Array<{ size: number; media_type: string; content: Buffer | null }> = await this.ds.query(`SELECT size, media_type, content FROM attachments WHERE sha256 = ${this.p(1)}`, [sha256]);
    if (!rows.length) return null;
    const content = this.pg ? Buffer.from(rows[0].content ?? []) : await fs.promises.readFile(this.fileOf(sha256)).catch(() => null);
    return content ? { sha256, size: Number(rows[0].size), mediaType: rows[0].media_type, content } : null;
  }

  private async seenInVisibleCase(user: AuthenticatedUser, sha256: string): Promise<boolean> {
    const ids: Array<{ case_id: string }> = await this.ds.query(`SELECT DISTINCT case_id FROM case_attachment_refs WHERE sha256 = ${this.p(1)}`, [sha256]);
    for (const { case_id } of ids) {
      const row = await this.cases.findById(case_id);
      if (row && canView(user, row)) return true;
    }
    return false;
  }

  private fileName(raw: string | undefined): string {
    let name = 'attachment';
    if (raw) {
      try {
        name = decodeURIComponent(raw);
      } catch {
        name = raw;
      }
    }
    // a name to show and to save as: no path, no control characters, bounded
    name = path.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
    return name || 'attachment';
  }

  private fileOf(sha256: string): string {
    return path.join(this.dir, sha256.slice(0, 2), sha256);
  }

  private async writeFile(sha256: string, body: Buffer): Promise<void> {
    const file = this.fileOf(sha256);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    // written aside then renamed: a file under its hash is always whole
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await fs.promises.writeFile(tmp, body, { mode: 0o600 });
    await fs.promises.rename(tmp, file);
  }
}
