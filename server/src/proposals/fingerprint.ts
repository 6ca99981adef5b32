export { fingerprintOfState, stateFingerprint } from '@rungs/shared/yjs/fingerprint';
