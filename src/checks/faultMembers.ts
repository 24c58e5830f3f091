import type { Envelope, MemberDefinition } from '../model/catalog.js';
import { expectsFault, fail, pass, skip, type ProbeCheck, type ProbeContext } from './context.js';
import type { FaultView } from './faultView.js';

/** `detail` for `details` and back: the slip this rule exists to name. */
function nearMiss(found: string, documented: string[]): string | undefined {
  return documented.find(
    (d) => d !== found && (d === `${found}s` || `${d}s` === found || d.toLowerCase() === found.toLowerCase()),
  );
}

function typeProblem(member: MemberDefinition, value: unknown, ctx: ProbeContext): string | undefined {
  if (ctx.format === 'xml') {
    if (member.type === 'dateTime' && Number.isNaN(Date.parse(String(value))))
      return `'${member.name}' is not a date-time: ${JSON.stringify(value)}`;
    return undefined;
  }
  if (member.type === 'string' && typeof value !== 'string')
    return `'${member.name}' is ${JSON.stringify(value)}, not a string`;
  if (member.type === 'integer' && !Number.isInteger(value))
    return `'${member.name}' is ${JSON.stringify(value)}, not an integer`;
  if (member.type === 'dateTime' && (typeof value !== 'string' || Number.isNaN(Date.parse(value))))
    return `'${member.name}' is ${JSON.stringify(value)}, not a date-time string`;
  return undefined;
}

/** Documented members that are missing, in an attribute instead of a child element, or of another type. */
function documentedMemberProblems(
  ctx: ProbeContext,
  view: FaultView,
  documented: MemberDefinition[],
  extraMembers: MemberDefinition[],
): string[] {
  const problems: string[] = [];
  for (const member of documented) {
    const found = view.members.get(member.name);
    if (!found) {
      if (member.required) problems.push(`required member '${member.name}' is missing`);
      continue;
    }
    const extra = extraMembers.some((m) => m.name === member.name);
    if (ctx.format === 'xml' && !extra && found.as === 'attribute')
      problems.push(`'${member.name}' is an attribute; the contract has it as a child element`);
    const typeIssue = typeProblem(member, found.value, ctx);
    if (typeIssue) problems.push(typeIssue);
  }
  return problems;
}

/** Members the contract does not have: a near miss of a documented name, or any other unless the envelope is open. */
function undocumentedMemberProblems(view: FaultView, envelope: Envelope, names: string[]): string[] {
  const problems: string[] = [];
  for (const [name, found] of view.members) {
    if (
      name === envelope.codeMember ||
      names.includes(name) ||
      (envelope.kind === 'fixed-root' && name === envelope.typeMember)
    )
      continue;
    const meant = nearMiss(name, names);
    if (meant) problems.push(`found '${name}' where the contract has '${meant}'`);
    else if (!envelope.open && !(found.as === 'attribute' && name.includes(':')))
      problems.push(`'${name}' is not a documented member`);
  }
  return problems;
}

export const faultMembersCheck: ProbeCheck = {
  id: 'fault-members',
  title: 'The fault has the documented members (message, detail/details, ...) with their types, and no misnamed ones',
  readsBody: true,
  appliesTo: expectsFault,
  run(ctx) {
    const view = ctx.view;
    if (!view || view.innerNotObject) return skip('the body is not a readable fault');
    const envelope = ctx.envelope;
    const extraMembers = ctx.alternative ? [] : (ctx.subject?.extraMembers ?? []);
    const documented = [...envelope.members, ...extraMembers].filter((m) => m.name !== envelope.codeMember);
    const names = documented.map((m) => m.name);
    const problems = [
      ...documentedMemberProblems(ctx, view, documented, extraMembers),
      ...undocumentedMemberProblems(view, envelope, names),
    ];
    if (problems.length === 0) return pass();
    return fail(problems.join('; '), names.join(', '), [...view.members.keys()].join(', ') || '(none)');
  },
};
