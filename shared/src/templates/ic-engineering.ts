import { defineTemplate } from './define-template.ts';

/** Individual contributors in software engineering, from first job to principal. */
export const icEngineeringTemplate = defineTemplate({
  id: 'ic-engineering',
  name: 'Software engineering (IC)',
  description:
    'Six individual-contributor levels from Software Engineer I to Principal, across craft, delivery and people.',
  title: 'Software Engineering',
  track: 'Individual contributor',
  ladderDescription: [
    'What we expect of software engineers at each level. Each level includes the expectations of the levels below it; a promotion follows sustained work at the next level, not a single project.',
    'Read a cell as behaviour someone else could observe and point to, not as a checklist to complete.',
  ],
  levels: [
    {
      code: 'SE1',
      title: 'Software Engineer I',
      summary:
        'Learns the codebase, the tools and how the team works. Delivers small, well-defined tasks with guidance and asks for help early.',
      attributes: { 'Typical experience': '0–2 years', Scope: 'Tasks within one feature' },
    },
    {
      code: 'SE2',
      title: 'Software Engineer II',
      summary:
        'Owns features from design to production with little guidance. Reliable on well-understood problems and asks for direction only when a problem is genuinely ambiguous.',
      attributes: { 'Typical experience': '2–4 years', Scope: 'Features within one team' },
    },
    {
      code: 'SE3',
      title: 'Senior Software Engineer',
      summary:
        'Leads projects of several engineers across a quarter, turns ambiguous problems into plans, and raises the quality bar of the whole team.',
      attributes: { 'Typical experience': '5+ years', Scope: 'A team’s projects and systems' },
    },
    {
      code: 'SE4',
      title: 'Staff Engineer',
      summary:
        'Sets the technical direction of a group of teams, solves problems that no single team owns, and is accountable for the long-term health of the systems in their area.',
      attributes: { 'Typical experience': '8+ years', Scope: 'Several teams (a group)' },
    },
    {
      code: 'SE5',
      title: 'Senior Staff Engineer',
      summary:
        'Shapes architecture and engineering practice across an organisation, and takes on the multi-year technical bets that decide whether the organisation meets its goals.',
      attributes: { 'Typical experience': '11+ years', Scope: 'An organisation of several groups' },
    },
    {
      code: 'SE6',
      title: 'Principal Engineer',
      summary:
        'Is accountable for the technical strategy of the company in their domain, advises the executive team, and is recognised outside the company for their judgement.',
      attributes: { 'Typical experience': '15+ years', Scope: 'The whole company and the industry' },
    },
  ],
  competencies: [
    {
      group: 'Craft',
      name: 'Code quality and testing',
      description: 'Writing code that is correct, readable and safe to change, and proving it with tests.',
      expectations: [
        [
          'Writes small, readable changes that follow the team’s conventions and pass review after one or two rounds.',
          'Adds unit tests for the behaviour they change and runs the full suite before asking for review.',
          'Acts on review comments the same day and asks when the reason for one is unclear.',
        ],
        [
          'Structures code so that a teammate can extend it without rewriting it; names and module boundaries explain the design.',
          'Tests edge cases and failure paths without being asked, and fixes flaky tests instead of retrying them.',
          'Reviews teammates’ changes within a day and catches correctness and security problems, not only style.',
        ],
        [
          'Leaves every area they touch easier to change than they found it, and schedules the refactoring that needs more than one change.',
          'Chooses the right level of testing for a system (unit, integration, end to end) and closes the gaps that let bugs reach production.',
          'Writes reviews that teach: they explain the principle behind a comment and separate must-fix from preference.',
        ],
        [
          'Defines the code and testing standards of a group of teams, writes them down with their reasons, and makes linters and CI enforce them.',
          'Finds the classes of defect that recur across teams and removes their cause through libraries, types or tooling.',
          'Is the reviewer teams ask for on their riskiest changes, and is thorough without becoming the bottleneck.',
        ],
        [
          'Sets engineering practices (review, testing, static analysis, dependency policy) that an organisation adopts because they measurably reduce defects.',
          'Retires patterns and frameworks that slow many teams down, with a migration path that teams can follow on their own.',
          'Measures code health across the organisation and makes the case for investment with data.',
        ],
        [
          'Defines what good engineering means at the company, and the quality of its codebase is recognisably better for it years later.',
          'Makes decisions on languages, platforms and build systems that hold for many years and hundreds of engineers.',
          'Publishes or speaks about the company’s engineering practices in ways that attract strong engineers.',
        ],
      ],
    },
    {
      group: 'Craft',
      name: 'System design',
      description:
        'Designing systems that meet today’s needs, fail gracefully, and can grow into tomorrow’s.',
      expectations: [
        [
          'Can explain how the component they work in fits into the wider system and what calls it.',
          'Follows the existing design of the component, and asks before introducing a new dependency or pattern.',
        ],
        [
          'Designs features within an existing system, writes a short design note for anything that takes more than a week, and lists the alternatives considered.',
          'Considers data model, API shape, performance and failure handling before writing code.',
          'Identifies when a feature needs a design review and brings it to one.',
        ],
        [
          'Designs systems that span several services or data stores, and anticipates how they fail under load, partial outage and bad input.',
          'Writes design documents that others can critique: the problem, the constraints, the options with their costs, and a recommendation.',
          'Makes trade-offs between speed of delivery and long-term cost explicit, and gets agreement on them.',
        ],
        [
          'Owns the architecture of a group’s systems: a current picture, a target, and the sequence of steps between them.',
          'Designs the interfaces between teams’ systems so that teams can change their own parts independently.',
          'Runs design reviews for the group and raises the quality of the designs brought to them.',
        ],
        [
          'Designs platforms that several groups build on, and plans how existing systems move onto them without a big-bang rewrite.',
          'Anticipates where the organisation’s architecture will break as the business grows (scale, regulation, new markets) and acts years ahead.',
          'Resolves architectural disagreements between groups with a decision people accept, and records why.',
        ],
        [
          'Sets the company’s architectural principles and the few big technical bets it makes, and is accountable for their outcome.',
          'Evaluates build-versus-buy and platform choices at company scale, including cost, hiring and vendor risk.',
          'Recognises when a past architectural decision no longer serves the company, and leads the change.',
        ],
      ],
    },
    {
      group: 'Craft',
      name: 'Operations and reliability',
      description: 'Running what we build: observability, incidents, security and cost.',
      expectations: [
        [
          'Knows how their changes are deployed and how to roll one back.',
          'Checks the dashboards and logs after a deploy and reports anything unexpected.',
          'Joins incident calls as an observer to learn, and follows the runbook when asked to help.',
        ],
        [
          'Adds logs, metrics and alerts to every feature they ship, so that a failure is noticed before a customer reports it.',
          'Takes part in the on-call rotation and resolves common incidents using runbooks, updating the runbook where it was wrong.',
          'Handles personal data and secrets according to our security guidelines without reminders.',
        ],
        [
          'Leads incident response for the team’s systems: coordinates, communicates status and writes the blameless review.',
          'Defines service level objectives for the team’s services and plans work when the error budget runs out.',
          'Finds and fixes the causes of recurring pages, so that on-call gets quieter over time.',
        ],
        [
          'Owns the reliability of a group’s systems: their SLOs, capacity plans and disaster recovery, tested at least once a year.',
          'Leads the response to incidents that span several teams and makes sure the follow-up actions are done, not only filed.',
          'Makes security and cost part of design reviews in the group, with numbers rather than opinions.',
        ],
        [
          'Shapes how the organisation operates software: incident process, on-call health, release safety and observability standards.',
          'Identifies systemic risks (single points of failure, unowned systems, expiring dependencies) across groups and gets them funded.',
          'Is the senior technical voice in the organisation’s most severe incidents.',
        ],
        [
          'Sets the company’s reliability, security and cost posture with the executive team, and makes the trade-offs between them explicit.',
          'Leads the technical side of the company’s response to a major outage or security breach, including communication with customers and regulators.',
        ],
      ],
    },
    {
      group: 'Delivery',
      name: 'Execution and ownership',
      description: 'Turning problems into shipped outcomes, predictably, and owning them after they ship.',
      expectations: [
        [
          'Breaks an assigned task into steps, estimates it, and says when the estimate turns out wrong.',
          'Raises a blocker within a day instead of waiting for the next stand-up.',
          'Finishes what they start: code merged, tested in production and the ticket closed.',
        ],
        [
          'Delivers features of a few weeks predictably and keeps their stakeholders informed without being chased.',
          'Cuts scope deliberately to ship something useful early, and proposes the cut rather than waiting for it.',
          'Owns their features after launch: watches adoption and errors, and fixes what they find.',
        ],
        [
          'Plans and leads projects of several engineers over a quarter: milestones, risks, and a plan B for the riskiest one.',
          'Turns an ambiguous goal from product into a concrete plan the team believes in.',
          'Notices when a project is going off track and changes the plan before the deadline, not after.',
        ],
        [
          'Delivers outcomes that need several teams, sequencing the work so that no team waits on another for long.',
          'Finds the problems in their area that nobody owns and either solves them or makes sure someone does.',
          'Says no to work that does not serve the group’s goals, and explains why in terms leaders accept.',
        ],
        [
          'Leads the organisation’s largest technical initiatives to completion across many months and changes of plan.',
          'Shapes the organisation’s roadmap so that technical work and product work support each other.',
          'Stops initiatives that no longer make sense, including their own.',
        ],
        [
          'Is accountable for the company’s most important multi-year technical programmes and their business results.',
          'Helps the executive team decide what the company should build, buy or stop, with a clear view of the technical cost.',
        ],
      ],
    },
    {
      group: 'People',
      name: 'Communication and collaboration',
      description: 'Working well with engineers, product, design and the rest of the company.',
      expectations: [
        [
          'Shares progress and problems openly in the team’s channels and stand-ups.',
          'Asks questions that show they have tried first: what they expected, what happened, what they have ruled out.',
          'Writes pull request descriptions that tell a reviewer what changed and why.',
        ],
        [
          'Works with product and design to refine requirements before building, and points out gaps early.',
          'Explains technical decisions to non-engineers without jargon.',
          'Disagrees openly in design discussions and commits once a decision is made.',
        ],
        [
          'Builds alignment between engineering, product and design on the team’s projects, and resolves disagreements without escalating by default.',
          'Writes documents that people outside the team read and act on.',
          'Represents the team in discussions with other teams and brings back what the team needs to know.',
        ],
        [
          'Builds trust with leaders in engineering and product across the group; they seek out their view before deciding.',
          'Resolves conflicts between teams about ownership, priorities or design, and leaves both sides willing to work together again.',
          'Communicates complex technical trade-offs to directors in a page or less.',
        ],
        [
          'Is sought out by leaders across the organisation for technical judgement on decisions outside their own area.',
          'Aligns several groups with competing priorities behind one technical direction.',
          'Changes minds through writing and evidence rather than through seniority.',
        ],
        [
          'Is a trusted technical advisor to the executive team and the board on questions with large business consequences.',
          'Represents the company’s engineering externally: with key customers, partners and at industry events.',
        ],
      ],
    },
    {
      group: 'People',
      name: 'Mentoring and talent',
      description: 'Helping others grow, and helping the company hire and keep strong engineers.',
      expectations: [
        [
          'Takes feedback well and shows it in their next piece of work.',
          'Shares what they learn, for example by improving the onboarding guide they followed.',
        ],
        [
          'Helps new teammates become productive: pairs with them and answers their questions patiently.',
          'Gives specific, kind feedback in code review and in retrospectives.',
          'Takes part in interviews and writes clear, evidence-based feedback.',
        ],
        [
          'Mentors one or two engineers on the team and can point to how they have grown.',
          'Delegates work that stretches others instead of taking the interesting parts for themselves.',
          'Helps design the team’s interview loop and calibrates other interviewers.',
        ],
        [
          'Grows senior engineers in the group into technical leads, and is a mentor people ask for by name.',
          'Creates opportunities for others to lead: gives away projects they could lead themselves and supports the new lead.',
          'Helps managers assess engineers for promotion with concrete evidence.',
        ],
        [
          'Grows staff engineers across the organisation and builds a community of senior engineers that shares practice.',
          'Shapes how the organisation hires and levels engineers, including the bar for senior hires.',
          'Helps close offers with senior candidates who would not have joined otherwise.',
        ],
        [
          'Develops the company’s most senior technical leaders, including their successors.',
          'Makes the company a place strong engineers want to join and stay, and is part of why they do.',
        ],
      ],
    },
  ],
});
