import type { FormatId, LayoutId } from '../types.ts';

/** What a document must import to: counts, names, and sentences that must land in given cells. */
export interface Expectation {
  format: FormatId;
  layout: LayoutId;
  title?: string;
  track?: string;
  levels: Array<{ code: string; title: string }>;
  competencies: number;
  /** Group names in order of first appearance, with how many competencies each holds. */
  groups?: Record<string, number>;
  cells: number;
  attributes?: Record<string, string[]>;
  /** [level code or title, competency name, a sentence that must be in that cell]. */
  placed?: Array<[string, string, string]>;
  /** [level code or title, a sentence that must be in that level's summary]. */
  summaries?: Array<[string, string]>;
  warnings?: string[];
  /** Source fragments the ladder may leave out (table column headers only). */
  ignore?: string[];
  csv?: boolean;
  /** Excel: the sheet whose sentences must all be in the ladder (the one read). */
  sheet?: string;
}

export const SEED_EXPECTATIONS: Record<string, Expectation> = {
  '000_47b844894f1f6c06.txt': {
    format: 'markdown',
    layout: 'level-document',
    title: 'Staff Technical Program Manager',
    levels: [{ code: 'IC5', title: 'Staff Technical Program Manager' }],
    competencies: 15,
    groups: { Results: 3, Direction: 3, Talent: 3, Culture: 3, Craft: 3 },
    cells: 15,
    placed: [
      ['IC5', 'Impact', 'I identify and execute on opportunities that have area/group-wide impact'],
      ['IC5', 'Decision Making', "I'm able to reach the right decision despite conflicting perspectives"],
      ['IC5', 'Hiring', 'I gain the trust of candidates'],
      ['IC5', 'Process Design', 'I own and am accountable for multi-quarter objectives for my team or org'],
      ['IC5', 'Technical Acumen', 'I have a proven set of technical skills and development methodologies'],
    ],
    summaries: [
      [
        'IC5',
        'I execute on large programs with a multi-team technical strategy to a standard of quality well exceeding that of the current system',
      ],
      ['IC5', 'Scope'],
      ['IC5', 'Area of ownership and level of autonomy / ambiguity'],
      ['IC5', 'Collaborative Reach'],
      ['IC5', 'Impact Levers'],
      ['IC5', 'Mentorship - I serve as a role model for other Dropbox engineers'],
      ['IC5', 'I have achieved a broad mastery of my craft'],
    ],
    warnings: ['images_dropped', 'group_text'],
    ignore: ['Responsibility', 'Key Behaviors'],
  },
  '001_9680a8238ff2c6aa.txt': {
    format: 'markdown',
    layout: 'headings',
    title: 'Engineering Management Competencies V2',
    levels: [
      { code: 'EM-1', title: 'Engineering Manager' },
      { code: 'EM-2', title: 'Director' },
      { code: 'EM-3', title: 'VP' },
    ],
    competencies: 5,
    cells: 15,
    placed: [
      ['Engineering Manager', 'Management & Leadership', 'You set clear goals and expectations.'],
      [
        'Director',
        'Execution & Results',
        'You own the budget for your functional area and are responsible for expenses and hiring plans.',
      ],
      ['VP', 'Community & Citizenship', 'You exemplify a can-do attitude.'],
    ],
    summaries: [
      ['Engineering Manager', 'You are a frontline manager who is responsible for a functional area'],
      ['Director', 'owns a budget, and leads a larger, cross-functional team.'],
      ['VP', 'You are a manager who is responsible for an entire department'],
    ],
  },
  '002_588498a7156d0efe.txt': {
    format: 'markdown',
    layout: 'labelled-bullets',
    title: 'Technical Program Manager',
    levels: [
      { code: 'TPM3', title: '' },
      { code: 'TPM4', title: '' },
      { code: 'TPM5', title: '' },
      { code: 'TPM6', title: '' },
    ],
    competencies: 11,
    cells: 20,
    attributes: {
      TPM3: ['Level: 3', 'Seniority: Senior', 'Public Title: Senior Engineer', 'Position: TPM4'],
      TPM6: ['Level: 6', 'Seniority: Senior', 'Public Title: Principal Engineer', 'Position: TPM7'],
    },
    placed: [
      [
        'TPM3',
        'Adjusts',
        'adjusts the team processes, listening to feedback and guiding the team through the changes',
      ],
      ['TPM4', 'Defines', "defines the right processes for the team's maturity level"],
      ['TPM5', 'Owns', 'owns the production operation and monitoring of the system and is aware of its SLAs'],
      ['TPM6', 'Community', 'makes an impact on the tech community'],
    ],
    warnings: ['levels_disagree', 'images_dropped', 'not_a_level'],
  },
  '003_78859916b2763a9e.txt': {
    format: 'text-table',
    layout: 'dimension-blocks',
    title: 'VP of Engineering (People Manager Path)',
    levels: [
      { code: '', title: 'Director of Engineering' },
      { code: '', title: 'VP of Engineering' },
    ],
    competencies: 6,
    cells: 12,
    attributes: {
      'Director of Engineering': [
        'Years of xp (guideline): 15+',
        'Scope of action: 4-6 teams / 3-4 directs, 15-20 total',
      ],
      'VP of Engineering': ['Years of xp (guideline): 15+', 'Scope of action: Organization'],
    },
    placed: [
      ['Director of Engineering', 'Responsibilities', "Drives EMs' happiness, engagement, and growth."],
      ['VP of Engineering', 'Scope of knowledge (Breadth and Depth)', 'Organizational design'],
      ['VP of Engineering', 'Competencies focus', 'Stretegic thinking.'],
      [
        'Director of Engineering',
        'Checkpoints for reaching this level',
        'Has presented on software or management topics',
      ],
      ['VP of Engineering', 'Checkpoints for reaching this level', 'WIP'],
    ],
  },
  '004_5955d2d51ec912b9.txt': {
    format: 'tsv',
    layout: 'matrix-levels-as-rows',
    title: 'Engineering Managment',
    levels: [
      { code: '', title: 'Team Lead' },
      { code: '', title: 'Director of Engineering' },
      { code: '', title: 'VP of Engineering' },
    ],
    competencies: 4,
    cells: 12,
    placed: [
      ['Team Lead', 'Communication/Writing', 'Runs effective 1x1s with the team.'],
      [
        'Director of Engineering',
        'Product Output',
        'Works closely with Director of Product to make Teleport commercially successful.',
      ],
      ['VP of Engineering', 'People Development', 'Identifies and develops future VPs of Engineering.'],
    ],
    ignore: ['Level'],
  },
};

export const FIXTURE_EXPECTATIONS: Record<string, Expectation> = {
  'headings.md': {
    format: 'markdown',
    layout: 'headings',
    title: 'Data Engineering Ladder',
    levels: [
      { code: 'DE-1', title: 'Associate Data Engineer' },
      { code: 'DE-2', title: 'Data Engineer' },
      { code: 'DE-3', title: 'Staff Data Engineer' },
    ],
    competencies: 4,
    cells: 12,
    placed: [['Staff Data Engineer', 'Operations', 'You set the on-call standards for the data platform.']],
    summaries: [['DE-2', 'You own a set of pipelines end to end']],
  },
  'level-document.md': {
    format: 'markdown',
    layout: 'level-document',
    title: 'Senior Data Engineer',
    levels: [{ code: 'IC4', title: 'Senior Data Engineer' }],
    competencies: 6,
    groups: { Delivery: 2, Direction: 2, Craft: 2 },
    cells: 6,
    placed: [
      ['IC4', 'Code Quality', 'My code is easy to read and easy to delete'],
      ['IC4', 'Judgement', 'I pick the simplest design that meets the need.'],
    ],
    summaries: [
      ['IC4', 'I turn messy sources into trusted datasets that the whole company relies on'],
      ['IC4', 'Team Reach'],
      ['IC4', 'Reliability - I make pipelines boring to operate.'],
      ['IC4', 'My craft is data modelling and pipeline design.'],
    ],
    warnings: ['images_dropped', 'group_text'],
    ignore: ['Area', 'Key Behaviors'],
  },
  'labelled-bullets.md': {
    format: 'markdown',
    layout: 'labelled-bullets',
    title: 'Site Reliability Engineer',
    levels: [
      { code: 'SRE2', title: '' },
      { code: 'SRE3', title: '' },
      { code: 'SRE4', title: '' },
    ],
    competencies: 5,
    cells: 9,
    attributes: { SRE2: ['Level: 2', 'Seniority: Mid', 'Public Title: Engineer', 'Position: SRE3'] },
    placed: [['SRE4', 'Teaches', 'runs the game days that train every new on-call engineer']],
    warnings: ['levels_disagree', 'not_a_level'],
  },
  'pasted-table.txt': {
    format: 'text-table',
    layout: 'dimension-blocks',
    title: 'Head of Design (Design Manager Path)',
    levels: [
      { code: '', title: 'Design Manager' },
      { code: '', title: 'Head of Design' },
    ],
    competencies: 4,
    cells: 8,
    attributes: {
      'Design Manager': ['Years in the craft (guideline): 8+', 'Team size: 5-8 designers'],
      'Head of Design': ['Years in the craft (guideline): 12+', 'Team size: Whole design org'],
    },
    placed: [
      ['Head of Design', 'Areas of expertise', 'Brand partnership.'],
      ['Head of Design', 'Focus areas', 'Organisation design.'],
      ['Head of Design', 'Promotion checkpoints', 'TBD'],
    ],
  },
  'levels-as-rows.tsv': {
    format: 'tsv',
    layout: 'matrix-levels-as-rows',
    title: 'Customer Support Ladder',
    levels: [
      { code: '', title: 'Support Specialist' },
      { code: '', title: 'Senior Specialist' },
      { code: '', title: 'Support Lead' },
    ],
    competencies: 3,
    cells: 9,
    placed: [['Senior Specialist', 'Customer Communication', 'Turns a bad day into a good story.']],
    ignore: ['Level'],
  },
  'long-form.csv': {
    format: 'csv',
    layout: 'long-form',
    levels: [
      { code: 'P1', title: 'Associate Product Manager' },
      { code: 'P2', title: 'Product Manager' },
      { code: 'P3', title: 'Senior Product Manager' },
    ],
    competencies: 4,
    groups: { Discovery: 2, Delivery: 2 },
    cells: 11,
    placed: [['P3', 'Execution', 'Runs launches that involve marketing, sales and support.']],
    ignore: ['Level code', 'Level title', 'Group', 'Competency', 'Text'],
    csv: true,
  },
  'levels-as-columns.csv': {
    format: 'csv',
    layout: 'matrix-levels-as-columns',
    levels: [
      { code: '', title: 'Junior Engineer' },
      { code: '', title: 'Engineer' },
      { code: '', title: 'Senior Engineer' },
    ],
    competencies: 4,
    groups: { Technical: 2, People: 2 },
    cells: 11,
    attributes: { 'Senior Engineer': ['Years of experience: 5+'] },
    placed: [['Engineer', 'Mentoring', 'Helps new joiners set up and ship their first change.']],
    ignore: ['Pillar', 'Competency'],
    csv: true,
  },
  'matrix-columns.html': {
    format: 'html',
    layout: 'matrix-levels-as-columns',
    title: 'QA Engineering Levels',
    levels: [
      { code: 'QA1', title: 'Tester' },
      { code: 'QA2', title: 'Test Engineer' },
      { code: 'QA3', title: 'Senior Test Engineer' },
    ],
    competencies: 3,
    cells: 9,
    placed: [['QA2', 'Automation', 'Keeps flaky tests under control.']],
    warnings: ['images_dropped'],
    ignore: ['Competency'],
  },
  'matrix-rows.html': {
    format: 'html',
    layout: 'matrix-levels-as-rows',
    title: 'Security Engineering',
    levels: [
      { code: 'SEC1', title: 'Security Analyst' },
      { code: 'SEC2', title: 'Security Engineer' },
      { code: 'SEC3', title: 'Senior Security Engineer' },
    ],
    competencies: 2,
    cells: 6,
    attributes: { SEC1: ['Seniority: Junior'] },
    placed: [['SEC1', 'Incident Response', 'Keeps the incident log accurate.']],
    ignore: ['Level'],
  },
  'front-matter.md': {
    format: 'markdown',
    layout: 'headings',
    title: 'Frontend Engineering Ladder',
    track: 'IC',
    levels: [
      { code: 'F1', title: 'Frontend Engineer' },
      { code: 'F2', title: 'Senior Frontend Engineer' },
    ],
    competencies: 3,
    groups: { Craft: 2, Collaboration: 1 },
    cells: 6,
    placed: [['F2', 'Accessibility', 'You teach the team how to test with a keyboard only.']],
  },
  'competency-major.md': {
    format: 'markdown',
    layout: 'competency-headings',
    title: 'Mobile Engineering',
    levels: [
      { code: 'M1', title: 'Mobile Engineer' },
      { code: 'M2', title: 'Senior Mobile Engineer' },
    ],
    competencies: 2,
    cells: 4,
    placed: [['M2', 'Release quality', 'Owns the release train and its crash-rate targets.']],
  },
  'pipe-table.md': {
    format: 'markdown',
    layout: 'matrix-levels-as-columns',
    title: 'Analytics Ladder',
    levels: [
      { code: '', title: 'Analyst' },
      { code: '', title: 'Senior Analyst' },
      { code: '', title: 'Lead Analyst' },
    ],
    competencies: 3,
    cells: 9,
    placed: [['Senior Analyst', 'SQL', 'Optimises slow queries.']],
    ignore: ['Skill'],
  },
  'google-docs-bold.md': {
    format: 'markdown',
    layout: 'headings',
    title: 'Customer Success Career Ladder',
    levels: [
      { code: 'CS1', title: 'Customer Success Associate' },
      { code: 'CS2', title: 'Customer Success Manager' },
    ],
    competencies: 3,
    cells: 6,
    placed: [
      ['CS1', 'Customer focus', 'You log every escalation in the CRM.'],
      ['CS2', 'Product knowledge', 'You feed product gaps back to the product team.'],
      ['CS2', 'Communication', 'You present to customer executives with confidence.'],
    ],
    summaries: [['CS1', 'You look after a small book of accounts with guidance from your lead.']],
    warnings: ['bold_labels'],
  },
  'framework-topics.md': {
    format: 'markdown',
    layout: 'framework-topics',
    title: 'Backend Engineering Framework',
    levels: [
      { code: 'Level 1', title: '' },
      { code: 'Level 2', title: '' },
      { code: 'Level 3', title: '' },
    ],
    competencies: 2,
    cells: 5,
    placed: [
      ['Level 1', 'Technical skills', 'Writes tests for the code they change.'],
      ['Level 1', 'Technical skills', 'Examples Fixed a flaky test in the payments service.'],
      ['Level 3', 'Collaboration', 'Builds alignment across teams on technical direction.'],
    ],
    warnings: ['framework_topics'],
  },
  'word-headings.docx': {
    format: 'docx',
    layout: 'headings',
    title: 'Data Engineering Ladder',
    levels: [
      { code: 'DE1', title: 'Data Engineer' },
      { code: 'DE2', title: 'Senior Data Engineer' },
    ],
    competencies: 2,
    cells: 4,
    placed: [
      ['DE1', 'Pipelines', 'You add data quality checks to every job you own.'],
      ['DE2', 'Collaboration', 'You mentor engineers new to the platform.'],
    ],
    summaries: [['DE2', 'You design the data platform for a whole domain.']],
    warnings: ['images_dropped'],
  },
  'word-bold-labels.docx': {
    format: 'docx',
    layout: 'headings',
    title: 'Support Engineering Levels',
    levels: [
      { code: 'SE1', title: 'Support Engineer' },
      { code: 'SE2', title: 'Senior Support Engineer' },
    ],
    competencies: 2,
    cells: 4,
    placed: [
      ['SE1', 'Troubleshooting', 'You attach logs and steps to every escalation.'],
      ['SE2', 'Knowledge sharing', 'You run the weekly ticket review for the team.'],
    ],
    summaries: [['SE1', 'You resolve customer tickets for one product area.']],
    warnings: ['bold_labels'],
  },
  'word-table-columns.docx': {
    format: 'docx',
    layout: 'matrix-levels-as-columns',
    title: 'Design Career Framework',
    levels: [
      { code: '', title: 'Designer' },
      { code: '', title: 'Senior Designer' },
      { code: '', title: 'Lead Designer' },
    ],
    competencies: 2,
    cells: 6,
    placed: [['Lead Designer', 'Research', 'Trains others to run studies.']],
    ignore: ['Competency'],
  },
  'word-table-rows.docx': {
    format: 'docx',
    layout: 'matrix-levels-as-rows',
    title: 'Recruiting Ladder',
    levels: [
      { code: 'R1', title: 'Recruiter' },
      { code: 'R2', title: 'Senior Recruiter' },
    ],
    competencies: 2,
    cells: 4,
    placed: [['R2', 'Interviewing', 'Trains interviewers on fair questions.']],
    ignore: ['Level'],
  },
  'sheet-wide.xlsx': {
    format: 'xlsx',
    layout: 'matrix-levels-as-columns',
    title: 'Operations Ladder',
    levels: [
      { code: '', title: 'Ops Associate' },
      { code: '', title: 'Ops Specialist' },
      { code: '', title: 'Ops Lead' },
    ],
    competencies: 3,
    groups: { Delivery: 2, People: 1 },
    cells: 9,
    placed: [['Ops Specialist', 'Planning', 'Adjusts it when priorities change.']],
    warnings: ['sheets_ignored'],
    ignore: ['Group', 'Competency'],
    sheet: 'Ladder',
  },
  'sheet-long.xlsx': {
    format: 'xlsx',
    layout: 'long-form',
    title: 'sheet-long',
    levels: [
      { code: 'FIN1', title: 'Accountant' },
      { code: 'FIN2', title: 'Senior Accountant' },
    ],
    competencies: 2,
    cells: 4,
    placed: [['FIN2', 'Controls', 'Audits them twice a year.']],
    ignore: ['Level', 'Competency', 'Expectation'],
    sheet: 'Rows',
  },
  'ladder.json': {
    format: 'json',
    layout: 'json',
    title: 'Technical Writing',
    track: 'IC',
    levels: [
      { code: 'TW1', title: 'Technical Writer' },
      { code: 'TW2', title: 'Senior Technical Writer' },
    ],
    competencies: 2,
    groups: { Writing: 1, Structure: 1 },
    cells: 3,
    attributes: { TW2: ['Years of experience: 4+', 'Seniority: Senior'] },
    placed: [['TW2', 'Information architecture', 'Removes pages nobody reads.']],
  },
};
