import { defineTemplate } from './define-template.ts';

/** Managers of engineering teams, from a first team to the head of engineering. */
export const engineeringManagerTemplate = defineTemplate({
  id: 'engineering-manager',
  name: 'Engineering manager',
  description:
    'Five management levels from Engineering Manager to VP of Engineering: people, delivery, strategy and partnership.',
  title: 'Engineering Management',
  track: 'Engineering manager',
  ladderDescription: [
    'What we expect of people who manage engineering teams. A manager is measured by what their teams achieve and how the people in them grow, not by their own technical output.',
    'Each level includes the expectations of the levels below it.',
  ],
  levels: [
    {
      code: 'EM1',
      title: 'Engineering Manager',
      summary:
        'Manages one team of four to eight engineers: hires for it, grows the people in it, and makes sure it delivers what it committed to.',
      attributes: {
        'Typical experience': '1+ year managing',
        Scope: 'One team',
        'Typical reports': '4–8 engineers',
      },
    },
    {
      code: 'EM2',
      title: 'Senior Engineering Manager',
      summary:
        'Manages two or three teams, or one large team with a lead, and runs them so well that they need little from the manager above.',
      attributes: {
        'Typical experience': '3+ years managing',
        Scope: 'Two or three teams',
        'Typical reports': '8–20 engineers, possibly one manager',
      },
    },
    {
      code: 'EM3',
      title: 'Director of Engineering',
      summary:
        'Leads a group of teams through managers, owns the group’s strategy and results, and builds a management team that could run without them for a month.',
      attributes: {
        'Typical experience': '6+ years managing',
        Scope: 'A group of teams',
        'Typical reports': '3–6 managers',
      },
    },
    {
      code: 'EM4',
      title: 'Senior Director of Engineering',
      summary:
        'Leads an organisation of several groups, shapes the company’s product and technical direction with its peers, and develops directors.',
      attributes: {
        'Typical experience': '9+ years managing',
        Scope: 'An organisation of several groups',
        'Typical reports': 'Directors and senior managers',
      },
    },
    {
      code: 'EM5',
      title: 'VP of Engineering',
      summary:
        'Is accountable for engineering at the company: its results, its budget, its culture and its leaders, as a member of the executive team.',
      attributes: {
        'Typical experience': '12+ years managing',
        Scope: 'All of engineering',
        'Typical reports': 'Senior directors and directors',
      },
    },
  ],
  competencies: [
    {
      group: 'People',
      name: 'Hiring and team building',
      description:
        'Building teams with the right people, the right shape and a culture people want to be part of.',
      expectations: [
        [
          'Writes job descriptions and interview plans for their team’s open roles and fills them within the agreed time.',
          'Runs a structured interview loop with defined signals, and makes hiring decisions on evidence rather than gut feeling.',
          'Onboards new engineers with a written plan, so that they ship a change in their first two weeks.',
        ],
        [
          'Plans the shape of their teams a year ahead (skills, seniority, leads) and hires to that plan.',
          'Grows a team lead or first-time manager among their engineers.',
          'Improves the interview process for their area and trains interviewers, with attention to bias.',
        ],
        [
          'Builds and keeps a management team for the group, and hires managers who are better than them at something that matters.',
          'Designs team boundaries so that each team owns an outcome and can ship without constant coordination.',
          'Keeps regretted attrition below the company’s target and acts on the causes when it rises.',
        ],
        [
          'Designs the organisation’s structure for the next two years and changes it when the strategy changes, with a clear story for everyone affected.',
          'Hires directors and senior engineers who change the trajectory of the organisation.',
          'Makes the organisation’s culture (how decisions are made, how people disagree) explicit and holds leaders to it.',
        ],
        [
          'Builds the engineering leadership team of the company and plans succession for every role in it.',
          'Owns engineering’s headcount plan and employer brand, and makes the company a place strong engineers choose over others.',
          'Sets the engineering values and defends them when they are inconvenient.',
        ],
      ],
    },
    {
      group: 'People',
      name: 'Coaching and performance',
      description: 'Helping every person grow, and dealing with performance that falls short.',
      expectations: [
        [
          'Holds regular one-to-ones that each report says are useful, and keeps a written record of goals and feedback.',
          'Gives specific feedback, positive and critical, within a week of what prompted it.',
          'Spots performance problems early, agrees a concrete plan with the person, and involves HR when the plan is not working.',
        ],
        [
          'Has a growth plan with every report that connects their work to the next level of the ladder.',
          'Writes promotion and performance reviews with concrete evidence that calibration accepts without rework.',
          'Coaches a team lead or new manager through their first difficult conversations.',
        ],
        [
          'Coaches managers to coach: reviews their one-to-ones, feedback and reviews, and raises their quality.',
          'Runs calibration for the group so that ratings and promotions are consistent between teams.',
          'Handles the hardest performance cases in the group promptly and fairly, including exits.',
        ],
        [
          'Develops directors and makes sure every senior leader has a growth plan and a likely successor.',
          'Improves how the organisation does performance reviews and promotions, using data on consistency and fairness.',
          'Is someone leaders across the company ask for advice on difficult people situations.',
        ],
        [
          'Sets how engineering grows and evaluates people: the ladders, the review cycle and the promotion process.',
          'Coaches the company’s senior engineering leaders and holds them accountable for the growth of their organisations.',
        ],
      ],
    },
    {
      group: 'Delivery',
      name: 'Execution and operations',
      description: 'Making sure teams ship what matters, predictably, and run it well.',
      expectations: [
        [
          'Runs a planning and delivery rhythm for the team that it finds useful, and changes it when it stops helping.',
          'Knows the status and risks of every commitment of the team, and tells stakeholders before a date slips.',
          'Keeps on-call sustainable for the team and makes sure incidents get blameless reviews with follow-up done.',
        ],
        [
          'Gets their teams to deliver quarterly commitments predictably, and explains the misses with what will change.',
          'Balances product work, technical debt and operational work across teams with an explicit allocation.',
          'Removes the cross-team blockers their teams cannot remove themselves.',
        ],
        [
          'Owns the group’s delivery and operational health with a small set of measures (lead time, incidents, SLOs) that they review monthly.',
          'Runs the group’s quarterly planning so that teams’ plans add up to the group’s goals.',
          'Leads the response to the group’s major incidents and makes sure the organisation learns from them.',
        ],
        [
          'Runs programmes that span several groups or functions, and lands them through reorganisations and changing priorities.',
          'Sets the operational standards (release, incident, security review) of the organisation and checks they are followed.',
          'Makes capacity trade-offs between groups with the product leadership, and explains them to the teams.',
        ],
        [
          'Is accountable for engineering delivering the company plan, and tells the executive team early what it will cost to change it.',
          'Owns the engineering budget, including cloud and vendor costs, and keeps it within plan.',
          'Builds the company’s practice for major incidents, security and compliance with the other executives.',
        ],
      ],
    },
    {
      group: 'Direction',
      name: 'Strategy and planning',
      description: 'Deciding where teams should go and why, and turning that into plans.',
      expectations: [
        [
          'Explains to the team how its work connects to the company’s goals, and can say what it will not do this quarter.',
          'Writes the team’s quarterly plan with product, with goals that can be measured.',
        ],
        [
          'Writes a yearly direction for their area that combines product goals and technical investment, and gets it agreed.',
          'Spots opportunities and risks for their area before they are pointed out, and proposes what to do about them.',
          'Keeps the plan honest: stops work that no longer serves the goals.',
        ],
        [
          'Sets the group’s strategy for the next one to two years with its product and design peers, and the teams can explain it.',
          'Makes the case for major investments (a platform, a rewrite, a new team) with cost, benefit and risk.',
          'Adjusts the strategy when the evidence changes and explains the change to the group.',
        ],
        [
          'Shapes the company’s product and technical strategy with the executive team, not only the organisation’s.',
          'Plans the organisation’s investments across a multi-year horizon, including what it will stop doing.',
          'Anticipates changes in the market, technology or regulation that will affect the organisation and prepares for them.',
        ],
        [
          'Co-owns the company strategy as an executive and makes engineering a reason the company wins.',
          'Presents engineering’s plan, progress and risks to the board in terms they act on.',
        ],
      ],
    },
    {
      group: 'Direction',
      name: 'Technical judgement',
      description:
        'Understanding the technology well enough to make and question decisions, without making them all.',
      expectations: [
        [
          'Understands the team’s systems well enough to follow design discussions and spot risks.',
          'Makes sure important technical decisions are written down and reviewed, without being the one who makes them all.',
          'Protects time for the team to pay down the technical debt that slows it most.',
        ],
        [
          'Judges technical proposals by their business impact and asks the questions that expose weak assumptions.',
          'Makes sure their area has clear technical ownership and a strong senior engineer for each major system.',
        ],
        [
          'Partners with staff engineers on the group’s architecture and supports their decisions in the organisation.',
          'Recognises when a technical problem is really an organisational one, and fixes the organisation.',
          'Keeps the group’s technical debt visible and funded at a level the group can sustain.',
        ],
        [
          'Sets the organisation’s technical priorities with its most senior engineers, and arbitrates when they disagree.',
          'Makes or approves the organisation’s largest technical bets and is accountable for them.',
        ],
        [
          'Ensures the company has the technical leadership (principal engineers, architecture forums) it needs, and listens to it.',
          'Decides build-versus-buy, platform and vendor questions at company level, with their cost and risk.',
        ],
      ],
    },
    {
      group: 'Partnership',
      name: 'Cross-functional partnership',
      description: 'Working with product, design, data and the rest of the business as one team.',
      expectations: [
        [
          'Has a working relationship with the team’s product manager and designer built on shared goals, and resolves disagreements with them directly.',
          'Represents the team’s constraints honestly when priorities are set.',
          'Keeps stakeholders outside engineering informed about what the team is doing and why.',
        ],
        [
          'Is a trusted partner to product and design leads for their area; together they present one plan.',
          'Negotiates priorities and dependencies with other managers and leaves both sides committed.',
        ],
        [
          'Forms a leadership team with the group’s product and design leaders that makes decisions together.',
          'Builds relationships with sales, support and operations so that their needs reach the roadmap early.',
          'Manages up well: their manager is never surprised by bad news from their group.',
        ],
        [
          'Is a peer to the company’s functional leaders and resolves tensions between functions before they reach the executives.',
          'Represents engineering with key customers and partners when it matters.',
        ],
        [
          'Works as one executive team with the other leaders of the company, and puts the company’s interest before engineering’s.',
          'Represents engineering to the board, investors and the industry.',
        ],
      ],
    },
  ],
});
