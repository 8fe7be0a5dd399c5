import type { UseCaseContext } from '../bot-deps.js';
import { isLocale } from '../i18n/catalog.js';
import { t } from '../i18n/messages.js';
import type { CommandInvocation } from '../types.js';

/** `/lang <zh|en>`: overrides the platform's locale for this user in this workspace. */
export async function setLanguage(ctx: UseCaseContext, command: CommandInvocation): Promise<void> {
  const locale = command.args.locale;
  if (!isLocale(locale)) return; // the parser already rejected anything but zh/en
  await ctx.deps.users.setLocale(ctx.event.channel, ctx.event.user.userId, locale);
  await ctx.reply({ visibility: 'private', tone: 'info', text: t(locale, 'lang-set'), locale });
}
