import { type ChatInputCommandInteraction, type MessageComponentInteraction, MessageFlags, type ModalSubmitInteraction } from 'discord.js';
import type { AckPlan, FormSpec, MessageRef, OutboundMessage, Responder } from '../../core/types.js';
import { DISCORD_CAPABILITIES } from './discord-capabilities.js';
import { renderMessage, renderModal } from './render.js';
import { channelOf } from './to-inbound-event.js';

export type RepliableInteraction = ChatInputCommandInteraction | MessageComponentInteraction | ModalSubmitInteraction;

const flagsFor = (message: OutboundMessage) => (message.visibility === 'private' ? MessageFlags.Ephemeral : undefined);

/**
 * Answers one interaction after it was acknowledged as the ack plan said. The first reply fills the
 * deferred response when its visibility matches (Discord fixed it when deferring); anything else
 * is a follow-up. `finish` removes a deferred response nobody filled, so no "thinking..." hangs.
 */
export class DiscordResponder implements Responder {
  readonly capabilities = DISCORD_CAPABILITIES;
  private deferredFilled = false;

  constructor(
    private readonly interaction: RepliableInteraction,
    private readonly plan: AckPlan,
  ) {}

  /** Acknowledges within Discord's 3 seconds, before the core runs. */
  async acknowledge(): Promise<void> {
    const i = this.interaction;
    if (this.plan.kind === 'reply') {
      await i.deferReply(this.plan.visibility === 'private' ? { flags: MessageFlags.Ephemeral } : {});
    } else if (this.plan.kind === 'update' && !i.isChatInputCommand()) {
      await i.deferUpdate();
    }
    // A form is shown as the first response itself (showModal), so it is not deferred.
  }

  async reply(message: OutboundMessage): Promise<MessageRef | undefined> {
    const i = this.interaction;
    const payload = renderMessage(message);
    if (!i.deferred && !i.replied) {
      // A form plan whose form never opened (the core said why instead).
      const response = await i.reply({ ...payload, flags: flagsFor(message), withResponse: true });
      return this.ref(response.resource?.message?.id, message);
    }
    if (this.plan.kind === 'reply' && !this.deferredFilled && this.plan.visibility === message.visibility) {
      this.deferredFilled = true;
      return this.ref((await i.editReply(payload)).id, message);
    }
    return this.followUp(message);
  }

  async update(message: OutboundMessage): Promise<MessageRef | undefined> {
    if (this.plan.kind !== 'update') return this.reply(message);
    const sent = await this.interaction.editReply(renderMessage(message));
    return this.ref(sent.id, message);
  }

  async followUp(message: OutboundMessage): Promise<MessageRef | undefined> {
    const sent = await this.interaction.followUp({ ...renderMessage(message), flags: flagsFor(message) });
    return this.ref(sent.id, message);
  }

  async openForm(form: FormSpec): Promise<void> {
    const i = this.interaction;
    if (i.isModalSubmit() || i.deferred || i.replied) throw new Error('a form can only be the first response to an interaction');
    await i.showModal(renderModal(form));
  }

  /** After the core is done: a deferred reply that nothing filled is removed. */
  async finish(): Promise<void> {
    if (this.plan.kind === 'reply' && this.interaction.deferred && !this.deferredFilled) await this.interaction.deleteReply();
  }

  private ref(id: string | undefined, message: OutboundMessage): MessageRef | undefined {
    return id ? { channel: channelOf(this.interaction), messageId: id, visibility: message.visibility } : undefined;
  }
}
