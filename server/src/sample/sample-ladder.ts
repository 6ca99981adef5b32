import {
  docFromBullets,
  docFromParagraphs,
  LADDER_CONTENT_VERSION,
  cellKey,
  type LadderContent,
} from '@rungs/shared';

/** Our own sample: a small software engineering ladder so a newcomer has something to open. */
const levels = [
  ['E1', 'Software Engineer I', 'Learns the codebase and ships well-scoped tasks with guidance.', '0–2'],
  [
    'E2',
    'Software Engineer II',
    'Owns features end to end and needs help only with ambiguous problems.',
    '2–4',
  ],
  [
    'E3',
    'Senior Software Engineer',
    'Leads projects across a team and raises the bar for how the team builds.',
    '4–8',
  ],
  [
    'E4',
    'Staff Software Engineer',
    'Sets technical direction for several teams and solves problems nobody owns yet.',
    '8+',
  ],
] as const;

const competencies = [
  ['Craft', 'Code quality'],
  ['Craft', 'System design'],
  ['Delivery', 'Execution'],
  ['People', 'Collaboration'],
  ['People', 'Mentoring'],
] as const;

const expectations: Record<string, string[][]> = {
  'Code quality': [
    ['Writes readable code with tests for the happy path.', 'Responds to review feedback quickly.'],
    ['Writes code that others extend easily.', 'Adds tests for edge cases without being asked.'],
    ['Sets code standards for the team and explains the reasons behind them.'],
    ['Shapes standards across teams and retires patterns that slow everyone down.'],
  ],
  'System design': [
    ['Understands the design of the component they work in.'],
    ['Designs features within an existing system and documents the trade-offs.'],
    ['Designs systems that span services and anticipates how they will fail.'],
    ['Designs platforms several teams build on, with a migration path from what exists.'],
  ],
  Execution: [
    ['Breaks a task into steps and flags blockers early.'],
    ['Delivers features predictably and keeps stakeholders informed.'],
    ['Plans multi-month projects and adjusts scope to land them on time.'],
    ['Delivers outcomes that need several teams, and removes the obstacles between them.'],
  ],
  Collaboration: [
    ['Asks good questions and shares progress openly.'],
    ['Works well with product and design to refine requirements.'],
    ['Builds alignment across functions and resolves disagreements constructively.'],
    ['Is sought out by leaders across the organisation for technical judgement.'],
  ],
  Mentoring: [
    [],
    ['Helps new teammates get productive.'],
    ['Mentors engineers on the team and gives actionable feedback.'],
    ['Grows senior engineers into technical leaders.'],
  ],
};

export function sampleLadderContent(): LadderContent {
  const levelIds = levels.map((_, i) => `sample-level-${i + 1}`);
  const compIds = competencies.map((_, i) => `sample-comp-${i + 1}`);
  const cells: LadderContent['cells'] = {};
  competencies.forEach(([, name], c) => {
    expectations[name]!.forEach((items, l) => {
      if (items.length) cells[cellKey(levelIds[l]!, compIds[c]!)] = docFromBullets(items);
    });
  });
  return {
    schemaVersion: LADDER_CONTENT_VERSION,
    title: 'Software Engineering (sample)',
    track: 'Individual contributor',
    description: docFromParagraphs(
      'A sample ladder to explore Rungs: start a proposal to change a cell or add a level, ask a colleague to review it, then publish version 2.',
    ),
    levels: levels.map(([code, title, summary, years], i) => ({
      id: levelIds[i]!,
      code,
      title,
      summary: docFromParagraphs(summary),
      attributes: [{ key: 'Years of experience', value: years }],
    })),
    competencies: competencies.map(([group, name], i) => ({
      id: compIds[i]!,
      name,
      group,
      description: docFromParagraphs(''),
    })),
    cells,
  };
}
