import type { Capabilities } from '../../core/types.js';

/**
 * Slack shows buttons, checkboxes and menus, modals, edits messages (chat.update, response_url) and has
 * ephemeral messages; one Slack account is one member (no `/as`).
 */
export const SLACK_CAPABILITIES: Capabilities = {
  buttons: true,
  selects: true,
  forms: true,
  edits: true,
  privatePosts: true,
  actAs: false,
};
