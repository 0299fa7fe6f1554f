import { describeDefinition, WorkflowRegistry } from '@app/engine';
import { WORKFLOW_REGISTRY, DocketError, payloadSchemaOf } from '@app/runtime';
import { Controller, Get, Inject, Param } from '@nestjs/common';
import { SeqParamPipe } from '../common/paging.request.dto';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiDoc } from '../common/api-doc';
import { WorkflowDescriptionResponseDto, WorkflowSummaryResponseDto } from './dto/workflow.response.dto';

@ApiTags('workflows')
@ApiBearerAuth()
@Controller('workflows')
export class WorkflowsController {
  constructor(@Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry) {}

  @ApiDoc({ zh: '列出流程', en: 'List workflows', ok: [WorkflowSummaryResponseDto] })
  @Get()
  list() {
    return this.registry.list().map((d) => ({ kind: d.kind, version: d.version, label: d.label }));
  }

  /**
   * States with labels, events with roles and rules, and a Mermaid diagram generated from the
   * machine (and the same graph as nodes and edges); per event (and for the creation), `payloadSchema`: the JSON Schema of its payload,
   * generated from the payload class the API validates with.
   */
  @ApiDoc({ zh: '流程说明（状态、事项、规则、提交内容的 JSON Schema）', en: 'Describe a workflow (states, events, rules, payload JSON Schemas)', ok: WorkflowDescriptionResponseDto, errors: [404] })
  @Get(':kind/:version')
  describe(@Param('kind') kind: string, @Param('version', SeqParamPipe) version: number) {
    let def;
    try {
      def = this.registry.get(kind, version);
    } catch {
      throw new DocketError(404, 'UNKNOWN_WORKFLOW', `未知的流程：${kind} v${version}`, `Unknown workflow ${kind} v${version}`);
    }
    const description = describeDefinition(def);
    const withSchema = <E extends { type: string; label: { zh: string; en: string } }>(e: E, meta: { payload?: new () => object } | undefined) => ({
      ...e,
      payloadSchema: payloadSchemaOf(meta?.payload, e.label),
    });
    return {
      ...description,
      events: description.events.map((e) => withSchema(e, def.events[e.type])),
      create: withSchema(description.create, def.create),
    };
  }
}
