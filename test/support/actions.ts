import { decodeAction } from '../../src/core/actions/action-codec.js';
import type { MessageAction, OutboundMessage } from '../../src/core/types.js';

/** The instance a question card's actions answer (read back through the codec, as an adapter would). */
export function instanceIdOf(message: OutboundMessage | undefined): string {
  const id = message?.actions?.[0]?.id;
  const ref = id ? decodeAction(id) : undefined;
  if (!ref) throw new Error(`no action on ${message?.title ?? 'an empty message'}`);
  return ref.target;
}

/** The action with this label (a button) or of this type. */
export function actionOf(message: OutboundMessage | undefined, match: string | MessageAction['type']): MessageAction {
  const action = message?.actions?.find((a) => ('label' in a && a.label === match) || a.type === match);
  if (!action) throw new Error(`no action "${match}" on ${message?.title ?? 'an empty message'}`);
  return action;
}
