/**
 * Text in Shift_JIS (cp932) bytes, as Excel in Japanese saves CSV, for upload tests. Node has no
 * Shift_JIS encoder, so the table is the decoder's read backwards.
 */
let table: Map<string, number[]> | undefined;

export function shiftJis(text: string): Buffer {
  if (!table) {
    table = new Map();
    const decoder = new TextDecoder("shift_jis");
    for (let lead = 0x81; lead <= 0xfc; lead++)
      for (let trail = 0x40; trail <= 0xfc; trail++) {
        const c = decoder.decode(Uint8Array.from([lead, trail]));
        if (c.length === 1 && c !== "\uFFFD" && !table.has(c))
          table.set(c, [lead, trail]);
      }
  }
  const bytes: number[] = [];
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) bytes.push(c.charCodeAt(0));
    else {
      const pair = table.get(c);
      if (!pair) throw new Error(`no Shift_JIS for ${c}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}
