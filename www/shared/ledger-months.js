// A long ledger summarised for the staff view: by month and, inside each
// month, by item. Pure (no engine, no DOM), so it is unit-tested on its own;
// the staff view's worker sends it in place of thousands of lines.

const AMOUNTS = ["gross", "discount", "charge", "adjustment", "insurerPays", "assistance", "patientPays"];
const add = (into, line) => {
  for (const k of AMOUNTS) into[k] = (into[k] ?? 0) + line[k];
};

/**
 * A ledger by month and, inside each month, by item (lines of one kind,
 * name, code and charge): every amount the sum of the engine's lines.
 */
export function byMonth(lines) {
  const months = new Map();
  for (const line of lines) {
    const key = line.date.slice(0, "YYYY-MM".length);
    let month = months.get(key);
    if (!month) months.set(key, (month = { month: key, lines: 0, items: new Map() }));
    month.lines += 1;
    add(month, line);
    const itemKey = `${line.kind}\u0000${line.name}\u0000${line.code ?? ""}\u0000${line.charge}`;
    let item = month.items.get(itemKey);
    if (!item) month.items.set(itemKey, (item = { kind: line.kind, name: line.name, code: line.code, times: 0, quantity: 0, first: line.date }));
    item.times += 1;
    item.quantity += line.quantity;
    item.last = line.date;
    add(item, line);
  }
  return [...months.values()].map((m) => ({ ...m, items: [...m.items.values()] }));
}
