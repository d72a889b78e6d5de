import type { ConclusionInput, MinutesView } from './api.ts';

// The conclusions form's state (R13): conclusions and their task proposals being written, kept apart by local
// keys until they are saved; checked (R1: each task led by a unit or a member) and turned into the request body.

/** Drafts have no ids yet: a local key keeps React's rows (and their inputs) apart. */
let draftKeys = 0;
const nextKey = () => `draft-${++draftKeys}`;

export interface TaskDraft {
  key: string;
  title: string;
  leadKind: 'unit' | 'member';
  leadUnitId: string | null;
  leadMembershipId: string | null;
  cooperatingUnitIds: string[];
  deadline: string | null;
}
export interface ConclusionDraft {
  key: string;
  text: string;
  domain: string | null;
  tasks: TaskDraft[];
}

export const emptyTask = (): TaskDraft => ({
  key: nextKey(),
  title: '',
  leadKind: 'unit',
  leadUnitId: null,
  leadMembershipId: null,
  cooperatingUnitIds: [],
  deadline: null,
});

export const emptyConclusion = (): ConclusionDraft => ({ key: nextKey(), text: '', domain: null, tasks: [] });

/** The saved conclusions as drafts to edit. */
export function draftsOf(minutes: MinutesView): ConclusionDraft[] {
  return minutes.conclusions.map((c) => ({
    key: nextKey(),
    text: c.text,
    domain: c.domain,
    tasks: c.tasks.map((task) => ({
      key: nextKey(),
      title: task.title,
      leadKind: task.leadMembershipId ? 'member' : 'unit',
      leadUnitId: task.leadUnitId ?? null,
      leadMembershipId: task.leadMembershipId ?? null,
      cooperatingUnitIds: task.cooperatingUnitIds ?? [],
      deadline: task.deadline ?? null,
    })),
  }));
}

/**
 * What is missing, by field (`0.text`, `0.tasks.1.title`, `0.tasks.1.lead`): `required` for an empty text or
 * title, `leadRequired` for a task with no lead.
 */
export function checkDrafts(items: ConclusionDraft[]): Record<string, 'required' | 'leadRequired'> {
  const errors: Record<string, 'required' | 'leadRequired'> = {};
  items.forEach((c, i) => {
    if (!c.text.trim()) errors[`${i}.text`] = 'required';
    c.tasks.forEach((task, k) => {
      if (!task.title.trim()) errors[`${i}.tasks.${k}.title`] = 'required';
      const lead = task.leadKind === 'unit' ? task.leadUnitId : task.leadMembershipId;
      if (!lead) errors[`${i}.tasks.${k}.lead`] = 'leadRequired';
    });
  });
  return errors;
}

/** The request body: texts trimmed, each task led by the kind of lead chosen only. */
export function conclusionsBody(items: ConclusionDraft[]): ConclusionInput[] {
  return items.map((c) => ({
    text: c.text.trim(),
    domain: c.domain,
    tasks: c.tasks.map((task) => ({
      title: task.title.trim(),
      leadUnitId: task.leadKind === 'unit' ? task.leadUnitId : null,
      leadMembershipId: task.leadKind === 'member' ? task.leadMembershipId : null,
      cooperatingUnitIds: task.cooperatingUnitIds,
      deadline: task.deadline,
    })),
  }));
}
