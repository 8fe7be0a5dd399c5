import type { APIApplicationCommandOption } from 'discord.js';
import type { OptionInput } from './interactions.js';

// biome-ignore lint/suspicious/noExplicitAny: raw component JSON of any kind
type RawComponent = Record<string, any>;

export function findComponent(components: unknown[], customId: string): RawComponent | undefined {
  for (const c of components as RawComponent[]) {
    if (c.custom_id === customId) return c;
    const inner = [
      ...(Array.isArray(c.components) ? c.components : []),
      ...(c.accessory ? [c.accessory] : []),
      ...(c.component ? [c.component] : []),
    ];
    const found = findComponent(inner, customId);
    if (found) return found;
  }
  return undefined;
}

/** Discord only sends options the command declares, with the declared types and (if given) a declared choice. */
export function checkOptions(given: OptionInput[], schema: APIApplicationCommandOption[], where: string): void {
  for (const o of given) {
    const decl = schema.find((s) => s.name === o.name);
    if (!decl)
      throw new Error(
        `fake-discord: ${where} declares no option '${o.name}' (declared: ${schema.map((s) => s.name).join(', ') || 'none'})`,
      );
    if (decl.type !== o.type) throw new Error(`fake-discord: ${where} option '${o.name}' is type ${decl.type}, not ${o.type}`);
    const choices = 'choices' in decl ? decl.choices : undefined;
    if (choices?.length && !o.focused && !choices.some((c) => c.value === o.value)) {
      throw new Error(`fake-discord: ${where} option '${o.name}' has no choice ${String(o.value)}`);
    }
    if ('options' in decl && decl.options)
      checkOptions(o.options ?? [], decl.options as APIApplicationCommandOption[], `${where} ${o.name}`);
  }
  const required = schema.filter((s) => 'required' in s && s.required).map((s) => s.name);
  const missing = required.filter((name) => !given.some((o) => o.name === name));
  if (missing.length && !given.some((o) => o.focused))
    throw new Error(`fake-discord: ${where} is missing required option(s) ${missing.join(', ')}`);
}
