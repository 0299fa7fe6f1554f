import { AuthenticatedUser, CurrentUser } from '@app/auth';
import { Controller, Get, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AttachmentsService } from './attachments.service';

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  /**
   * Uploads a document as the raw request body (its type is told from its content: PDF, DOC/DOCX,
   * XLSX, OFD, JPG, PNG); answers its SHA-256, which is what an event's file field records.
   */
  @Post()
  @HttpCode(201)
  @ApiConsumes('application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiHeader({ name: 'X-File-Name', required: false, description: 'the file name, URI-encoded' })
  upload(@CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Headers('x-file-name') name?: string) {
    return this.attachments.upload(user, req, name);
  }

  /** Downloads a document by its SHA-256: for its uploader and anyone who may see a case whose history records it. */
  @Get(':sha256')
  async download(@CurrentUser() user: AuthenticatedUser, @Param('sha256') sha256: string, @Res() res: Response) {
    const file = await this.attachments.download(user, sha256);
    res.setHeader('Content-Type', file.mediaType);
    res.setHeader('Content-Length', String(file.content.length));
    res.setHeader('Content-Disposition', `attachment; filename="${file.sha256}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    res.setHeader('X-Content-SHA256', file.sha256);
    res.end(file.content);
  }
}
