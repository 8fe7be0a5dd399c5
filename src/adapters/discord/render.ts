import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  type MessageActionRowComponentBuilder,
  ModalBuilder,
  StringSelectMenuBuilder,
  StringSelectMenuOptionBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { clip } from '../../core/actions/clip.js';
import type { ActionStyle, FormSpec, MessageAction, OutboundMessage } from '../../core/types.js';
import { DISCORD_LIMITS as L } from './discord-limits.js';

const TONE_COLOURS: Record<NonNullable<OutboundMessage['tone']>, number> = {
  question: 0x5865f2,
  correct: 0x57f287,
  partial: 0xfee75c,
  wrong: 0xed4245,
  info: 0x99aab5,
  error: 0xed4245,
};

const BUTTON_STYLES: Record<ActionStyle, ButtonStyle> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
};

/** What discord.js sends for a message: embeds and component rows, as API JSON. */
export interface DiscordMessagePayload {
  embeds: ReturnType<EmbedBuilder['toJSON']>[];
  components: ReturnType<ActionRowBuilder<MessageActionRowComponentBuilder>['toJSON']>[];
}

/**
 * A core message as embeds and components. discord.js's builders validate every length and count
 * as they are set, so anything longer is clipped here first; a long text is split over several
 * embeds (paragraph by paragraph) within the 6,000-character total.
 */
export function renderMessage(message: OutboundMessage): DiscordMessagePayload {
  const colour = TONE_COLOURS[message.tone ?? 'info'];
  const title = message.title ? clip(message.title, L.embedTitle) : undefined;
  const footer = message.footer ? clip(message.footer, L.footer) : undefined;
  const fields = (message.fields ?? []).slice(0, L.embedFields).map((f) => ({
    name: clip(f.label || '\u200b', L.fieldName),
    value: clip(f.value || '\u200b', L.fieldValue),
  }));
  const fixed = (title?.length ?? 0) + (footer?.length ?? 0) + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  const parts = splitText(message.text, L.embedDescription, L.embedTotal - fixed, L.embedsPerMessage);
  const embeds = (parts.length > 0 ? parts : ['']).map((part, i, all) => {
    const embed = new EmbedBuilder().setColor(colour);
    if (i === 0 && title) embed.setTitle(title);
    if (part) embed.setDescription(part);
    if (i === all.length - 1) {
      if (fields.length > 0) embed.addFields(fields);
      if (footer) embed.setFooter({ text: footer });
    }
    return embed.toJSON();
  });
  return { embeds, components: renderActions(message.actions ?? []).map((row) => row.toJSON()) };
}

/** Buttons fill rows of five in order; a select menu takes a row of its own; at most five rows. */
export function renderActions(actions: readonly MessageAction[]): ActionRowBuilder<MessageActionRowComponentBuilder>[] {
  const rows: ActionRowBuilder<MessageActionRowComponentBuilder>[] = [];
  let buttons: ButtonBuilder[] = [];
  const flush = () => {
    if (buttons.length > 0) rows.push(new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(buttons));
    buttons = [];
  };
  for (const action of actions) {
    if (action.type === 'select') {
      flush();
      const options = action.options
        .slice(0, L.selectOptions)
        .map((o) => new StringSelectMenuOptionBuilder().setLabel(clip(o.label, L.selectOptionLabel)).setValue(o.value));
      const menu = new StringSelectMenuBuilder()
        .setCustomId(action.id)
        .setPlaceholder(clip(action.placeholder, L.selectPlaceholder))
        .setMinValues(Math.min(action.minValues, options.length))
        .setMaxValues(Math.min(action.maxValues, options.length))
        .addOptions(options);
      rows.push(new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(menu));
      continue;
    }
    const button = new ButtonBuilder()
      .setCustomId(action.id)
      .setLabel(clip(action.label, L.buttonLabel))
      .setStyle(BUTTON_STYLES[action.style ?? 'secondary'])
      .setDisabled(action.type === 'button' && action.disabled === true);
    buttons.push(button);
    if (buttons.length === L.buttonsPerRow) flush();
  }
  flush();
  return rows.slice(0, L.rows);
}

/** A core form as a Discord modal: one text input per row, at most five. */
export function renderModal(form: FormSpec): ModalBuilder {
  const modal = new ModalBuilder().setCustomId(form.id).setTitle(clip(form.title, L.modalTitle));
  for (const input of form.inputs.slice(0, L.modalInputs)) {
    const field = new TextInputBuilder()
      .setCustomId(input.id)
      .setLabel(clip(input.label, L.textInputLabel))
      .setStyle(input.style === 'paragraph' ? TextInputStyle.Paragraph : TextInputStyle.Short)
      .setRequired(input.required)
      .setMaxLength(Math.min(input.maxLength, L.textInputMax));
    if (input.placeholder) field.setPlaceholder(clip(input.placeholder, L.textInputPlaceholder));
    modal.addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(field));
  }
  return modal;
}

/**
 * Splits text into at most `maxParts` pieces of at most `partMax` characters and `total` together,
 * at paragraph, then line, then word boundaries; what does not fit is clipped with an ellipsis.
 */
export function splitText(text: string, partMax: number, total: number, maxParts: number): string[] {
  let budget = Math.max(0, total);
  const parts: string[] = [];
  let rest = text.trim();
  while (rest && parts.length < maxParts && budget > 0) {
    const limit = Math.min(partMax, budget);
    if (rest.length <= limit) {
      parts.push(rest);
      budget -= rest.length;
      rest = '';
      break;
    }
    const last = parts.length === maxParts - 1 || budget <= partMax;
    if (last) {
      parts.push(clip(rest, limit));
      rest = '';
      break;
    }
    const window = rest.slice(0, limit);
    const cut = Math.max(window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), window.lastIndexOf(' '));
    const at = cut > limit / 2 ? cut : limit;
    const piece = rest.slice(0, at).trimEnd();
    parts.push(piece);
    budget -= piece.length;
    rest = rest.slice(at).trimStart();
  }
  return parts;
}
