import { Public, RequireRoles } from '@app/auth';
import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { SeqParamPipe } from '../common/paging.request.dto';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CheckpointsService } from './checkpoints.service';
import { ConsistencyProofRequestDto } from './dto/consistency-proof.request.dto';
import { ListCheckpointsRequestDto } from './dto/list-checkpoints.request.dto';
import { ApiDoc } from '../common/api-doc';
import { CheckpointCreatedResponseDto, CheckpointKeyResponseDto, CheckpointListResponseDto, CheckpointResponseDto, ConsistencyProofResponseDto } from './dto/checkpoint.response.dto';

/**
 * Signed checkpoints (issue 4 §2). Reading them needs no login: they are published so that copies
 * can be held outside Docket (they reveal roots, counts and times, never a case's content).
 */
@ApiTags('checkpoints')
@Controller('checkpoints')
export class CheckpointsController {
  constructor(private readonly checkpoints: CheckpointsService) {}

  /** Makes a checkpoint now (administrators). */
  @ApiDoc({ zh: '生成检查点', en: 'Make a checkpoint now', ok: CheckpointCreatedResponseDto, status: 201, errors: [503] })
  @ApiBearerAuth()
  @RequireRoles('admin')
  @Post()
  create() {
    return this.checkpoints.create();
  }

  /** Newest first, with the public keys that signed them. */
  @ApiDoc({ zh: '列出检查点', en: 'List checkpoints', ok: CheckpointListResponseDto, public: true })
  @Public()
  @Get()
  list(@Query() q: ListCheckpointsRequestDto) {
    return this.checkpoints.list(q.limit, q.offset);
  }

  /** The public keys (base64 SPKI) that signed checkpoints. */
  @ApiDoc({ zh: '检查点签名公钥', en: 'Checkpoint signing keys', ok: [CheckpointKeyResponseDto], public: true })
  @Public()
  @Get('keys')
  keys() {
    return this.checkpoints.keys();
  }

  @ApiDoc({ zh: '检查点', en: 'Get a checkpoint', ok: CheckpointResponseDto, public: true, errors: [404] })
  @Public()
  @Get(':seq')
  get(@Param('seq', SeqParamPipe) seq: number) {
    return this.checkpoints.get(seq);
  }

  /** Proof that an older checkpoint you hold is part of this one's log. */
  @ApiDoc({ zh: '检查点一致性证明', en: 'Consistency proof between checkpoints', ok: ConsistencyProofResponseDto, public: true, errors: [404] })
  @Public()
  @Get(':seq/consistency')
  consistency(@Param('seq', SeqParamPipe) seq: number, @Query() q: ConsistencyProofRequestDto) {
    return this.checkpoints.consistency(seq, q.from);
  }
}
