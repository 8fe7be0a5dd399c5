import { type ActionKind, decodeAction, decodeForm } from '../actions/action-codec.js';
import type { BotDeps } from '../bot-deps.js';
import { parseCommandText } from '../command-parser.js';
import { eventTooLong } from '../input-limits.js';
import { CHANNEL_MODES } from '../instances/mode-policies.js';
import type { InstanceIdentity, QuestionInstance } from '../instances/question-instance.js';
import type { InboundEvent } from '../types.js';

/**
 * Reads an answer is sure to make, started by Bot.handle in the same tick as its first round trip
 * (the member's language, the delivery check), so both travel in one pipelined write: an answer
 * then waits for two round trips before its reply, not three. Only reads: for a duplicate delivery
 * they are simply dropped, and they see the same data they would see a moment later.
 */
export interface EarlyReads {
  /** The open instances a typed `/answer` may go to. */
  answerTargets?: Promise<InstanceIdentity[]>;
  /** The instance a choice button, select or answer form acts on. */
  instance?: { id: string; read: Promise<QuestionInstance | undefined> };
}

const ANSWERING_ACTIONS: ReadonlySet<ActionKind> = new Set(['ans', 'own', 'pick', 'ownpick']);

export function startEarlyReads(deps: BotDeps, event: InboundEvent): EarlyReads | undefined {
  if (eventTooLong(event)) return undefined;
  switch (event.kind) {
    case 'text': {
      let name: string;
      try {
        name = parseCommandText(event.text).name;
      } catch {
        return undefined; // the usage message needs nothing from Redis
      }
      return name === 'answer' ? typedAnswer(deps, event) : undefined;
    }
    case 'command':
      return event.command.name === 'answer' ? typedAnswer(deps, event) : undefined;
    case 'action': {
      const ref = decodeAction(event.actionId);
      return ref && ANSWERING_ACTIONS.has(ref.kind) ? instance(deps, event, ref.target) : undefined;
    }
    case 'form': {
      const ref = decodeForm(event.formId);
      return ref?.kind === 'answer' ? instance(deps, event, ref.target) : undefined;
    }
  }
}

/** The instance `id`, from the event's early read when it made one, otherwise read now. */
export function readInstance(deps: BotDeps, early: EarlyReads | undefined, event: InboundEvent, id: string) {
  return early?.instance?.id === id ? early.instance.read : deps.instances.get(event.channel, id);
}

function typedAnswer(deps: BotDeps, event: InboundEvent): EarlyReads {
  return { answerTargets: quiet(deps.instances.answerTargets(event.channel, event.user.userId, CHANNEL_MODES)) };
}

function instance(deps: BotDeps, event: InboundEvent, id: string): EarlyReads {
  return { instance: { id, read: quiet(deps.instances.get(event.channel, id)) } };
}

/** A read nobody ends up awaiting (a duplicate delivery, an early refusal) must not fail the process. */
function quiet<T>(read: Promise<T>): Promise<T> {
  read.catch(() => undefined);
  return read;
}
