// Moved to test/support/kubectl.ts (shared with the integration tests); this keeps older imports working.
export * from '../../support/kubectl.ts';
