export * from '@rungs/shared/api/review-status';
