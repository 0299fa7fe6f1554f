import { Public, RequireRoles } from '@app/auth';
import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { SeqParamPipe } from '../common/paging.request.dto';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CheckpointsService } from './checkpoints.service';
import { ConsistencyProofRequestDto } from './dto/consistency-proof.request.dto';
import { ListCheckpointsRequestDto } from './dto/list-checkpoints.request.dto';

/**
 * Signed checkpoints (issue 4 §2). Reading them needs no login: they are published so that copies
 * can be held outside Docket (they reveal roots, counts and times, never a case's content).
 */
@ApiTags('checkpoints')
@Controller('checkpoints')
export class CheckpointsController {
  constructor(private readonly checkpoints: CheckpointsService) {}

  /** Makes a checkpoint now (administrators). */
  @ApiBearerAuth()
  @RequireRoles('admin')
  @Post()
  create() {
    return this.checkpoints.create();
  }

  /** Newest first, with the public keys that signed them. */
  @Public()
  @Get()
  list(@Query() q: ListCheckpointsRequestDto) {
    return this.checkpoints.list(q.limit, q.offset);
  }

  /** The public keys (base64 SPKI) that signed checkpoints. */
  @Public()
  @Get('keys')
  keys() {
    return this.checkpoints.keys();
  }

  @Public()
  @Get(':seq')
  get(@Param('seq', SeqParamPipe) seq: number) {
    return this.checkpoints.get(seq);
  }

  /** Proof that an older checkpoint you hold is part of this one's log. */
  @Public()
  @Get(':seq/consistency')
  consistency(@Param('seq', SeqParamPipe) seq: number, @Query() q: ConsistencyProofRequestDto) {
    return this.checkpoints.consistency(seq, q.from);
  }
}
