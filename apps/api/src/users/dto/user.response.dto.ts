import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LabelDto } from '../../common/dto/common.response.dto';

export class UserQualificationsLegalProfessionalQualificationDto {
  @ApiProperty({ type: String })
  readonly certificateNumber: string;

  @ApiProperty({ type: String, format: 'date' })
  readonly obtainedOn: string;
}

export class UserQualificationsDto {
  @ApiProperty({ type: () => UserQualificationsLegalProfessionalQualificationDto, nullable: true })
  readonly legalProfessionalQualification: UserQualificationsLegalProfessionalQualificationDto | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  readonly legalReviewSince: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly updatedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  readonly updatedBy: string | null;
}

export class UserResponseDto {
  @ApiProperty({ type: String })
  readonly id: string;

  @ApiProperty({ type: String })
  readonly username: string;

  @ApiProperty({ type: String })
  readonly displayName: string;

  @ApiProperty({ type: String })
  readonly orgUnit: string;

  @ApiProperty({ type: String, isArray: true })
  readonly roles: string[];

  @ApiProperty({ type: Boolean })
  readonly active: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly createdAt: string;

  @ApiProperty({ type: String, nullable: true })
  readonly email: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly lockedUntil: string | null;

  @ApiProperty({ type: 'integer' })
  readonly failedLoginCount: number;

  @ApiProperty({ type: Boolean, description: 'the next login must set a new password first (PASSWORD_CHANGE_REQUIRED)' })
  readonly mustChangePassword: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly passwordChangedAt: string | null;

  @ApiProperty({ type: () => UserQualificationsDto })
  readonly qualifications: UserQualificationsDto;
}

export class OrgUnitFormerNameDto {
  @ApiProperty({ type: String, example: '经济发展办' })
  readonly nameZh: string;

  @ApiProperty({ type: String })
  readonly nameEn: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'the instant of the rename that ended it' })
  readonly until: string;

  @ApiProperty({ type: String, description: 'the administrator who renamed it (user id)' })
  readonly renamedBy: string;
}

export class OrgUnitResponseDto {
  @ApiProperty({ type: String, example: 'jjfzb' })
  readonly id: string;

  @ApiProperty({ type: String, example: '经济发展办' })
  readonly nameZh: string;

  @ApiProperty({ type: String })
  readonly nameEn: string;

  @ApiProperty({ type: Boolean })
  readonly active: boolean;

  @ApiProperty({ type: () => LabelDto, description: '在用 / 已停用' })
  readonly statusLabel: LabelDto;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly deactivatedAt: string | null;

  @ApiProperty({ type: () => [OrgUnitFormerNameDto], description: 'the names it had before each rename, oldest first' })
  readonly formerNames: OrgUnitFormerNameDto[];
}

export class SecurityLogEntryDetailDto {
  @ApiProperty({ type: String })
  readonly message: string;

  @ApiPropertyOptional({ type: String, description: '请求编号（X-Request-Id），用于查找该请求的日志 · the request id (X-Request-Id), to find the request’s log lines' })
  readonly requestId?: string;
}

export class SecurityLogEntryResponseDto {
  @ApiProperty({ type: 'integer' })
  readonly id: number;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly at: string;

  @ApiProperty({ type: String, nullable: true })
  readonly userId: string | null;

  @ApiProperty({ type: String })
  readonly username: string;

  @ApiProperty({ type: String })
  readonly ip: string;

  @ApiProperty({ type: String })
  readonly method: string;

  @ApiProperty({ type: String })
  readonly path: string;

  @ApiProperty({ type: 'integer' })
  readonly status: number;

  @ApiProperty({ type: String })
  readonly code: string;

  @ApiProperty({ type: String, nullable: true })
  readonly caseId: string | null;

  @ApiProperty({ type: () => SecurityLogEntryDetailDto })
  readonly detail: SecurityLogEntryDetailDto;
}
