import type { Capabilities } from '../../core/types.js';

/** Discord shows buttons, select menus and modals, edits messages, and has ephemeral replies and DMs. */
export const DISCORD_CAPABILITIES: Capabilities = {
  buttons: true,
  selects: true,
  forms: true,
  edits: true,
  privatePosts: true,
  actAs: false,
};
