/*
 * Kubernetes resource quantities: `<signedNumber><suffix>`, suffix a binary SI
 * (Ki … Ei), decimal SI (n u m "" k M G T P E) or decimal exponent (e3, E-2).
 */
const QUANTITY =
  /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/**
 * A parsed quantity: its value in base units and the suffix it was written with.
 *
 * @public
 */
export interface Quantity {
  value: number;
  suffix: string;
}

/**
 * Parses a Kubernetes quantity, or returns undefined when it is not one.
 *
 * @public
 */
export function parseQuantity(text: string): Quantity | undefined {
  const match = QUANTITY.exec(text);
  if (!match) return undefined;
  const [, number, suffix = ''] = match;
  let factor: number;
  if (suffix in BINARY) factor = BINARY[suffix];
  else if (suffix in DECIMAL) factor = DECIMAL[suffix];
  else factor = 10 ** Number(suffix.slice(1));
  return { value: Number(number) * factor, suffix };
}

/**
 * Writes a quantity of a quota resource from its base-unit value, as the
 * API server writes them: CPU in whole cores or millicores (`2`, `1500m`),
 * memory and storage in Gi when exact, else Mi (`48Gi`, `700Mi`), counts as
 * integers.
 *
 * @public
 */
export function formatQuantity(resource: string, value: number): string {
  if (/cpu/.test(resource)) {
    const milli = Math.round(value * 1000);
    return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
  }
  if (/memory|storage/.test(resource)) {
    const mebi = Math.round(value / 2 ** 20);
    return mebi % 1024 === 0 ? `${mebi / 1024}Gi` : `${mebi}Mi`;
  }
  return String(Math.round(value));
}
