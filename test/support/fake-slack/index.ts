export * from './defaults.js';
export * from './fake-slack-api.js';
export type { ApiArgs, ApiResult, FakeChannel, FakeUser, StoredMessage, WorkspaceOptions } from './fake-workspace.js';
export { FakeWorkspace } from './fake-workspace.js';
export * from './payloads.js';
export * from './signed-requests.js';
