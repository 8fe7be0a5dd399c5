import type { UseCaseContext } from '../bot-deps.js';
import { COMMANDS, findCommand, usageOf } from '../commands.js';
import { gradingRulesText } from '../grading/index.js';
import { t } from '../i18n/messages.js';
import type { CommandInvocation } from '../types.js';

/** `/help [command]`: the command table in the user's language, plus the grading rules. */
export async function showHelp(ctx: UseCaseContext, command: CommandInvocation): Promise<void> {
  const { locale } = ctx;
  const visible = COMMANDS.filter((c) => !c.requires || ctx.capabilities[c.requires]);
  const name = command.args.command?.replace(/^\//, '').toLowerCase();
  if (name) {
    const spec = findCommand(name);
    if (!spec || !visible.includes(spec)) {
      await ctx.reply({ visibility: 'private', tone: 'error', text: t(locale, 'help-unknown', { command: name }) });
      return;
    }
    const lines = [spec.description[locale]];
    if (spec.subcommands) {
      for (const sub of spec.subcommands) lines.push(`\`${usageOf(spec, sub)}\`: ${sub.description[locale]}`);
    } else {
      lines.push(t(locale, 'help-usage', { usage: usageOf(spec) }));
      for (const o of spec.options ?? []) lines.push(`  ${o.name}: ${o.description[locale]}`);
    }
    if (spec.helpNote) lines.push('', spec.helpNote(locale));
    await ctx.reply({ visibility: 'private', tone: 'info', title: `/${spec.name}`, text: lines.join('\n') });
    return;
  }
  const lines = visible.map((c) => `\`${usageOf(c)}\` ${c.description[locale]}${c.adminOnly ? ` ${t(locale, 'help-admin')}` : ''}`);
  await ctx.reply({
    visibility: 'private',
    tone: 'info',
    title: t(locale, 'help-title'),
    text: [...lines, '', gradingRulesText(locale)].join('\n'),
    footer: t(locale, 'help-footer'),
  });
}
