/**
 * A small two-series bar chart (total and a highlighted part) drawn as SVG, with the numbers also
 * in a visually hidden table for screen readers. Polaris-viz would add ~200 KB for this.
 */
export function BarTrend({ data, total, part, caption, format }: {
  data: { label: string; total: number; part: number }[];
  total: string;
  part: string;
  caption: string;
  format: (n: number) => string;
}) {
  const max = Math.max(1, ...data.map((d) => d.total));
  const w = 640;
  const h = 160;
  const bar = w / data.length;
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${w} ${h + 20}`} width="100%" role="img" aria-label={caption}>
        {data.map((d, i) => {
          const th = (d.total / max) * h;
          const ph = (d.part / max) * h;
          return (
            <g key={d.label}>
              <rect x={i * bar + 6} y={h - th} width={bar - 12} height={th} fill="#c9d9f5" rx="3" />
              <rect x={i * bar + 6} y={h - ph} width={bar - 12} height={ph} fill="#2c6ecb" rx="3" />
              <text x={i * bar + bar / 2} y={h + 15} textAnchor="middle" fontSize="11" fill="#616161">
                {d.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption style={{ display: "flex", gap: 16, fontSize: 12, color: "#616161" }}>
        <span><span style={{ display: "inline-block", width: 10, height: 10, background: "#c9d9f5", marginRight: 4 }} />{total}</span>
        <span><span style={{ display: "inline-block", width: 10, height: 10, background: "#2c6ecb", marginRight: 4 }} />{part}</span>
      </figcaption>
      <table style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}>
        <caption>{caption}</caption>
        <tbody>
          {data.map((d) => (
            <tr key={d.label}>
              <th scope="row">{d.label}</th>
              <td>{`${total}: ${format(d.total)}`}</td>
              <td>{`${part}: ${format(d.part)}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
