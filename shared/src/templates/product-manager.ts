import { defineTemplate } from './define-template.ts';

/** Product managers, from associate to director of product. */
export const productManagerTemplate = defineTemplate({
  id: 'product-manager',
  name: 'Product manager',
  description:
    'Five product-management levels from Associate PM to Director of Product: discovery, delivery and leadership.',
  title: 'Product Management',
  track: 'Product',
  ladderDescription: [
    'What we expect of product managers at each level. Product managers are judged by the outcomes their products achieve for customers and for the business, not by the number of features shipped.',
    'Each level includes the expectations of the levels below it.',
  ],
  levels: [
    {
      code: 'PM1',
      title: 'Associate Product Manager',
      summary:
        'Owns well-defined features within a team’s roadmap, with the guidance of a more senior product manager. Learns the customers, the product and the way we work.',
      attributes: { 'Typical experience': '0–2 years', Scope: 'Features' },
    },
    {
      code: 'PM2',
      title: 'Product Manager',
      summary:
        'Owns a product area and its roadmap for one team, and makes most product decisions in it without guidance.',
      attributes: { 'Typical experience': '2–5 years', Scope: 'One team’s product area' },
    },
    {
      code: 'PM3',
      title: 'Senior Product Manager',
      summary:
        'Owns an ambiguous product area with significant business impact, sets its strategy, and is a reference for other product managers.',
      attributes: { 'Typical experience': '5–8 years', Scope: 'A product area, one or two teams' },
    },
    {
      code: 'PM4',
      title: 'Group Product Manager',
      summary:
        'Leads the strategy of a product line across several teams, and manages or mentors other product managers.',
      attributes: { 'Typical experience': '8+ years', Scope: 'A product line, several teams' },
    },
    {
      code: 'PM5',
      title: 'Director of Product',
      summary:
        'Is accountable for the results of a major part of the product, leads a team of product managers, and shapes the company strategy with the other leaders.',
      attributes: { 'Typical experience': '10+ years', Scope: 'A major part of the product' },
    },
  ],
  competencies: [
    {
      group: 'Discovery',
      name: 'Customer insight',
      description: 'Knowing customers and their problems better than anyone, from evidence.',
      expectations: [
        [
          'Takes part in customer interviews and usability tests every month and shares a written summary with the team.',
          'Reads support tickets and feedback for their features and turns recurring problems into backlog items.',
        ],
        [
          'Runs their own discovery: interviews, prototypes and tests, planned around the riskiest assumption.',
          'Can describe the main customer segments of their area, their jobs to be done and what they pay for.',
          'Brings engineers and designers into discovery so that the whole team hears customers first-hand.',
        ],
        [
          'Finds problems customers have not asked about by combining qualitative research, usage data and the market.',
          'Keeps a body of evidence for their area that others use to make decisions.',
          'Knows the competition’s products well enough to say where we win and lose, with examples.',
        ],
        [
          'Sets the research agenda for a product line with design and research, so that the biggest decisions rest on evidence.',
          'Builds relationships with key customers and uses them to test the direction of the product line.',
        ],
        [
          'Makes customer evidence the basis of decisions across their part of the company, including at executive level.',
          'Identifies new customer segments or markets worth entering, and the evidence that would justify it.',
        ],
      ],
    },
    {
      group: 'Discovery',
      name: 'Product strategy',
      description: 'Deciding what to build and, more often, what not to build, and why.',
      expectations: [
        [
          'Can explain how their features support the team’s goals and the product’s strategy.',
          'Writes problem statements that say who has the problem, how we know, and what success looks like.',
        ],
        [
          'Owns the roadmap of their area: a prioritised set of problems with the reasons for the order.',
          'Says no to requests that do not serve the area’s goals, and explains the decision to the requester.',
          'Sets measurable quarterly goals for the area with engineering and design.',
        ],
        [
          'Writes a strategy for their area for the next year: where to play, how to win, and what we will not do.',
          'Makes large bets with incomplete information, states the assumptions, and checks them early.',
          'Connects the area’s strategy to the business model: revenue, retention and cost to serve.',
        ],
        [
          'Sets the strategy of a product line and makes the strategies of its teams consistent with it.',
          'Makes trade-offs between teams’ roadmaps so that the product line, not each team, wins.',
          'Identifies opportunities that need new teams or investment and makes the case for them.',
        ],
        [
          'Shapes the company’s product strategy and portfolio with the executive team, including what to stop.',
          'Sets a multi-year vision for their part of the product that attracts people and guides decisions.',
          'Makes the case for investments to the executive team and the board with a clear view of the return.',
        ],
      ],
    },
    {
      group: 'Delivery',
      name: 'Execution and prioritisation',
      description: 'Getting the right things built and launched, with the team, on time.',
      expectations: [
        [
          'Writes clear user stories with acceptance criteria that engineers can build without guessing.',
          'Keeps the team’s backlog ordered and answers the team’s questions the same day.',
          'Checks every feature before it ships and signs it off against the acceptance criteria.',
        ],
        [
          'Plans releases with the team, cuts scope to hit the goal rather than the date alone, and communicates the trade-off.',
          'Runs launches: readiness of support, sales and documentation, and a rollback plan.',
          'Keeps a backlog that reflects current priorities, with nothing older than a quarter left unexamined.',
        ],
        [
          'Delivers initiatives that need several teams or functions, managing the dependencies and risks.',
          'Keeps quality, technical debt and customer commitments in the balance when prioritising, not only new features.',
          'Recovers projects that go off track by changing scope, sequence or approach early.',
        ],
        [
          'Runs the planning of a product line so that commitments are realistic and dependencies are known upfront.',
          'Sets how the product line’s teams work (discovery, delivery, launches) and improves it over time.',
        ],
        [
          'Is accountable for delivering the product plan of their part of the company and for telling the executives early when it will slip.',
          'Allocates people and budget between product lines according to the strategy, and revisits the allocation every quarter.',
        ],
      ],
    },
    {
      group: 'Delivery',
      name: 'Data and outcomes',
      description: 'Measuring what products achieve and deciding with data.',
      expectations: [
        [
          'Defines success metrics for each feature before it is built and reports them after launch.',
          'Answers simple product questions with the analytics tools without help.',
        ],
        [
          'Owns the key metrics of their area, knows their current values and the reasons they move.',
          'Designs and reads A/B tests correctly, including sample size and guardrail metrics.',
          'Stops or changes features that do not reach their goals, rather than moving on.',
        ],
        [
          'Builds the metric tree of their area, from business outcomes down to the measures teams move week to week.',
          'Combines quantitative and qualitative evidence into recommendations that hold up to scrutiny.',
          'Spots misleading data (survivorship, novelty effects, bad instrumentation) and explains it to others.',
        ],
        [
          'Owns the business outcomes of a product line (revenue, retention, engagement) and the forecast for them.',
          'Sets the measurement standards of the product line with the data team.',
        ],
        [
          'Is accountable for the business results of their part of the product, and presents them to the executives and the board.',
          'Builds a culture where product decisions across their organisation are made and reviewed against outcomes.',
        ],
      ],
    },
    {
      group: 'Leadership',
      name: 'Communication and alignment',
      description: 'Getting people to understand, agree and act.',
      expectations: [
        [
          'Writes clear specifications and updates that the team reads and acts on.',
          'Presents their features in demos and reviews, and answers questions about them.',
        ],
        [
          'Keeps stakeholders across the company informed about the area’s plans and results with regular written updates.',
          'Runs meetings that end with decisions and owners.',
          'Handles disagreement with stakeholders directly and respectfully, and escalates only with a recommendation.',
        ],
        [
          'Aligns engineering, design, sales, marketing and support behind the area’s strategy.',
          'Writes strategy and decision documents that people outside product read and quote.',
          'Communicates bad news early and with a plan.',
        ],
        [
          'Aligns leaders of several functions behind the product line’s strategy, including those who disagree with it.',
          'Represents the product line to the executive team clearly and concisely.',
        ],
        [
          'Communicates the product vision and strategy to the whole company, customers and the market.',
          'Resolves conflicts between departments about product direction at executive level.',
          'Represents the company’s product externally: key customers, analysts and conferences.',
        ],
      ],
    },
    {
      group: 'Leadership',
      name: 'Influence and people development',
      description: 'Leading without authority, and growing other product managers.',
      expectations: [
        [
          'Earns the trust of their team by doing what they say and giving credit to others.',
          'Asks for feedback and acts on it visibly.',
        ],
        [
          'Is seen by their engineers and designers as a partner, not a ticket writer.',
          'Helps onboard new product managers and shares their practices.',
        ],
        [
          'Mentors other product managers and can point to how they have grown.',
          'Influences decisions outside their area through evidence and relationships rather than authority.',
          'Interviews product candidates and helps raise the hiring bar.',
        ],
        [
          'Manages or mentors several product managers and grows them into senior roles.',
          'Hires product managers who raise the level of the team.',
          'Gives other product managers room to lead, and supports them when they fail.',
        ],
        [
          'Builds and leads a team of product managers and group product managers, with succession for every key role.',
          'Defines the product craft of the company: career ladders, hiring process and practices.',
          'Is a leader people across the company seek out for advice.',
        ],
      ],
    },
  ],
});
