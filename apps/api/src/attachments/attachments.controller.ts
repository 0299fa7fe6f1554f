import { AuthenticatedUser, CurrentUser } from '@app/auth';
import { Controller, Get, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AttachmentsService } from './attachments.service';
import { ApiDoc } from '../common/api-doc';
import { AttachmentResponseDto } from './dto/attachment.response.dto';

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  /**
   * Uploads a document as the raw request body (its type is told from its content: PDF, DOC/DOCX,
   * XLSX, OFD, JPG, PNG); answers its SHA-256, which is what an event's file field records.
   */
  @ApiDoc({
    zh: '上传附件',
    en: 'Upload an attachment',
    descriptionZh: '请求体为文件本身（类型按内容判断：PDF、DOC/DOCX、XLSX、OFD、JPG、PNG），答复其 SHA-256，事项表单的文件字段记录该值。',
    descriptionEn: 'The body is the file itself (type told from its content: PDF, DOC/DOCX, XLSX, OFD, JPG, PNG); answers its SHA-256, which an event’s file field records.',
    ok: AttachmentResponseDto,
    status: 201,
    errors: [413, 415],
  })
  @Post()
  @HttpCode(201)
  @ApiConsumes('application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiHeader({ name: 'X-File-Name', required: false, description: 'the file name, URI-encoded' })
  upload(@CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Headers('x-file-name') name?: string) {
    return this.attachments.upload(user, req, name);
  }

  /** Downloads a document by its SHA-256: for its uploader and anyone who may see a case whose history records it. */
  @ApiDoc({
    zh: '下载附件',
    en: 'Download an attachment',
    descriptionZh: '按 SHA-256 下载：上传者本人，或可查看记录该值的案件的用户。',
    descriptionEn: 'By SHA-256: for its uploader and anyone who may see a case whose history records it.',
    ok: 'binary',
    errors: [404],
  })
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
