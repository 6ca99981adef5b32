export { ProposalCloseCode } from '@rungs/shared/api/close-codes';
