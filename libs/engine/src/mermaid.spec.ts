import { createMachine } from 'xstate';
import { describeDefinition, toGraph, toMermaid } from './mermaid';
import { leaveRequest } from './testing/leave-request.fixture';
import type { WorkflowDefinition } from './types';

const def = leaveRequest(1);

describe('toMermaid', () => {
  const diagram = toMermaid(def);

  it('is a stateDiagram-v2 with every state labelled in zh, nested states in blocks, initial and final markers', () => {
    expect(diagram.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(diagram).toContain('state "草稿 draft" as draft');
    expect(diagram).toContain('state "审批中 review" as review');
    expect(diagram).toContain('state review {');
    expect(diagram).toContain('state "待审批 pending" as review__pending');
    expect(diagram).toContain('state "逾期待审批 escalated" as review__escalated');
    expect(diagram).toContain('[*] --> draft');
    expect(diagram).toContain('[*] --> review__pending');
    expect(diagram).toContain('approved --> [*]');
    expect(diagram).toContain('rejected --> [*]');
  });

  it('draws every transition with its event, in the innermost block holding both ends', () => {
    expect(diagram).toContain('  draft --> review : SUBMIT');
    expect(diagram).toContain('  draft --> draft : AMEND');
    expect(diagram).toContain('  review__pending --> approved : APPROVE');
    expect(diagram).toContain('  review --> rejected : REJECT');
    expect(diagram).toContain('  review --> draft : WITHDRAW');
    expect(diagram).toContain('    review__pending --> review__escalated : after escalationDelay');
    for (const path of Object.keys(def.states)) expect(diagram).toContain(`as ${path.replace('.', '__')}\n`);
    for (const type of Object.keys(def.events)) expect(diagram).toContain(`: ${type}\n`);
  });

  it('renders parallel regions, machine-level and eventless transitions, and skips history nodes', () => {
    const machine = createMachine({
      id: 'p',
      initial: 'work',
      on: { CANCEL: '.cancelled' },
      states: {
        work: {
          type: 'parallel',
          states: {
            docs: { initial: 'drafting', states: { drafting: { on: { DONE: 'ready' } }, ready: { type: 'final' } } },
            experts: { initial: 'asking', states: { asking: { on: { ANSWER: 'heard' } }, heard: { type: 'final' } } },
            hist: { type: 'history' },
          },
          onDone: 'decided',
        },
        decided: { always: 'closed' },
        closed: { type: 'final' },
        cancelled: { type: 'final' },
      },
    });
    const label = (zh: string) => ({ label: { zh, en: zh }, stage: 's' });
    const parallel: WorkflowDefinition = {
      ...def,
      machine,
      states: {
        work: label('办理"中"'),
        'work.docs': label('材料'),
        'work.docs.drafting': label('起草'),
        'work.docs.ready': label('就绪'),
        'work.experts': label('专家'),
        'work.experts.asking': label('征询'),
        'work.experts.heard': label('已论证'),
        decided: label('已决定'),
        closed: label('办结'),
        cancelled: label('撤销'),
      },
    };
    const out = toMermaid(parallel);
    expect(out).toContain('state "办理#quot;中#quot; work" as work');
    expect(out).toMatch(/state work__docs \{[\s\S]*\n {4}--\n[\s\S]*state work__experts \{/);
    expect(out).toContain('work__docs__drafting --> work__docs__ready : DONE');
    expect(out).toContain('decided --> closed : always');
    expect(out).toContain('work --> cancelled : CANCEL');
    expect(out).toContain('decided --> cancelled : CANCEL');
    expect(out).toContain('work --> decided : done');
    expect(out).not.toContain('hist');
  });
});

describe('describeDefinition', () => {
  it('describes stages, states, events with rules, creation and the diagram as plain JSON', () => {
    const d = describeDefinition(def);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
    expect(d).toMatchObject({ kind: 'leave-request', version: 1, label: { zh: '请假申请' } });
    expect(d.stages.map((s) => s.id)).toEqual(['application', 'review', 'closed']);
    expect(d.states).toEqual([
      { path: 'draft', label: { zh: '草稿', en: 'Draft' }, stage: 'application', final: false },
      { path: 'review', label: { zh: '审批中', en: 'Under review' }, stage: 'review', final: false },
      { path: 'review.pending', label: { zh: '待审批', en: 'Pending' }, stage: 'review', final: false },
      { path: 'review.escalated', label: { zh: '逾期待审批', en: 'Escalated' }, stage: 'review', final: false },
      { path: 'approved', label: { zh: '已批准', en: 'Approved' }, stage: 'closed', final: true },
      { path: 'rejected', label: { zh: '已驳回', en: 'Rejected' }, stage: 'closed', final: true },
    ]);
    expect(d.events.map((e) => e.type)).toEqual(['SUBMIT', 'AMEND', 'APPROVE', 'REJECT', 'COMMENT', 'WITHDRAW']);
    expect(d.events[2].rules[0]).toEqual({
      name: 'withinQuota',
      code: 'LEAVE.OVER_QUOTA',
      article: 'Leave Rules Art. 7',
      zh: '请假天数超过10天，需先修改',
      en: 'More than 10 days of leave: amend the request first',
      precondition: true,
    });
    expect(d.events[2].rules[2]).toMatchObject({ name: 'escalationNote', appliesIn: ['review.escalated'] });
    expect(d.create).toMatchObject({ type: 'CREATE', roles: ['department-head'], rules: [{ name: 'daysPositive' }, { name: 'reasonGiven' }] });
    expect(d.mermaid).toBe(toMermaid(def));
  });
});

describe('toGraph', () => {
  const graph = toGraph(def);

  it('lists every state node with its parent, type and initial flag', () => {
    const node = (id: string) => graph.nodes.find((n) => n.id === id);
    expect(node('draft')).toEqual({ id: 'draft', label: { zh: '草稿', en: expect.any(String) }, parent: null, type: 'atomic', initial: true });
    expect(node('review')).toMatchObject({ parent: null, type: 'compound', initial: false });
    expect(node('review.pending')).toMatchObject({ parent: 'review', type: 'atomic', initial: true });
    expect(node('review.escalated')).toMatchObject({ parent: 'review', initial: false });
    expect(node('approved')).toMatchObject({ type: 'final' });
  });

  it('holds the arrows of the Mermaid diagram as from, to, event, each once', () => {
    expect(graph.edges).toEqual(
      expect.arrayContaining([
        { from: 'draft', to: 'review', event: 'SUBMIT' },
        { from: 'draft', to: 'draft', event: 'AMEND' },
        { from: 'review.pending', to: 'approved', event: 'APPROVE' },
        { from: 'review', to: 'draft', event: 'WITHDRAW' },
        { from: 'review.pending', to: 'review.escalated', event: 'after escalationDelay' },
      ]),
    );
    const arrows = toMermaid(def).split('\n').filter((l) => l.includes(' --> ') && !l.includes('[*]'));
    expect(graph.edges).toHaveLength(new Set(arrows.map((l) => l.trim())).size);
    expect(describeDefinition(def).graph).toEqual(graph);
  });
});
