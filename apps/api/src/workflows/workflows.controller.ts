import { describeDefinition, WorkflowRegistry } from '@app/engine';
import { WORKFLOW_REGISTRY, DocketError } from '@app/runtime';
import { Controller, Get, Inject, Param } from '@nestjs/common';
import { SeqParamPipe } from '../common/paging.request.dto';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

@ApiTags('workflows')
@ApiBearerAuth()
@Controller('workflows')
export class WorkflowsController {
  constructor(@Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry) {}

  @Get()
  list() {
    return this.registry.list().map((d) => ({ kind: d.kind, version: d.version, label: d.label }));
  }

  /** States with labels, events with roles and rules, and a Mermaid diagram generated from the machine. */
  @Get(':kind/:version')
  describe(@Param('kind') kind: string, @Param('version', SeqParamPipe) version: number) {
    try {
      return describeDefinition(this.registry.get(kind, version));
    } catch {
      throw new DocketError(404, 'UNKNOWN_WORKFLOW', `未知的流程：${kind} v${version}`, `Unknown workflow ${kind} v${version}`);
    }
  }
}
