import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LabelDto } from '../../common/dto/common.response.dto';
import { DISPOSITIONS, HIDE_REASONS, SOURCE_LABELS, SUBMITTER_TYPES } from '../participation.labels';

const PHASES = ['NOT_OPEN', 'OPEN', 'CLOSED'];
const SOURCES = Object.keys(SOURCE_LABELS);

/** The draft published for comment. */
export class ConsultationDraftDto {
  @ApiProperty({ type: String, example: '掌起镇临时摊点管理办法' })
  readonly title: string;

  @ApiProperty({ type: String, nullable: true, description: '征求意见稿的 SHA-256 · SHA-256 of the draft' })
  readonly documentHash: string | null;

  @ApiProperty({ type: String, nullable: true, description: '起草说明 · Explanatory note' })
  readonly explanation: string | null;
}

/** An extension of the comment period (the last day before and after). */
export class PeriodExtensionDto {
  @ApiProperty({ type: String, format: 'date', example: '2020-09-03' })
  readonly previousClosesAt: string;

  @ApiProperty({ type: String, format: 'date', example: '2020-09-10' })
  readonly closesAt: string;
}

/** A consultation as the public sees it: the draft, the period and where it stands today. */
export class PublicConsultationDto {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly caseId: string;

  @ApiProperty({ type: String, example: 'normative-document' })
  readonly kind: string;

  @ApiProperty({ type: String, example: '掌起镇临时摊点管理办法' })
  readonly title: string;

  @ApiProperty({ type: () => ConsultationDraftDto, nullable: true })
  readonly draft: ConsultationDraftDto | null;

  @ApiProperty({ type: String, format: 'date', example: '2020-03-02', description: '开始日期 · First day' })
  readonly opensAt: string;

  @ApiProperty({ type: String, format: 'date', example: '2020-04-01', description: '截止日期（含延长，至北京时间 24 时）· Last day, extensions included (to 24:00 Beijing)' })
  readonly closesAt: string;

  @ApiProperty({ type: String, format: 'date', example: '2020-04-01', description: '首次公布的截止日期 · The last day first published' })
  readonly originalClosesAt: string;

  @ApiProperty({ type: () => PeriodExtensionDto, isArray: true })
  readonly extensions: PeriodExtensionDto[];

  @ApiProperty({ type: String, isArray: true, description: '意见提交渠道 · Where comments may be sent' })
  readonly channels: string[];

  @ApiProperty({ type: String, enum: PHASES, example: 'OPEN' })
  readonly phase: string;

  @ApiProperty({ type: 'integer', example: 23, description: '剩余天数 · Days left' })
  readonly daysLeft: number;
}

/** The consultations open (or announced) now. */
export class PublicConsultationListResponseDto {
  @ApiProperty({ type: 'integer' })
  readonly total: number;

  @ApiProperty({ type: () => PublicConsultationDto, isArray: true })
  readonly items: PublicConsultationDto[];
}

/** A count by key, with the key's label. */
export class LabelledCountDto {
  @ApiProperty({ type: String, example: 'ADVERTISING' })
  readonly key: string;

  @ApiProperty({ type: 'integer', example: 1 })
  readonly count: number;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;
}

/** A published file as stored: what its download will be. */
export class PublishedFileDto {
  @ApiProperty({ type: String, example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  readonly sha256: string;

  @ApiProperty({ type: 'integer', example: 48213, description: '字节数 · Bytes' })
  readonly size: number;

  @ApiProperty({ type: String, example: 'application/pdf' })
  readonly mediaType: string;
}

/** One consultation, with how many comments it received and how many moderation hid, by reason. */
export class PublicConsultationResponseDto extends PublicConsultationDto {
  @ApiProperty({ type: 'integer', description: '收到意见数 · Comments received' })
  readonly received: number;

  @ApiProperty({ type: () => LabelledCountDto, isArray: true, description: '按理由统计的屏蔽数 · Hidden, by reason' })
  readonly hiddenByReason: LabelledCountDto[];

  @ApiProperty({
    type: () => PublishedFileDto,
    nullable: true,
    description: '征求意见稿文件（可下载，GET …/attachments/{sha256}）；未上传的为空 · The draft file to download; null when it was not uploaded',
  })
  readonly draftFile: PublishedFileDto | null;
}

/** A proof-of-work challenge: find a solution such that SHA-256(token:solution) starts with `bits` zero bits. */
export class ChallengeResponseDto {
  @ApiProperty({ type: String })
  readonly token: string;

  @ApiProperty({ type: String, example: 'SHA-256' })
  readonly algorithm: string;

  @ApiProperty({ type: 'integer', example: 16, description: '前导零位数 · Leading zero bits required' })
  readonly bits: number;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly expiresAt: string;
}

/** The receipt of a comment: the tracking number and the 查询码 (shown once, never stored). */
export class CommentReceiptResponseDto {
  @ApiProperty({ type: String, example: 'YJ20200310-7KQ3MZ' })
  readonly trackingNumber: string;

  @ApiProperty({ type: String, example: 'H4N8RT2P', description: '查询码（仅此一次显示）· Query code (shown this once)' })
  readonly queryCode: string;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly receivedAt: string;

  @ApiProperty({ type: String, example: '掌起镇临时摊点管理办法' })
  readonly title: string;
}

/** A comment as its receipt opens it: as received, and its status. */
/** The inclusion proof of a comment against the root sealed at the close of its round (RFC 6962). */
export class CommentSealProofDto {
  @ApiProperty({ type: 'integer', example: 1, description: '征求意见轮次 · Consultation round' })
  readonly round: number;

  @ApiProperty({ type: String, format: 'date-time', description: '结束征求意见（封存）的时间 · When the close sealed the comments' })
  readonly sealedAt: string;

  @ApiProperty({ type: 'integer', description: '封存的意见总数（含已屏蔽的） · Comments sealed, hidden ones included' })
  readonly count: number;

  @ApiProperty({ type: String, example: 'a3f1…', description: '封存的默克尔根（SHA-256，十六进制），记录在案件的哈希链历史中 · The sealed Merkle root (SHA-256, hex), recorded in the case’s hash-chained history' })
  readonly root: string;

  @ApiProperty({ type: String, example: 'RFC6962-SHA256/docket-comment-v1' })
  readonly scheme: string;

  @ApiProperty({ type: String, description: '本条意见的叶子：收到时各字段的规范化 JSON（RFC 8785） · The leaf: canonical JSON (RFC 8785) of the comment as received' })
  readonly leaf: string;

  @ApiProperty({ type: String, nullable: true, description: 'SHA-256(0x00 ‖ leaf)，十六进制 · Leaf hash, hex' })
  readonly leafHash: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: '叶子序号（按收到顺序，从 0 起） · Leaf index (in the order received, from 0)' })
  readonly index: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: '树的大小 · Tree size' })
  readonly treeSize: number | null;

  @ApiProperty({ type: String, isArray: true, description: '审计路径（自下而上，十六进制） · Audit path, bottom up, hex (RFC 6962 §2.1.1)' })
  readonly proof: string[];

  @ApiProperty({ type: Boolean, description: '按现存记录计算的证明能否推出封存的根 · Whether the proof from the stored comments yields the sealed root' })
  readonly verified: boolean;
}

export class CommentStatusResponseDto {
  @ApiProperty({ type: String, example: 'YJ20200310-7KQ3MZ' })
  readonly trackingNumber: string;

  @ApiProperty({ type: String, format: 'uuid' })
  readonly caseId: string;

  @ApiProperty({ type: String, example: '掌起镇临时摊点管理办法' })
  readonly title: string;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly receivedAt: string;

  @ApiProperty({ type: String, enum: SUBMITTER_TYPES })
  readonly submitterType: string;

  @ApiProperty({ type: () => LabelDto })
  readonly submitterTypeLabel: LabelDto;

  @ApiProperty({ type: 'integer', nullable: true, example: 3 })
  readonly clause: number | null;

  @ApiProperty({ type: String })
  readonly text: string;

  @ApiProperty({ type: Boolean })
  readonly confidential: boolean;

  @ApiProperty({ type: String, enum: ['RECEIVED', 'ANSWERED', 'HIDDEN'], description: '已收到 / 已答复 / 未予公开 · Received / answered / not published by moderation' })
  readonly status: string;

  @ApiProperty({ type: () => LabelDto })
  readonly statusLabel: LabelDto;

  @ApiProperty({ type: String, enum: DISPOSITIONS, nullable: true, description: '答复（本条或所在重复意见组的）· The answer, its own or its group’s' })
  readonly disposition: string | null;

  @ApiProperty({ type: () => LabelDto, nullable: true })
  readonly dispositionLabel: LabelDto | null;

  @ApiProperty({ type: String, nullable: true, description: '理由 · Reason' })
  readonly dispositionReason: string | null;

  @ApiProperty({ type: String, nullable: true, example: '第三条', description: '修改的条款 · Clause changed' })
  readonly clauseChanged: string | null;

  @ApiProperty({ type: () => LabelDto, nullable: true, description: '未予公开的理由类别 · Why moderation did not publish it' })
  readonly hiddenReasonLabel: LabelDto | null;

  @ApiProperty({ type: () => CommentSealProofDto, nullable: true, description: '结束征求意见后：本条意见在封存集合中的包含证明；此前为 null · After the close: the comment’s inclusion proof in the sealed set; null before' })
  readonly seal: CommentSealProofDto | null;
}

/** A comment as staff see it: contact masked; its answer is its own or its group's. */
export class StaffCommentResponseDto {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly id: string;

  @ApiProperty({ type: String, example: 'YJ20200310-7KQ3MZ' })
  readonly trackingNumber: string;

  @ApiProperty({ type: 'integer', example: 1 })
  readonly round: number;

  @ApiProperty({ type: String, enum: SOURCES })
  readonly source: string;

  @ApiProperty({ type: () => LabelDto })
  readonly sourceLabel: LabelDto;

  @ApiProperty({ type: String, enum: SUBMITTER_TYPES })
  readonly submitterType: string;

  @ApiProperty({ type: () => LabelDto })
  readonly submitterTypeLabel: LabelDto;

  @ApiProperty({ type: String, nullable: true, example: '张三' })
  readonly displayName: string | null;

  @ApiProperty({ type: String, nullable: true, example: '138****1234', description: '联系方式（已遮蔽）· Contact, masked' })
  readonly contact: string | null;

  @ApiProperty({ type: 'integer', nullable: true, example: 3 })
  readonly clause: number | null;

  @ApiProperty({ type: String })
  readonly text: string;

  @ApiProperty({ type: Boolean })
  readonly confidential: boolean;

  @ApiProperty({ type: Boolean, description: '逾期收到 · Received after the last day' })
  readonly late: boolean;

  @ApiPropertyOptional({ type: () => LabelDto, description: '仅逾期时 · Only when late' })
  readonly lateLabel?: LabelDto;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly receivedAt: string;

  @ApiProperty({ type: String, format: 'date', example: '2020-03-10' })
  readonly receivedOn: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '录入人（网上提交的为空）· Who entered it (null for the portal)' })
  readonly enteredBy: string | null;

  @ApiProperty({ type: String, enum: HIDE_REASONS, nullable: true })
  readonly hiddenReason: string | null;

  @ApiPropertyOptional({ type: () => LabelDto })
  readonly hiddenReasonLabel?: LabelDto;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  readonly groupId: string | null;

  @ApiProperty({ type: String, enum: DISPOSITIONS, nullable: true })
  readonly disposition: string | null;

  @ApiPropertyOptional({ type: () => LabelDto })
  readonly dispositionLabel?: LabelDto;

  @ApiProperty({ type: String, nullable: true })
  readonly dispositionReason: string | null;

  @ApiProperty({ type: String, nullable: true, example: '第三条' })
  readonly clauseChanged: string | null;

  @ApiProperty({ type: Boolean, description: '尚未答复（屏蔽的无需答复）· Not yet answered (a hidden comment needs none)' })
  readonly undisposed: boolean;
}

/** A group of duplicate comments, answered once. */
export class CommentGroupResponseDto {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly id: string;

  @ApiProperty({ type: String, format: 'uuid' })
  readonly caseId: string;

  @ApiProperty({ type: 'integer', example: 1 })
  readonly round: number;

  @ApiProperty({ type: String, example: '关于经营时间的意见' })
  readonly title: string;

  @ApiProperty({ type: String, enum: DISPOSITIONS, nullable: true })
  readonly disposition: string | null;

  @ApiProperty({ type: String, nullable: true })
  readonly dispositionReason: string | null;

  @ApiProperty({ type: String, nullable: true, example: '第三条' })
  readonly clauseChanged: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly createdAt: string;
}

/** A group with its members. */
export class CommentGroupMembersResponseDto extends CommentGroupResponseDto {
  @ApiProperty({ type: 'integer', example: 3 })
  readonly count: number;

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  readonly commentIds: string[];
}

/** A group in the docket: with its members and, once answered, the answer's label. */
export class DocketGroupDto extends CommentGroupMembersResponseDto {
  @ApiPropertyOptional({ type: () => LabelDto })
  readonly dispositionLabel?: LabelDto;
}

/** The comment period of the docket's round. */
export class DocketPeriodDto {
  @ApiProperty({ type: String, format: 'date', example: '2020-03-02' })
  readonly opensAt: string;

  @ApiProperty({ type: String, format: 'date', example: '2020-04-01' })
  readonly closesAt: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: '记录结束征求意见的日期 · The day the close was recorded' })
  readonly closedOn: string | null;

  @ApiProperty({ type: String, enum: PHASES })
  readonly phase: string;
}

/** The docket of the current round, contacts masked. */
export class CommentDocketResponseDto {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly caseId: string;

  @ApiProperty({ type: 'integer', example: 1 })
  readonly round: number;

  @ApiProperty({ type: () => DocketPeriodDto })
  readonly period: DocketPeriodDto;

  @ApiProperty({ type: 'integer' })
  readonly total: number;

  @ApiProperty({ type: 'integer' })
  readonly late: number;

  @ApiProperty({ type: 'integer' })
  readonly hidden: number;

  @ApiProperty({ type: 'integer' })
  readonly undisposed: number;

  @ApiProperty({ type: () => DocketGroupDto, isArray: true })
  readonly groups: DocketGroupDto[];

  @ApiProperty({ type: () => StaffCommentResponseDto, isArray: true })
  readonly items: StaffCommentResponseDto[];
}

/** The participation summary, computed from the docket. */
export class ParticipationSummaryResponseDto {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly caseId: string;

  @ApiProperty({ type: 'integer', example: 1 })
  readonly round: number;

  @ApiProperty({ type: () => DocketPeriodDto })
  readonly period: DocketPeriodDto;

  @ApiProperty({ type: 'integer', description: '收到意见数 · Comments received' })
  readonly received: number;

  @ApiProperty({ type: 'integer', description: '逾期收到 · Received late' })
  readonly late: number;

  @ApiProperty({ type: () => LabelledCountDto, isArray: true, description: '按来源 · By source' })
  readonly bySource: LabelledCountDto[];

  @ApiProperty({ type: () => LabelledCountDto, isArray: true, description: '按提交人类型 · By submitter type' })
  readonly bySubmitterType: LabelledCountDto[];

  @ApiProperty({ type: 'integer' })
  readonly hidden: number;

  @ApiProperty({ type: () => LabelledCountDto, isArray: true, description: '按理由统计的屏蔽数 · Hidden, by reason' })
  readonly hiddenByReason: LabelledCountDto[];

  @ApiProperty({ type: 'integer', description: '重复意见分组数 · Groups of duplicates' })
  readonly groups: number;

  @ApiProperty({ type: () => LabelledCountDto, isArray: true, description: '按采纳情况（分组的答复计入每条）· By disposition (a group counts for each member)' })
  readonly byDisposition: LabelledCountDto[];

  @ApiProperty({ type: 'integer' })
  readonly undisposed: number;

  @ApiProperty({ type: Boolean, description: '每条意见均已答复 · Every comment is answered' })
  readonly complete: boolean;
}

/** One staff action on the docket. */
export class CommentActionDto {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly id: string;

  @ApiProperty({ type: String, format: 'uuid' })
  readonly caseId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  readonly commentId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  readonly groupId: string | null;

  @ApiProperty({ type: String, enum: ['HIDE', 'GROUP', 'DISPOSE'] })
  readonly action: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: '所做的处理（理由、分组、答复）· What was done (reason, group, answer)' })
  readonly detail: Record<string, unknown>;

  @ApiProperty({ type: String, format: 'uuid' })
  readonly actorId: string;

  @ApiProperty({ type: String, example: 'department-head' })
  readonly actorRole: string;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly at: string;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;
}

/** A person named in the log. */
export class CommentActorDto {
  @ApiProperty({ type: String, example: '王科长' })
  readonly displayName: string;
}

/** Every staff action on the docket, with the names of who acted. */
export class CommentActionsResponseDto {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly caseId: string;

  @ApiProperty({ type: 'integer' })
  readonly total: number;

  @ApiProperty({ type: () => CommentActionDto, isArray: true })
  readonly items: CommentActionDto[];

  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/CommentActorDto' }, description: '按用户编号 · By user id' })
  readonly people: Record<string, CommentActorDto>;
}
