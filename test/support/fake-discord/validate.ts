import type { DiscordError } from './payloads.js';

/**
 * The limits Discord enforces on what a bot sends, answered with the same 50035 "Invalid Form Body"
 * shape, so a bot that overflows a limit fails here as it would in production. A subset: the limits
 * a chat bot plausibly hits (lengths, counts, required fields, duplicate custom ids).
 */
type Path = Array<string | number>;
interface FieldError {
  path: Path;
  code: string;
  message: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

class Checker {
  readonly errors: FieldError[] = [];

  fail(path: Path, code: string, message: string): void {
    this.errors.push({ path, code, message });
  }

  length(path: Path, value: unknown, min: number, max: number, required = false): void {
    if (value === undefined || value === null) {
      if (required) this.fail(path, 'BASE_TYPE_REQUIRED', 'This field is required');
      return;
    }
    // Discord counts UTF-16 code units like JavaScript does.
    const len = typeof value === 'string' || Array.isArray(value) ? value.length : String(value).length;
    if (len > max) this.fail(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
    else if (len < min) this.fail(path, 'BASE_TYPE_MIN_LENGTH', `Must be ${min} or more in length.`);
  }

  result(): DiscordError | null {
    if (this.errors.length === 0) return null;
    const tree: Obj = {};
    for (const e of this.errors) {
      let node = tree;
      for (const key of e.path) {
        const k = String(key);
        if (!isObj(node[k])) node[k] = {};
        node = node[k] as Obj;
      }
      const list = (node._errors as unknown[] | undefined) ?? [];
      list.push({ code: e.code, message: e.message });
      node._errors = list;
    }
    return { code: 50035, message: 'Invalid Form Body', errors: tree };
  }
}

const IS_COMPONENTS_V2 = 1 << 15;

function checkComponent(c: Checker, path: Path, comp: unknown, customIds: Set<string>): void {
  if (!isObj(comp)) {
    c.fail(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return;
  }
  const customId = str(comp.custom_id);
  if (customId !== undefined) {
    c.length([...path, 'custom_id'], customId, 1, 100);
    if (customIds.has(customId))
      c.fail([...path, 'custom_id'], 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
    customIds.add(customId);
  }
  switch (comp.type) {
    case 1: {
      const children = Array.isArray(comp.components) ? comp.components : [];
      c.length([...path, 'components'], children, 1, 5, true);
      children.forEach((child, i) => {
        checkComponent(c, [...path, 'components', i], child, customIds);
      });
      return;
    }
    case 2: {
      c.length([...path, 'label'], comp.label, 0, 80);
      // Link (5) and premium (6) buttons carry no custom_id; every other style needs one.
      if (comp.style === 5) c.length([...path, 'url'], comp.url, 1, 512, true);
      else if (comp.style !== 6 && customId === undefined) c.fail([...path, 'custom_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
      return;
    }
    case 3: {
      c.length([...path, 'custom_id'], customId, 1, 100, true);
      c.length([...path, 'placeholder'], comp.placeholder, 0, 150);
      const options = Array.isArray(comp.options) ? comp.options : [];
      c.length([...path, 'options'], options, 1, 25, true);
      options.forEach((o, i) => {
        const p = [...path, 'options', i];
        if (!isObj(o)) return;
        c.length([...p, 'label'], o.label, 1, 100, true);
        c.length([...p, 'value'], o.value, 1, 100, true);
        c.length([...p, 'description'], o.description, 0, 100);
      });
      return;
    }
    case 4: {
      c.length([...path, 'custom_id'], customId, 1, 100, true);
      c.length([...path, 'label'], comp.label, 1, 45);
      c.length([...path, 'placeholder'], comp.placeholder, 0, 100);
      c.length([...path, 'value'], comp.value, 0, 4000);
      return;
    }
    case 10:
      c.length([...path, 'content'], comp.content, 1, 4000, true);
      return;
    case 18: {
      c.length([...path, 'label'], comp.label, 1, 45, true);
      c.length([...path, 'description'], comp.description, 0, 100);
      checkComponent(c, [...path, 'component'], comp.component, customIds);
      return;
    }
    default: {
      // Components v2 containers/sections: check what they contain, not their layout rules.
      for (const key of ['components', 'accessory'] as const) {
        const inner = comp[key];
        if (Array.isArray(inner))
          inner.forEach((child, i) => {
            checkComponent(c, [...path, key, i], child, customIds);
          });
        else if (inner !== undefined) checkComponent(c, [...path, key], inner, customIds);
      }
    }
  }
}

function checkEmbeds(c: Checker, embeds: unknown[]): void {
  c.length(['embeds'], embeds, 0, 10);
  let total = 0;
  embeds.forEach((e, i) => {
    if (!isObj(e)) return;
    const p = ['embeds', i];
    const measured: Array<[Path, unknown, number]> = [
      [[...p, 'title'], e.title, 256],
      [[...p, 'description'], e.description, 4096],
      [[...p, 'footer', 'text'], isObj(e.footer) ? e.footer.text : undefined, 2048],
      [[...p, 'author', 'name'], isObj(e.author) ? e.author.name : undefined, 256],
    ];
    const fields = Array.isArray(e.fields) ? e.fields : [];
    c.length([...p, 'fields'], fields, 0, 25);
    fields.forEach((f, j) => {
      if (!isObj(f)) return;
      measured.push([[...p, 'fields', j, 'name'], f.name, 256], [[...p, 'fields', j, 'value'], f.value, 1024]);
    });
    for (const [path, value, max] of measured) {
      c.length(path, value, 0, max);
      total += typeof value === 'string' ? value.length : 0;
    }
  });
  if (total > 6000) c.fail(['embeds'], 'BASE_TYPE_MAX_LENGTH', 'Embed size exceeds maximum size of 6000');
}

/** A message create or edit body. `isCreate`: the result must not be empty (edits may leave fields untouched). */
export function checkMessage(body: Obj, isCreate: boolean, hasFiles = false): DiscordError | null {
  const c = new Checker();
  const v2 = typeof body.flags === 'number' && (body.flags & IS_COMPONENTS_V2) !== 0;
  if (v2 && (body.content || (Array.isArray(body.embeds) && body.embeds.length > 0))) {
    c.fail(
      ['content'],
      'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2',
      "The 'content' field cannot be used when using MessageFlags.IS_COMPONENTS_V2",
    );
  }
  c.length(['content'], body.content, 0, 2000);
  const embeds = Array.isArray(body.embeds) ? body.embeds : [];
  checkEmbeds(c, embeds);
  const components = Array.isArray(body.components) ? body.components : [];
  c.length(['components'], components, 0, v2 ? 40 : 5);
  const ids = new Set<string>();
  components.forEach((comp, i) => {
    if (!v2 && isObj(comp) && comp.type !== 1)
      c.fail(['components', i, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1,).');
    checkComponent(c, ['components', i], comp, ids);
  });
  const failed = c.result();
  if (failed) return failed;
  const empty = !str(body.content) && embeds.length === 0 && components.length === 0 && !hasFiles && !body.sticker_ids && !body.poll;
  return isCreate && empty ? { code: 50006, message: 'Cannot send an empty message' } : null;
}

export function checkModal(data: unknown): DiscordError | null {
  const c = new Checker();
  if (!isObj(data))
    return {
      code: 50035,
      message: 'Invalid Form Body',
      errors: { data: { _errors: [{ code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }] } },
    };
  c.length(['data', 'custom_id'], data.custom_id, 1, 100, true);
  c.length(['data', 'title'], data.title, 1, 45, true);
  const components = Array.isArray(data.components) ? data.components : [];
  c.length(['data', 'components'], components, 1, 5, true);
  const ids = new Set<string>();
  components.forEach((comp, i) => {
    checkComponent(c, ['data', 'components', i], comp, ids);
  });
  return c.result();
}

export function checkAutocomplete(data: unknown): DiscordError | null {
  const c = new Checker();
  const choices = isObj(data) && Array.isArray(data.choices) ? data.choices : [];
  c.length(['data', 'choices'], choices, 0, 25);
  choices.forEach((ch, i) => {
    if (!isObj(ch)) return;
    c.length(['data', 'choices', i, 'name'], ch.name, 1, 100, true);
    if (typeof ch.value === 'string') c.length(['data', 'choices', i, 'value'], ch.value, 1, 100);
  });
  return c.result();
}

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function checkName(c: Checker, path: Path, name: unknown, lowercase: boolean): void {
  if (typeof name !== 'string' || !NAME.test(name) || (lowercase && name !== name.toLowerCase())) {
    c.fail(path, 'APPLICATION_COMMAND_INVALID_NAME', `Command name is invalid`);
  }
}

function checkLocalized(c: Checker, path: Path, obj: Obj, lowercase: boolean, descriptionMax: number): void {
  checkName(c, [...path, 'name'], obj.name, lowercase);
  for (const [locale, value] of Object.entries(isObj(obj.name_localizations) ? obj.name_localizations : {})) {
    checkName(c, [...path, 'name_localizations', locale], value, lowercase);
  }
  if (descriptionMax > 0) {
    c.length([...path, 'description'], obj.description, 1, descriptionMax, true);
    for (const [locale, value] of Object.entries(isObj(obj.description_localizations) ? obj.description_localizations : {})) {
      c.length([...path, 'description_localizations', locale], value, 1, descriptionMax);
    }
  }
}

function checkOptions(c: Checker, path: Path, options: unknown[], depth: number): void {
  c.length(path, options, 0, 25);
  const names = new Set<string>();
  let sawOptional = false;
  options.forEach((o, i) => {
    const p = [...path, i];
    if (!isObj(o)) return;
    checkLocalized(c, p, o, true, 100);
    if (typeof o.name === 'string') {
      if (names.has(o.name)) c.fail([...p, 'name'], 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS', 'Option names must be unique');
      names.add(o.name);
    }
    const isSub = o.type === 1 || o.type === 2;
    if (isSub && (depth > 1 || (o.type === 2 && depth > 0)))
      c.fail([...p, 'type'], 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', 'Subcommands nest at most two levels');
    if (!isSub) {
      if (o.required === true && sawOptional)
        c.fail(
          [...p, 'required'],
          'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
          'Required options must be placed before non-required options',
        );
      if (o.required !== true) sawOptional = true;
    }
    const choices = Array.isArray(o.choices) ? o.choices : [];
    c.length([...p, 'choices'], choices, 0, 25);
    choices.forEach((ch, j) => {
      if (!isObj(ch)) return;
      c.length([...p, 'choices', j, 'name'], ch.name, 1, 100, true);
      if (typeof ch.value === 'string') c.length([...p, 'choices', j, 'value'], ch.value, 1, 100);
    });
    if (Array.isArray(o.options)) checkOptions(c, [...p, 'options'], o.options, depth + 1);
  });
}

/** A bulk overwrite body (PUT .../commands): an array of commands. */
export function checkCommands(body: unknown): DiscordError | null {
  const c = new Checker();
  if (!Array.isArray(body))
    return { code: 50035, message: 'Invalid Form Body', errors: { _errors: [{ code: 'BASE_TYPE_ARRAY', message: 'Must be an array' }] } };
  const chatInput = body.filter((cmd) => isObj(cmd) && (cmd.type ?? 1) === 1);
  c.length([], chatInput, 0, 100);
  const seen = new Set<string>();
  body.forEach((cmd, i) => {
    if (!isObj(cmd)) return;
    const type = (cmd.type as number | undefined) ?? 1;
    checkLocalized(c, [i], cmd, type === 1, type === 1 ? 100 : 0);
    const key = `${type}:${String(cmd.name)}`;
    if (seen.has(key)) c.fail([i, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', `Application command names must be unique`);
    seen.add(key);
    if (Array.isArray(cmd.options)) checkOptions(c, [i, 'options'], cmd.options, 0);
  });
  return c.result();
}
