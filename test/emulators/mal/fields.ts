/**
 * MAL's `fields` parameter: a comma list where a name may carry its own sub-list in braces, e.g.
 * `synopsis,my_list_status{priority,comments}` (spec: "Choosing fields"). Parsed into a tree; a name
 * without braces maps to null.
 */
export type FieldTree = Map<string, FieldTree | null>;

export type ParsedFields = { ok: true; tree: FieldTree } | { ok: false };

export function parseFields(raw: string | null): ParsedFields {
  if (raw === null) return { ok: true, tree: new Map() };
  const text: string = raw;
  let position = 0;

  function list(depth: number): FieldTree | undefined {
    const tree: FieldTree = new Map();
    let name = '';
    const flush = (children: FieldTree | null) => {
      const trimmed = name.trim();
      if (trimmed) tree.set(trimmed, mergeTrees(tree.get(trimmed) ?? null, children));
      name = '';
    };
    while (position < text.length) {
      const char = text[position++];
      if (char === ',') {
        flush(null);
      } else if (char === '{') {
        const children = list(depth + 1);
        if (!children) return undefined;
        flush(children);
        // A sub-list is followed by a comma, a closing brace or the end.
        while (text[position] === ' ') position++;
        if (text[position] === ',') position++;
      } else if (char === '}') {
        if (depth === 0) return undefined;
        flush(null);
        return tree;
      } else {
        name += char;
      }
    }
    if (depth > 0) return undefined;
    flush(null);
    return tree;
  }

  const tree = list(0);
  return tree ? { ok: true, tree } : { ok: false };
}

function mergeTrees(a: FieldTree | null, b: FieldTree | null): FieldTree | null {
  if (!a) return b;
  if (!b) return a;
  return new Map([...a, ...b]);
}

/** The sub-field names asked for under `name`, e.g. {priority, comments} for `my_list_status{priority,comments}`. */
export function subFields(tree: FieldTree, name: string): Set<string> {
  return new Set(tree.get(name)?.keys() ?? []);
}
