/**
 * Whether a set of labels satisfies a label selector; made by
 * {@link parseLabelSelector}.
 *
 * @public
 */
export type LabelSelectorMatcher = (labels: Record<string, string>) => boolean;

const SPECIAL = new Set(['!', '=', ',', '(', ')', '<', '>']);
const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const PREFIX =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The value of a label, never one of the object's prototype. */
const get = (labels: Record<string, string>, key: string) =>
  Object.hasOwn(labels, key) ? labels[key] : undefined;

const isOperator = (token: string) =>
  SPECIAL.has(token) || token === '==' || token === '!=';

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (text.startsWith('==', i) || text.startsWith('!=', i)) {
      tokens.push(text.slice(i, i + 2));
      i += 2;
    } else if (SPECIAL.has(c)) {
      tokens.push(c);
      i++;
    } else {
      let j = i;
      while (j < text.length && !SPECIAL.has(text[j]) && !/\s/.test(text[j]))
        j++;
      tokens.push(text.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

function checkKey(key: string | undefined): string {
  if (!key || isOperator(key)) {
    throw new Error(`expected a label key, found ${key ?? 'the end'}`);
  }
  const slash = key.lastIndexOf('/');
  const [prefix, name] =
    slash < 0 ? [undefined, key] : [key.slice(0, slash), key.slice(slash + 1)];
  if (
    name.length > 63 ||
    !NAME.test(name) ||
    (prefix !== undefined && (prefix.length > 253 || !PREFIX.test(prefix)))
  ) {
    throw new Error(
      `"${key}" is not a label key: an optional DNS-subdomain prefix and "/", then at most 63 alphanumerics, "-", "_" or "."`,
    );
  }
  return key;
}

function checkValue(value: string): string {
  if (value !== '' && (value.length > 63 || !NAME.test(value))) {
    throw new Error(
      `"${value}" is not a label value: at most 63 alphanumerics, "-", "_" or ".", starting and ending with an alphanumeric`,
    );
  }
  return value;
}

/**
 * Parses a Kubernetes label selector as `labels.Parse` reads it: the string of
 * the API server's `?labelSelector=` and of Argo CD's
 * `GET /api/v1/applications?selector=`. Requirements are separated by commas,
 * each `key`, `!key`, `key=value`, `key==value`, `key!=value`,
 * `key in (a,b)`, `key notin (a,b)`, `key>n` or `key<n`; all must hold.
 * `!=` and `notin` also match labels without the key, as in Kubernetes; an
 * empty selector matches every set of labels. Keys and values are checked
 * against the Kubernetes label syntax.
 *
 * @param text - the selector, e.g. `team=payments,env in (prod,staging)`.
 * @returns a matcher for sets of labels.
 * @throws Error with a message naming the rule the text breaks.
 * @public
 */
export function parseLabelSelector(text: string): LabelSelectorMatcher {
  const tokens = tokenize(text);
  const requirements: LabelSelectorMatcher[] = [];
  let i = 0;
  const next = () => tokens[i++];
  const peek = () => tokens[i];

  while (i < tokens.length) {
    if (peek() === '!') {
      next();
      const key = checkKey(next());
      requirements.push(labels => get(labels, key) === undefined);
    } else {
      const key = checkKey(next());
      const op = peek();
      if (op === undefined || op === ',') {
        requirements.push(labels => get(labels, key) !== undefined);
      } else if (op === '=' || op === '==' || op === '!=') {
        next();
        const token = peek();
        const value =
          token === undefined || token === ',' ? '' : checkValue(next());
        requirements.push(
          op === '!='
            ? labels => get(labels, key) !== value
            : labels => get(labels, key) === value,
        );
      } else if (op === 'in' || op === 'notin') {
        next();
        if (next() !== '(') throw new Error(`expected "(" after ${op}`);
        const values = new Set<string>();
        let value: string | undefined;
        for (;;) {
          const token = next();
          if (token === undefined) throw new Error(`expected ")" after ${op}`);
          if (token === ',' || token === ')') {
            values.add(value ?? '');
            value = undefined;
            if (token === ')') break;
          } else if (value !== undefined || isOperator(token)) {
            throw new Error(
              `expected "," or ")" in the values of ${key}, found ${token}`,
            );
          } else {
            value = checkValue(token);
          }
        }
        requirements.push(labels => {
          const found = get(labels, key);
          const listed = found !== undefined && values.has(found);
          return op === 'in' ? listed : !listed;
        });
      } else if (op === '>' || op === '<') {
        next();
        const token = next();
        if (token === undefined || !/^-?\d+$/.test(token)) {
          throw new Error(`expected an integer after ${op}`);
        }
        const bound = Number(token);
        requirements.push(labels => {
          const found = get(labels, key);
          if (found === undefined || !/^-?\d+$/.test(found)) return false;
          return op === '>' ? Number(found) > bound : Number(found) < bound;
        });
      } else {
        throw new Error(
          `expected =, ==, !=, in, notin, >, < or "," after "${key}", found ${op}`,
        );
      }
    }
    const separator = next();
    if (separator !== undefined && separator !== ',') {
      throw new Error(`expected "," between requirements, found ${separator}`);
    }
    if (separator === ',' && i >= tokens.length) {
      throw new Error('expected a requirement after the last ","');
    }
  }
  return labels => requirements.every(r => r(labels));
}
